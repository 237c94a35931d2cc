import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { formatDuration, formatSpeed } from "./formatting.js";
import { useQueueContext, useQueueItemContext } from "./UploadQueueContext.js";

/** Props of {@link UploadQueueItemSpeed}: `<span>` props. */
export type UploadQueueItemSpeedProps = ComponentPropsWithoutRef<"span">;

/**
 * Speed and time left while the item uploads (e.g. "2.1 MB/s, 12 sec. left"); empty otherwise.
 *
 * @selector [data-part="item-speed"]
 * @selector [data-state] — the item's status.
 */
export const UploadQueueItemSpeed = forwardRef<HTMLSpanElement, UploadQueueItemSpeedProps>(
  function UploadQueueItemSpeed(props, ref) {
    const { labels } = useQueueContext("ItemSpeed");
    const { item } = useQueueItemContext("ItemSpeed");
    const { bytesPerSecond, secondsRemaining } = item.progress;
    const text =
      item.status === "uploading" && bytesPerSecond !== null && bytesPerSecond > 0
        ? labels.speed(
            formatSpeed(bytesPerSecond, labels.locale),
            secondsRemaining === null ? null : formatDuration(secondsRemaining, labels.locale),
          )
        : "";
    return (
      <span data-part="item-speed" data-state={item.status} {...props} ref={ref}>
        {text}
      </span>
    );
  },
);
