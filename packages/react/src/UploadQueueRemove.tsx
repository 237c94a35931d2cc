"use client";
import { createItemAction } from "./createItemAction.js";

export type { UploadQueueItemActionProps as UploadQueueRemoveProps } from "./createItemAction.js";

/**
 * Removes the item from the queue. Rendered while nothing is in flight for it (cancel first);
 * focus moves to the next row afterwards.
 *
 * @selector [data-part="remove"]
 */
export const UploadQueueRemove = createItemAction({
  part: "remove",
  statuses: ["rejected", "queued", "succeeded", "failed", "canceled"],
  run: (uploader, id) => uploader.remove(id),
  text: (labels) => labels.remove,
  label: (labels, name) => labels.removeItem(name),
});
