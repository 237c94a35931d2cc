import type { UploadLabels } from "./labels.js";

/**
 * @internal English strings about one upload that `<UploadForm>` and `<UploadQueue>` both show:
 * its status, why it failed or was refused, its progress bar and its Cancel/Retry buttons.
 */
export const englishItemLabels = {
  cancel: "Cancel",
  retry: "Retry",
  status: {
    rejected: "Not added",
    queued: "Waiting",
    uploading: "Uploading",
    processing: "Processing",
    retrying: "Retrying soon",
    paused: "Paused: offline",
    succeeded: "Uploaded",
    failed: "Failed",
    canceled: "Canceled",
  },
  itemProgress: (name) => `Upload of ${name}`,
  progressValue: (percent, loaded, total) => `${percent}% (${loaded} of ${total})`,
  progressIndeterminate: "Uploading, progress unknown",
  errors: {
    network: "The connection failed.",
    timeout: "The upload stalled or the server did not answer in time.",
    http: "The server answered with an error.",
    "token-expired": "The upload permission expired.",
    "token-invalid": "The upload permission was refused.",
    "file-rejected": "The video platform refused the file.",
    cors: "The video platform does not allow uploads from this page.",
    aborted: "The upload was canceled.",
  },
  rejection: (_name, rejection) => rejection.message,
  maybeStored: "The file may already be on the video platform.",
} satisfies Partial<UploadLabels>;
