"use client";
// @twentythree-upload/react: an explicit list of the public API. Core's API is re-exported so
// that apps install one package.
export * from "@twentythree-upload/core";

// Components
export { CallbackHandler, type CallbackHandlerProps } from "./CallbackHandler.js";
export type { CallbackFailure, CallbackState, CallbackSuccess } from "./readCallback.js";
export { UploadForm, type UploadFormProps } from "./UploadForm.js";
export type { UseUploadFormOptions } from "./useUploadForm.js";
export { UploadProgressBar, type UploadProgressBarProps } from "./UploadProgressBar.js";
export { UploadProvider, type UploadProviderProps } from "./UploadProvider.js";
export { UploadQueue, renderUploadQueueItem, type UploadQueueProps } from "./UploadQueue.js";
export { UploadQueueAnnouncer, type UploadQueueAnnouncerProps } from "./UploadQueueAnnouncer.js";
export { UploadQueueCancel, type UploadQueueCancelProps } from "./UploadQueueCancel.js";
export { UploadQueueDropErrors, type UploadQueueDropErrorsProps } from "./UploadQueueDropErrors.js";
export { UploadQueueDropZone, type UploadQueueDropZoneProps } from "./UploadQueueDropZone.js";
export { UploadQueueItem, type UploadQueueItemProps } from "./UploadQueueItem.js";
export { UploadQueueItemName, type UploadQueueItemNameProps } from "./UploadQueueItemName.js";
export { UploadQueueItemSize, type UploadQueueItemSizeProps } from "./UploadQueueItemSize.js";
export { UploadQueueItemSpeed, type UploadQueueItemSpeedProps } from "./UploadQueueItemSpeed.js";
export { UploadQueueItemStatus, type UploadQueueItemStatusProps } from "./UploadQueueItemStatus.js";
export { UploadQueueList, type UploadQueueListProps } from "./UploadQueueList.js";
export { UploadQueueProgress, type UploadQueueProgressProps } from "./UploadQueueProgress.js";
export { UploadQueueRemove, type UploadQueueRemoveProps } from "./UploadQueueRemove.js";
export { UploadQueueRetry, type UploadQueueRetryProps } from "./UploadQueueRetry.js";
export { UploadQueueRoot, type UploadQueueRootProps } from "./UploadQueueRoot.js";
export { UploadQueueSummary, type UploadQueueSummaryProps } from "./UploadQueueSummary.js";
export {
  UploadQueueTotalProgress,
  type UploadQueueTotalProgressProps,
} from "./UploadQueueTotalProgress.js";
export { UploadQueueTrigger, type UploadQueueTriggerProps } from "./UploadQueueTrigger.js";

// Hooks
export { useAnnouncement } from "./useAnnouncement.js";
export {
  useDropZone,
  type DropZoneProps,
  type DropZoneResult,
  type UseDropZoneOptions,
} from "./useDropZone.js";
export {
  useFilePicker,
  type FilePickerInputProps,
  type FilePickerResult,
  type FilePickerTriggerProps,
  type UseFilePickerOptions,
} from "./useFilePicker.js";
export { useLabels } from "./useLabels.js";
export { usePaste, type UsePasteOptions } from "./usePaste.js";
export { useUploadContext } from "./useUploadContext.js";
export { isUploader, useUploader, type UseUploaderOptions } from "./useUploader.js";
export { shallowEqual, useUploaderState } from "./useUploaderState.js";
export { useUploadItem } from "./useUploadItem.js";
export { useUploadItemIds, useUploadQueue, type UploadQueueState } from "./useUploadQueue.js";
export {
  markTokenConsumed,
  useUploadToken,
  type UploadTokenState,
  type UseUploadTokenOptions,
} from "./useUploadToken.js";

// Labels, formatting, settings
export { danishLabels } from "./danishLabels.js";
export { describeError, describeItem } from "./describeItem.js";
export { englishLabels } from "./englishLabels.js";
export { formatDuration, formatFileSize, formatSpeed } from "./formatting.js";
export type { UploadLabels } from "./labels.js";
export { readDroppedFiles, type DroppedFiles, type UnreadableEntry } from "./readDroppedFiles.js";
export { defaultUploadSettings } from "./defaultUploadSettings.js";
export type { UploadSettings } from "./UploadContext.js";
export { UploadSettingsError } from "./UploadSettingsError.js";
