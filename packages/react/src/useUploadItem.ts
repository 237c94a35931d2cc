import type { Uploader, UploaderSnapshot, UploadItem } from "@twentythree-upload/core";
import { useCallback } from "react";
import { useUploaderState } from "./useUploaderState.js";

/**
 * One item of the queue, or `undefined` once it is removed. The component re-renders only when
 * this item changes, not when other items make progress.
 */
export function useUploadItem(uploader: Uploader, id: string): UploadItem | undefined {
  const select = useCallback((snapshot: UploaderSnapshot) => snapshot.byId.get(id), [id]);
  return useUploaderState(uploader, select);
}
