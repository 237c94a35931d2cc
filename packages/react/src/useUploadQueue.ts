import type {
  ProgressState,
  StatusCounts,
  Uploader,
  UploaderSnapshot,
  UploadItem,
  UploadMeta,
} from "@twentythree-upload/core";
import { useMemo } from "react";
import { shallowEqual, useUploaderState } from "./useUploaderState.js";
import { useUploader, type UseUploaderOptions } from "./useUploader.js";

/** What {@link useUploadQueue} returns. */
export interface UploadQueueState {
  readonly uploader: Uploader;
  /** All items in the order they were added (a new array whenever any item changes). */
  readonly items: readonly UploadItem[];
  /** Item ids in order; keeps its identity while no item is added or removed (for lists). */
  readonly ids: readonly string[];
  readonly counts: StatusCounts;
  /** Progress over all items that are not rejected or canceled. */
  readonly progress: ProgressState;
  readonly isBusy: boolean;
  readonly isOnline: boolean;
  /** Adds files; invalid ones become `rejected` items. Returns their ids. */
  add(files: Iterable<Blob> | ArrayLike<Blob>, meta?: UploadMeta): readonly string[];
  start(id?: string): void;
  cancel(id?: string): void;
  retry(id?: string): void;
  remove(id: string): void;
}

const selectIds = (snapshot: UploaderSnapshot): readonly string[] =>
  snapshot.items.map((item) => item.id);

/** Item ids in order; re-renders only when items are added, removed or reordered. */
export function useUploadItemIds(uploader: Uploader): readonly string[] {
  return useUploaderState(uploader, selectIds, shallowEqual);
}

/**
 * A whole queue for a custom UI: creates an uploader from options once per component (or uses
 * the one given) and reads it through `useUploaderState`. Re-renders on every change of any item;
 * for long lists, render rows with `useUploadItem` and `useUploadItemIds` instead.
 */
export function useUploadQueue(source: UseUploaderOptions | Uploader = {}): UploadQueueState {
  const uploader = useUploader(source);
  const snapshot = useUploaderState(uploader);
  const ids = useUploadItemIds(uploader);
  return useMemo(
    () => ({
      uploader,
      items: snapshot.items,
      ids,
      counts: snapshot.counts,
      progress: snapshot.progress,
      isBusy: snapshot.isBusy,
      isOnline: snapshot.isOnline,
      add: (files, meta) => uploader.add(files, meta),
      start: (id) => uploader.start(id),
      cancel: (id) => uploader.cancel(id),
      retry: (id) => uploader.retry(id),
      remove: (id) => uploader.remove(id),
    }),
    [uploader, snapshot, ids],
  );
}
