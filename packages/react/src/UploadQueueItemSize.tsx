import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { formatFileSize } from "./formatting.js";
import { useQueueContext, useQueueItemContext } from "./UploadQueueContext.js";

/** Props of {@link UploadQueueItemSize}: `<span>` props. */
export type UploadQueueItemSizeProps = ComponentPropsWithoutRef<"span">;

/**
 * The file's size, formatted for the labels' locale (e.g. "4.2 MB").
 *
 * @selector [data-part="item-size"]
 */
export const UploadQueueItemSize = forwardRef<HTMLSpanElement, UploadQueueItemSizeProps>(
  function UploadQueueItemSize(props, ref) {
    const { labels } = useQueueContext("ItemSize");
    const { item } = useQueueItemContext("ItemSize");
    return (
      <span data-part="item-size" {...props} ref={ref}>
        {formatFileSize(item.size, labels.locale)}
      </span>
    );
  },
);
