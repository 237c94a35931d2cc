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
// Uploads are running but not one byte has been measured (e.g. all through the iframe fallback):
// a "0%" would claim a measurement that does not exist.
const selectUnmeasured = (snapshot: UploaderSnapshot) =>
  snapshot.counts.uploading > 0 &&
  snapshot.progress.loaded === 0 &&
  snapshot.progress.bytesPerSecond === null;

/**
 * Progress over all items that are not rejected or canceled; indeterminate while uploads run
 * but none has measured a byte yet (the iframe fallback measures none until a file is done).
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
  const unmeasured = useUploaderState(uploader, selectUnmeasured);
  const shown = unmeasured
    ? { ...progress, fraction: null }
    : progress.total === 0
      ? { ...progress, fraction: 0 }
      : progress;
  return (
    <UploadProgressBar
      data-total=""
      {...props}
      ref={ref}
      progress={shown}
      label={labels.totalProgress}
      labels={labels}
      state={isBusy ? "busy" : "idle"}
    />
  );
});
