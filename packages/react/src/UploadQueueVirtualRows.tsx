"use client";
// The virtualized rows of a long `UploadQueue.List`, in a module of their own: it is loaded (with
// @tanstack/react-virtual) only once a list is long enough to need it.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, type ReactNode, type RefObject } from "react";

/** @internal Props of {@link UploadQueueVirtualRows}. */
export interface UploadQueueVirtualRowsProps {
  ids: readonly string[];
  scrollRef: RefObject<HTMLDivElement | null>;
  listRef: RefObject<HTMLUListElement | null>;
  estimateSize: number;
  overscan: number;
  /** Renders row `index` (passed in, so this module shares no code with the page's chunk). */
  renderRow: (
    id: string,
    index: number,
    measure: (element: HTMLElement | null) => void,
  ) => ReactNode;
}

/**
 * @internal Only the visible rows (plus `overscan`), positioned by the virtualizer through the
 * CSSOM: it sets the list's height and each row's transform (`directDomUpdates`).
 */
export function UploadQueueVirtualRows(props: UploadQueueVirtualRowsProps) {
  const { ids, scrollRef, listRef, estimateSize, overscan, renderRow } = props;
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLElement>({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    getItemKey: (index) => ids[index] ?? index,
    overscan,
    directDomUpdates: true,
  });
  const { containerRef } = virtualizer;
  // Rendered only after mount (never on the server), so a layout effect is safe here.
  useLayoutEffect(() => {
    const list = listRef.current;
    containerRef(list);
    return () => {
      containerRef(null);
      // Back to rows in the normal flow: the list takes its natural height again.
      if (list) {
        list.style.height = "";
      }
    };
  }, [containerRef, listRef]);
  return (
    <>
      {virtualizer.getVirtualItems().map((row) => {
        const id = ids[row.index];
        return id === undefined ? null : renderRow(id, row.index, virtualizer.measureElement);
      })}
    </>
  );
}
