"use client";
import type { ReactNode } from "react";
import { UploadQueueAnnouncer } from "./UploadQueueAnnouncer.js";
import { UploadQueueCancel } from "./UploadQueueCancel.js";
import { UploadQueueDropErrors } from "./UploadQueueDropErrors.js";
import { UploadQueueDropZone } from "./UploadQueueDropZone.js";
import { UploadQueueItem } from "./UploadQueueItem.js";
import { UploadQueueItemName } from "./UploadQueueItemName.js";
import { UploadQueueItemSize } from "./UploadQueueItemSize.js";
import { UploadQueueItemSpeed } from "./UploadQueueItemSpeed.js";
import { UploadQueueItemStatus } from "./UploadQueueItemStatus.js";
import { UploadQueueList } from "./UploadQueueList.js";
import { UploadQueueProgress } from "./UploadQueueProgress.js";
import { UploadQueueRemove } from "./UploadQueueRemove.js";
import { UploadQueueRetry } from "./UploadQueueRetry.js";
import { UploadQueueRoot, type UploadQueueRootProps } from "./UploadQueueRoot.js";
import { UploadQueueSummary } from "./UploadQueueSummary.js";
import { UploadQueueTotalProgress } from "./UploadQueueTotalProgress.js";
import { UploadQueueTrigger } from "./UploadQueueTrigger.js";

/** Props of {@link UploadQueue}: those of `UploadQueue.Root`, plus a row renderer. */
export interface UploadQueueProps extends UploadQueueRootProps {
  /** Renders one row. Default: {@link renderUploadQueueItem}. */
  renderItem?: (id: string) => ReactNode;
}

/**
 * The default row: name, size, progress bar, speed and time left, status (with the reason for
 * a refusal or failure), and the cancel, retry and remove buttons that apply.
 */
export function renderUploadQueueItem(id: string): ReactNode {
  return (
    <UploadQueueItem id={id}>
      <UploadQueueItemName />
      <UploadQueueItemSize />
      <UploadQueueProgress />
      <UploadQueueItemSpeed />
      <UploadQueueItemStatus />
      <UploadQueueCancel />
      <UploadQueueRetry />
      <UploadQueueRemove />
    </UploadQueueItem>
  );
}

function UploadQueueDefault({
  renderItem = renderUploadQueueItem,
  children,
  ...props
}: UploadQueueProps) {
  return (
    <UploadQueueRoot {...props}>
      <UploadQueueDropZone />
      <UploadQueueDropErrors />
      <UploadQueueSummary />
      <UploadQueueTotalProgress />
      <UploadQueueList>{renderItem}</UploadQueueList>
      <UploadQueueAnnouncer />
      {children}
    </UploadQueueRoot>
  );
}

/**
 * A multi-file upload queue: a drop zone (which is also the picker button; paste works while
 * focus is in the queue), a summary and total progress, a virtualized list of rows, and a polite
 * live region. Build your own layout from the parts, which are also exported on their own
 * (`UploadQueue.Root` is `UploadQueueRoot`, and so on).
 */
export const UploadQueue = Object.assign(UploadQueueDefault, {
  Root: UploadQueueRoot,
  DropZone: UploadQueueDropZone,
  DropErrors: UploadQueueDropErrors,
  Trigger: UploadQueueTrigger,
  List: UploadQueueList,
  Item: UploadQueueItem,
  ItemName: UploadQueueItemName,
  ItemSize: UploadQueueItemSize,
  ItemSpeed: UploadQueueItemSpeed,
  ItemStatus: UploadQueueItemStatus,
  Progress: UploadQueueProgress,
  Cancel: UploadQueueCancel,
  Retry: UploadQueueRetry,
  Remove: UploadQueueRemove,
  TotalProgress: UploadQueueTotalProgress,
  Summary: UploadQueueSummary,
  Announcer: UploadQueueAnnouncer,
});
