import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { describeItem } from "./describeItem.js";
import { useQueueContext, useQueueItemContext } from "./UploadQueueContext.js";

/** Props of {@link UploadQueueItemStatus}: `<span>` props. */
export type UploadQueueItemStatusProps = ComponentPropsWithoutRef<"span">;

/**
 * The item's status in words, with the reason when it was rejected (validation) or failed.
 * Server messages are rendered as text only.
 *
 * @selector [data-part="item-status"]
 * @selector [data-state] — the item's status.
 */
export const UploadQueueItemStatus = forwardRef<HTMLSpanElement, UploadQueueItemStatusProps>(
  function UploadQueueItemStatus(props, ref) {
    const { labels } = useQueueContext("ItemStatus");
    const { item } = useQueueItemContext("ItemStatus");
    return (
      <span data-part="item-status" data-state={item.status} {...props} ref={ref}>
        {describeItem(item, labels)}
      </span>
    );
  },
);
