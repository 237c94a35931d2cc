"use client";
import { forwardRef, useContext, useMemo, type ComponentPropsWithoutRef } from "react";
import { mergeRefs } from "./mergeRefs.js";
import {
  UploadQueueItemContext,
  UploadQueueRowContext,
  useQueueContext,
} from "./UploadQueueContext.js";
import { useUploadItem } from "./useUploadItem.js";

/** Props of {@link UploadQueueItem}: the item's id plus `<li>` props. */
export interface UploadQueueItemProps extends ComponentPropsWithoutRef<"li"> {
  /** The item's id, as `uploader.add()` returned it (or from `useUploadItemIds`). */
  id: string;
}

/**
 * One row: selects only its own item from the uploader, so it re-renders only when that item
 * changes. Renders nothing once the item is removed. Inside `UploadQueue.List` it is positioned
 * through the CSSOM (`element.style`), which a strict CSP allows, unlike `style` attributes;
 * while the list is long enough to be virtualized it carries `aria-setsize` and `aria-posinset`.
 *
 * @selector [data-part="item"]
 * @selector [data-state] — the item's `UploadStatus` (`queued`, `uploading`, `succeeded`…).
 */
export const UploadQueueItem = forwardRef<HTMLLIElement, UploadQueueItemProps>(
  function UploadQueueItem({ id, children, ...props }, forwardedRef) {
    const { uploader } = useQueueContext("Item");
    const item = useUploadItem(uploader, id);
    const row = useContext(UploadQueueRowContext);
    const measure = row?.measure;
    // Anchored before the virtualizer measures the row (it then writes the row's transform):
    // changing the layout after measuring would trigger another resize notification.
    const anchor = useMemo(
      () =>
        measure &&
        ((node: HTMLLIElement | null) => {
          if (node) {
            Object.assign(node.style, { position: "absolute", top: "0", left: "0", width: "100%" });
          }
          measure(node);
        }),
      [measure],
    );
    const ref = useMemo(() => mergeRefs(forwardedRef, anchor), [forwardedRef, anchor]);

    const context = useMemo(() => item && { item }, [item]);
    if (!item || !context) {
      return null;
    }
    return (
      <UploadQueueItemContext.Provider value={context}>
        <li
          data-part="item"
          data-state={item.status}
          tabIndex={-1}
          {...(row ? { "data-index": row.index } : {})}
          {...(row?.size ? { "aria-setsize": row.size, "aria-posinset": row.index + 1 } : {})}
          {...props}
          ref={ref}
        >
          {children}
        </li>
      </UploadQueueItemContext.Provider>
    );
  },
);
