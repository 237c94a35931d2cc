import type { UploadError, UploadItem } from "@twentythree-upload/core";
import type { UploadLabels } from "./labels.js";

/** Why an upload failed, in the labels' language; TwentyThree's own message is appended as text. */
export function describeError(error: UploadError | null, labels: UploadLabels): string {
  if (!error) {
    return labels.errors.network;
  }
  const sentence = labels.errors[error.kind];
  return error.serverMessage ? `${sentence} ${error.serverMessage}` : sentence;
}

/**
 * The visible status text of an item: its status, plus the reason when it was rejected or
 * failed (e.g. "Failed: The connection failed."), or the video id once it succeeded.
 */
export function describeItem(item: UploadItem, labels: UploadLabels): string {
  const status = labels.status[item.status];
  if (item.status === "succeeded" && item.result) {
    return labels.uploaded(item.result.photoId);
  }
  if (item.status === "rejected" && item.rejection) {
    return `${status}: ${labels.rejection(item.name, item.rejection)}`;
  }
  if (item.status === "failed") {
    return `${status}: ${describeError(item.error, labels)}`;
  }
  return status;
}
