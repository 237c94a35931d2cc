"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  forwardRef,
  memo,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ReactNode,
} from "react";
import { mergeRefs } from "./mergeRefs.js";
import { UploadQueueRowContext, useQueueContext } from "./UploadQueueContext.js";
import { useIsomorphicLayoutEffect } from "./useLatest.js";
import { useUploadItemIds } from "./useUploadQueue.js";

/** Props of {@link UploadQueueList}: `<div>` props of the scroll container. */
export interface UploadQueueListProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  /** Renders one row: return an `<UploadQueue.Item id={id}>` with the parts you want. */
  children: (id: string) => ReactNode;
  /** Estimated row height in px before a row is measured. Default `56`. */
  estimateSize?: number;
  /** Rows rendered beyond the visible ones, each way. Default `6`. */
  overscan?: number;
}

const Row = memo(function Row(props: {
  id: string;
  index: number;
  measure: (element: HTMLElement | null) => void;
  render: (id: string) => ReactNode;
}) {
  const { id, index, measure, render } = props;
  const context = useMemo(() => ({ index, measure }), [index, measure]);
  return (
    <UploadQueueRowContext.Provider value={context}>{render(id)}</UploadQueueRowContext.Provider>
  );
});

/**
 * The rows, virtualized with @tanstack/react-virtual: only the visible rows (plus `overscan`)
 * are in the DOM, so 10,000 files stay smooth. Positions and the list's height are written
 * through the CSSOM (`element.style.…`), never as `style` attributes, so a strict
 * Content-Security-Policy works; on the server (and in the first client render) no rows are
 * rendered. Give the scroll container a fixed height; unless your CSS sets its overflow, it gets
 * `overflow-y: auto` and `height: min(60vh, 32rem)`. It is `hidden` while the queue is empty.
 *
 * @selector [data-part="list"] — the scroll container.
 * @selector [data-part="list-items"] — the `<ul>` inside it (named by `labels.fileList`).
 */
export const UploadQueueList = forwardRef<HTMLDivElement, UploadQueueListProps>(
  function UploadQueueList({ children, estimateSize = 56, overscan = 6, ...props }, ref) {
    const { uploader, labels } = useQueueContext("List");
    const ids = useUploadItemIds(uploader);
    const scrollRef = useRef<HTMLDivElement | null>(null);
    const itemsRef = useRef<HTMLUListElement | null>(null);
    const [isMounted, setMounted] = useState(false);
    useEffect(() => setMounted(true), []);

    const virtualizer = useVirtualizer<HTMLDivElement, HTMLElement>({
      count: ids.length,
      getScrollElement: () => scrollRef.current,
      estimateSize: () => estimateSize,
      getItemKey: (index) => ids[index] ?? index,
      overscan,
      directDomUpdates: true,
    });

    useIsomorphicLayoutEffect(() => {
      const scroller = scrollRef.current;
      const list = itemsRef.current;
      if (!scroller || !list) {
        return;
      }
      list.style.position = "relative";
      // A list that grows with its content would never scroll, and every row would render.
      // A fixed height (not max-height) also keeps row measurements from resizing the scroller
      // inside the virtualizer's ResizeObserver callback (a "ResizeObserver loop" error).
      if (getComputedStyle(scroller).overflowY === "visible") {
        scroller.style.overflowY = "auto";
        scroller.style.height = "min(60vh, 32rem)";
      }
    }, []);

    const scrollerRef = useMemo(() => mergeRefs(scrollRef, ref), [ref]);
    const listRef = useMemo(
      () => mergeRefs(itemsRef, virtualizer.containerRef),
      [virtualizer.containerRef],
    );
    return (
      <div data-part="list" hidden={ids.length === 0} {...props} ref={scrollerRef}>
        <ul data-part="list-items" aria-label={labels.fileList} ref={listRef}>
          {isMounted &&
            virtualizer.getVirtualItems().map((row) => {
              const id = ids[row.index];
              return id === undefined ? null : (
                <Row
                  key={id}
                  id={id}
                  index={row.index}
                  measure={virtualizer.measureElement}
                  render={children}
                />
              );
            })}
        </ul>
      </div>
    );
  },
);
