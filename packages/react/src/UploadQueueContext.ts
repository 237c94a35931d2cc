import type { Uploader, UploadItem } from "@twentythree-upload/core";
import { createContext, useContext } from "react";
import type { UploadQueueLabels } from "./englishQueueLabels.js";
import type { UnreadableEntry } from "./readDroppedFiles.js";

/** @internal What `UploadQueue.Root` shares with its parts. */
export interface UploadQueueContextValue {
  readonly uploader: Uploader;
  /** The queue's labels: its `labels` prop over the providers' over its English strings. */
  readonly labels: UploadQueueLabels;
  /** Opens the file picker rendered by Root. */
  readonly openPicker: () => void;
  /** Adds files to the queue (from the drop zone, picker or paste). */
  readonly addFiles: (files: File[]) => void;
  /** Entries of drops that could not be read (they never became items), oldest first. */
  readonly unreadable: readonly UnreadableEntry[];
  /** Records entries of a drop that could not be read. */
  readonly reportUnreadable: (entries: UnreadableEntry[]) => void;
  readonly disabled: boolean;
}

/** @internal What `UploadQueue.Item` shares with its parts. */
export interface UploadQueueItemContextValue {
  readonly item: UploadItem;
}

/**
 * @internal A row of `UploadQueue.List`: its index, and the virtualizer's measuring ref (`null`
 * while the list is short enough to render every row in the normal flow).
 */
export interface UploadQueueRowContextValue {
  readonly index: number;
  readonly measure: ((element: HTMLElement | null) => void) | null;
  /** The list's length while only some rows are in the DOM (virtualized), else `0`. */
  readonly size: number;
}

export const UploadQueueContext = createContext<UploadQueueContextValue | null>(null);
export const UploadQueueItemContext = createContext<UploadQueueItemContextValue | null>(null);
export const UploadQueueRowContext = createContext<UploadQueueRowContextValue | null>(null);

/** @internal */
export function useQueueContext(part: string): UploadQueueContextValue {
  const value = useContext(UploadQueueContext);
  if (!value) {
    throw new TypeError(`<UploadQueue.${part}> must be inside <UploadQueue.Root>.`);
  }
  return value;
}

/** @internal */
export function useQueueItemContext(part: string): UploadQueueItemContextValue {
  const value = useContext(UploadQueueItemContext);
  if (!value) {
    throw new TypeError(`<UploadQueue.${part}> must be inside <UploadQueue.Item>.`);
  }
  return value;
}
