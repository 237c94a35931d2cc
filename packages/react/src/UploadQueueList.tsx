"use client";
import {
  forwardRef,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ReactNode,
} from "react";
import { mergeRefs } from "./mergeRefs.js";
import { useQueueContext } from "./UploadQueueContext.js";
import { UploadQueueRow } from "./UploadQueueRow.js";
import type { UploadQueueVirtualRows } from "./UploadQueueVirtualRows.js";
import { useIsomorphicLayoutEffect } from "./useLatest.js";
import { useUploadItemIds } from "./useUploadQueue.js";

/** Props of {@link UploadQueueList}: `<div>` props of the scroll container. */
export interface UploadQueueListProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  /** Renders one row: return an `<UploadQueue.Item id={id}>` with the parts you want. */
  children: (id: string) => ReactNode;
  /** Estimated row height in px before a row is measured. Default: `56`. */
  estimateSize?: number;
  /** Rows rendered beyond the visible ones, each way. Default: `6`. */
  overscan?: number;
}

/**
 * Lists up to this many rows are rendered whole; longer ones are virtualized. About what a
 * virtualized list renders anyway (the rows that fit its default height, plus overscan).
 */
const VIRTUALIZE_ABOVE = 20;

type VirtualRows = typeof UploadQueueVirtualRows;
// Loaded once per page, on the first list that needs it.
let virtualRows: VirtualRows | null = null;
let loadingVirtualRows: Promise<VirtualRows> | null = null;
let importVirtualRows = (): Promise<{ UploadQueueVirtualRows: VirtualRows }> =>
  import("./UploadQueueVirtualRows.js");

/**
 * @internal A seam for tests: replaces how the virtualizer's chunk is imported (e.g. with one
 * that fails, as after a deploy race or a network drop) and forgets what was loaded.
 */
export function setVirtualRowsImport(
  load: () => Promise<{ UploadQueueVirtualRows: VirtualRows }>,
): void {
  importVirtualRows = load;
  virtualRows = null;
  loadingVirtualRows = null;
}

function loadVirtualRows(): Promise<VirtualRows> {
  loadingVirtualRows ??= importVirtualRows().then(
    (module) => (virtualRows = module.UploadQueueVirtualRows),
    (error: unknown) => {
      // The next change of a long list tries again; meanwhile it renders every row.
      loadingVirtualRows = null;
      throw error;
    },
  );
  return loadingVirtualRows;
}

/**
 * The rows. Up to 20 files every row is rendered in the normal flow; a longer list is virtualized
 * with @tanstack/react-virtual (loaded on demand, the first time a list grows past 20 rows, and
 * showing its first 20 rows meanwhile; if that load fails, every row is rendered in the normal
 * flow and a warning is logged): only the visible rows (plus `overscan`) are in the DOM,
 * so 10,000 files stay smooth. Positions and the list's height are written through the CSSOM
 * (`element.style.…`), never as `style` attributes, so a strict Content-Security-Policy works; on
 * the server (and in the first client render) no rows are rendered. Give the scroll container a
 * fixed height; unless your CSS sets its overflow, it gets `overflow-y: auto` and
 * `height: min(60vh, 32rem)`. It is `hidden` while the queue is empty.
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
    const [VirtualRows, setVirtualRows] = useState<VirtualRows | null>(() => virtualRows);
    // Without the virtualizer, rows past the 20th would never appear: after a failed load every
    // row is rendered, and the next change of the list tries loading again.
    const [loadFailed, setLoadFailed] = useState(false);
    const warned = useRef(false);
    const isLong = ids.length > VIRTUALIZE_ABOVE;
    useEffect(() => {
      if (isLong && !VirtualRows) {
        loadVirtualRows().then(
          (component) => setVirtualRows(() => component),
          (error: unknown) => {
            if (!warned.current) {
              warned.current = true;
              // The error's name only: its message may carry the chunk's full URL.
              const name = error instanceof Error ? error.name : typeof error;
              console.warn(
                `UploadQueue.List could not load its virtualizer (${name}); rendering every row.`,
              );
            }
            setLoadFailed(true);
          },
        );
      }
    }, [isLong, VirtualRows, ids]);

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

    // A long list has only some rows in the DOM: they carry the list's length and their
    // position (aria-setsize/-posinset), or screen readers would count the rendered ones. A
    // short list has them all, and its rows need not re-render whenever a file is added.
    const size = isLong ? ids.length : 0;
    const renderRow = useCallback(
      (id: string, index: number, measure: ((element: HTMLElement | null) => void) | null) => (
        <UploadQueueRow
          key={id}
          id={id}
          index={index}
          measure={measure}
          size={size}
          render={children}
        />
      ),
      [children, size],
    );
    const scrollerRef = useMemo(() => mergeRefs(scrollRef, ref), [ref]);
    let rows: ReactNode = null;
    if (isMounted && isLong && VirtualRows) {
      rows = (
        <VirtualRows
          ids={ids}
          scrollRef={scrollRef}
          listRef={itemsRef}
          estimateSize={estimateSize}
          overscan={overscan}
          renderRow={renderRow}
        />
      );
    } else if (isMounted) {
      const shown = loadFailed ? ids : ids.slice(0, VIRTUALIZE_ABOVE);
      rows = shown.map((id, index) => renderRow(id, index, null));
    }
    return (
      <div data-part="list" hidden={ids.length === 0} {...props} ref={scrollerRef}>
        <ul data-part="list-items" aria-label={labels.fileList} ref={itemsRef}>
          {rows}
        </ul>
      </div>
    );
  },
);
