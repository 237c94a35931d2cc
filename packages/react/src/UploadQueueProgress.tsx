import { forwardRef } from "react";
import { UploadProgressBar, type UploadProgressBarProps } from "./UploadProgressBar.js";
import { shownProgress } from "./shownProgress.js";
import { useQueueContext, useQueueItemContext } from "./UploadQueueContext.js";

/** Props of {@link UploadQueueProgress}: `<progress>` props. */
export type UploadQueueProgressProps = Omit<
  UploadProgressBarProps,
  "progress" | "label" | "labels" | "state"
>;

/**
 * The item's progress bar (a native `<progress>`, role `progressbar`, with `aria-valuenow` and
 * `aria-valuetext`). Full once the item succeeded; indeterminate when the transport cannot
 * measure bytes (the iframe fallback), and while an upload has started but nothing has been
 * measured yet.
 *
 * @selector [data-part="progress"]
 * @selector [data-state] — the item's status.
 * @selector [data-value] / [data-max] / [data-indeterminate]
 */
export const UploadQueueProgress = forwardRef<HTMLProgressElement, UploadQueueProgressProps>(
  function UploadQueueProgress(props, ref) {
    const { labels } = useQueueContext("Progress");
    const { item } = useQueueItemContext("Progress");
    return (
      <UploadProgressBar
        {...props}
        ref={ref}
        progress={shownProgress(item)}
        label={labels.itemProgress(item.name)}
        labels={labels}
        state={item.status}
      />
    );
  },
);
