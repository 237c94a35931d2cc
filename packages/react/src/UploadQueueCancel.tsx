"use client";
import { createItemAction } from "./createItemAction.js";

export type { UploadQueueItemActionProps as UploadQueueCancelProps } from "./createItemAction.js";

/**
 * Cancels the item (aborting its request). Rendered only while the item is unsettled; its
 * accessible name includes the file name ("Cancel clip.mov").
 *
 * @selector [data-part="cancel"]
 */
export const UploadQueueCancel = createItemAction({
  part: "cancel",
  statuses: ["queued", "uploading", "processing", "retrying", "paused"],
  run: (uploader, id) => uploader.cancel(id),
  text: (labels) => labels.cancel,
  label: (labels, name) => labels.cancelItem(name),
});
