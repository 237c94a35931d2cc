"use client";
import { createItemAction } from "./createItemAction.js";

export type { UploadQueueItemActionProps as UploadQueueRetryProps } from "./createItemAction.js";

/**
 * Retries a failed or canceled item (with a fresh token). Rendered only in those states.
 *
 * @selector [data-part="retry"]
 */
export const UploadQueueRetry = createItemAction({
  part: "retry",
  statuses: ["failed", "canceled"],
  run: (uploader, id) => uploader.retry(id),
  text: (labels) => labels.retry,
  label: (labels, name) => labels.retryItem(name),
});
