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
  /** The uploader behind this state (the one given, or the one created from the options). */
  readonly uploader: Uploader;
  /** All items in the order they were added (a new array whenever any item changes). */
  readonly items: readonly UploadItem[];
  /** Item ids in order; keeps its identity while no item is added or removed (for lists). */
  readonly ids: readonly string[];
  /** How many items are in each status. */
  readonly counts: StatusCounts;
  /** Progress over all items that are not rejected or canceled. */
  readonly progress: ProgressState;
  /** Some item is uploading, processing, retrying, paused or queued (with autoStart). */
  readonly isBusy: boolean;
  /** `false` while the browser reports being offline (uploads are paused meanwhile). */
  readonly isOnline: boolean;
  /** Adds files; invalid ones become `rejected` items. Returns their ids. */
  add(files: Iterable<Blob> | ArrayLike<Blob>, meta?: UploadMeta): readonly string[];
  /**
   * Starts items waiting in `queued`: the one with this id, or all of them. Only needed with
   * `autoStart: false`; other items and unknown ids are ignored. Calls `uploader.start`.
   *
   * @param id An item id from `add`/`ids`; omit it to start every queued item.
   */
  start(id?: string): void;
  /**
   * Cancels the item with this id, or every item not yet settled: requests in flight are
   * aborted and the items become `canceled` (they stay in the list; `retry` can send them
   * again). An item that is already stored and only waiting for encoding counts as a success.
   * Calls `uploader.cancel`.
   *
   * @param id The item to cancel; omit it to cancel all.
   */
  cancel(id?: string): void;
  /**
   * Sends a `failed` or `canceled` item again (the one with this id, or all of them), with a
   * fresh retry budget; retried items go ahead of files not tried yet. Items in any other status
   * are ignored. Calls `uploader.retry`.
   *
   * @param id The item to retry; omit it to retry every failed or canceled item.
   */
  retry(id?: string): void;
  /**
   * Takes the item with this id out of the queue, canceling it first if it is still running.
   * Frees its place in `maxFiles`. Calls `uploader.remove`.
   *
   * @param id The item to remove.
   */
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
