"use client";
import { memo, useMemo, type ReactNode } from "react";
import { UploadQueueRowContext } from "./UploadQueueContext.js";

/** @internal Props of {@link UploadQueueRow}. */
export interface UploadQueueRowProps {
  id: string;
  index: number;
  /** The virtualizer's measuring ref, or `null` for a row in the normal flow. */
  measure: ((element: HTMLElement | null) => void) | null;
  /** The list's length while only some rows are rendered, else `0`. */
  size: number;
  render: (id: string) => ReactNode;
}

/** @internal One row of `UploadQueue.List`, re-rendered only when its own props change. */
export const UploadQueueRow = memo(function UploadQueueRow(props: UploadQueueRowProps) {
  const { id, index, measure, size, render } = props;
  const context = useMemo(() => ({ index, measure, size }), [index, measure, size]);
  return (
    <UploadQueueRowContext.Provider value={context}>{render(id)}</UploadQueueRowContext.Provider>
  );
});
