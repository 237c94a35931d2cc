import type { UploadError, UploadItem } from "@twentythree-upload/core";
import type { UploadLabels } from "./labels.js";

/**
 * Why an upload failed, in the labels' language. An HTTP error adds its status ("HTTP 503."),
 * which is what a user quotes to support; TwentyThree's own message is appended as text, and an
 * `ambiguous` error says that the file may be stored already (`labels.maybeStored`).
 */
export function describeError(
  error: UploadError | null,
  labels: Pick<UploadLabels, "errors" | "maybeStored">,
): string {
  if (!error) {
    return labels.errors.network;
  }
  const parts = [labels.errors[error.kind]];
  if (error.kind === "http" && error.status !== null) {
    parts.push(`HTTP ${error.status}.`);
  }
  if (error.serverMessage) {
    parts.push(error.serverMessage);
  }
  if (error.ambiguous && labels.maybeStored) {
    parts.push(labels.maybeStored);
  }
  return parts.join(" ");
}

/**
 * The visible status text of an item: its status, plus the reason when it was rejected or
 * failed (e.g. "Failed: The connection failed."), or the video id once it succeeded. A failure or
 * cancellation after the file was sent adds that it may be stored already.
 */
export function describeItem(
  item: UploadItem,
  labels: Pick<UploadLabels, "status" | "uploaded" | "rejection" | "errors" | "maybeStored">,
): string {
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
  if (item.status === "canceled" && item.error?.ambiguous && labels.maybeStored) {
    return `${status}: ${labels.maybeStored}`;
  }
  return status;
}
