"use client";
import type { UploaderSnapshot } from "@twentythree-upload/core";
import { forwardRef } from "react";
import { UploadProgressBar } from "./UploadProgressBar.js";
import type { UploadQueueProgressProps } from "./UploadQueueProgress.js";
import { useQueueContext } from "./UploadQueueContext.js";
import { useUploaderState } from "./useUploaderState.js";

/** Props of {@link UploadQueueTotalProgress}: `<progress>` props. */
export type UploadQueueTotalProgressProps = UploadQueueProgressProps;

const selectProgress = (snapshot: UploaderSnapshot) => snapshot.progress;
const selectBusy = (snapshot: UploaderSnapshot) => snapshot.isBusy;

/**
 * Progress over all items that are not rejected or canceled.
 *
 * @selector [data-part="progress"][data-total]
 * @selector [data-state="idle"|"busy"]
 * @selector [data-value] / [data-max] / [data-indeterminate]
 */
export const UploadQueueTotalProgress = forwardRef<
  HTMLProgressElement,
  UploadQueueTotalProgressProps
>(function UploadQueueTotalProgress(props, ref) {
  const { uploader, labels } = useQueueContext("TotalProgress");
  const progress = useUploaderState(uploader, selectProgress);
  const isBusy = useUploaderState(uploader, selectBusy);
  return (
    <UploadProgressBar
      data-total=""
      {...props}
      ref={ref}
      progress={progress.total === 0 ? { ...progress, fraction: 0 } : progress}
      label={labels.totalProgress}
      labels={labels}
      state={isBusy ? "busy" : "idle"}
    />
  );
});
