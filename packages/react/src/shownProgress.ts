import type { ProgressState, UploadItem } from "@twentythree-upload/core";

/**
 * @internal The progress an item's bar shows: full once it succeeded, and indeterminate while it
 * is uploading but nothing has been measured yet. An upload starts before its transport reports
 * anything; through the iframe fallback nothing is ever measured, and showing "0%" until the
 * transport says so would claim a measurement that does not exist.
 */
export function shownProgress(item: UploadItem): ProgressState {
  const { progress, status } = item;
  if (status === "succeeded") {
    return { ...progress, fraction: 1 };
  }
  if (status === "uploading" && progress.loaded === 0 && progress.bytesPerSecond === null) {
    return progress.fraction === null ? progress : { ...progress, fraction: null };
  }
  return progress;
}
