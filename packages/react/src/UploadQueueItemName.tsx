import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { useQueueItemContext } from "./UploadQueueContext.js";

/** Props of {@link UploadQueueItemName}: `<span>` props. */
export type UploadQueueItemNameProps = ComponentPropsWithoutRef<"span">;

/**
 * The file's name, as text.
 *
 * @selector [data-part="item-name"]
 */
export const UploadQueueItemName = forwardRef<HTMLSpanElement, UploadQueueItemNameProps>(
  function UploadQueueItemName(props, ref) {
    const { item } = useQueueItemContext("ItemName");
    return (
      <span data-part="item-name" {...props} ref={ref}>
        {item.name}
      </span>
    );
  },
);
