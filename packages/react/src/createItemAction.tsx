import type { Uploader, UploadStatus } from "@twentythree-upload/core";
import { forwardRef, useMemo, type ComponentPropsWithoutRef, type MouseEvent } from "react";
import { composeHandlers } from "./composeHandlers.js";
import { createFocusKeeper } from "./createFocusKeeper.js";
import type { UploadQueueLabels } from "./englishQueueLabels.js";
import { useQueueContext, useQueueItemContext } from "./UploadQueueContext.js";
import { mergeRefs } from "./mergeRefs.js";
import { afterNextRender } from "./nextTask.js";

/** Props of the item actions (Cancel, Retry, Remove): `<button>` props. */
export type UploadQueueItemActionProps = ComponentPropsWithoutRef<"button">;

interface ItemAction {
  part: "cancel" | "retry" | "remove";
  /** Statuses in which the button is rendered (it renders nothing in the others). */
  statuses: readonly UploadStatus[];
  run: (uploader: Uploader, id: string) => void;
  text: (labels: UploadQueueLabels) => string;
  label: (labels: UploadQueueLabels, name: string) => string;
}

// Where focus goes when the row itself disappears: the next row, else the previous, else the
// drop zone, so that keyboard users are not dropped at the top of the page.
function focusAfterRemoval(row: Element | null): void {
  const neighbour = row?.nextElementSibling ?? row?.previousElementSibling ?? null;
  const root = row?.closest("[data-twentythree-upload]") ?? null;
  afterNextRender(() => {
    if (document.activeElement && document.activeElement !== document.body) {
      return;
    }
    const target =
      neighbour?.querySelector<HTMLElement>("button:not([disabled])") ??
      root?.querySelector<HTMLElement>('[data-part="drop-zone"], [data-part="trigger"]');
    target?.focus();
  });
}

const firstButtonOrRow = (row: Element) =>
  row.querySelector<HTMLElement>("button:not([disabled])") ?? (row as HTMLElement);

/** @internal Builds a per-item action button part. */
export function createItemAction(action: ItemAction) {
  const name = `UploadQueue${action.part[0]?.toUpperCase()}${action.part.slice(1)}`;
  const Component = forwardRef<HTMLButtonElement, UploadQueueItemActionProps>(function ItemAction(
    { children, onClick, ...props },
    ref,
  ) {
    const { uploader, labels } = useQueueContext(name);
    const { item } = useQueueItemContext(name);
    // The button goes away under focus (Cancel once the upload settles or is canceled, Retry
    // once retried): focus stays in the row, on its first button (Retry, Remove, Cancel).
    const keepFocus = useMemo(
      () => mergeRefs(createFocusKeeper('[data-part="item"]', firstButtonOrRow), ref),
      [ref],
    );
    if (!action.statuses.includes(item.status)) {
      return null;
    }
    const run = (event: MouseEvent<HTMLButtonElement>) => {
      if (action.part === "remove") {
        focusAfterRemoval(event.currentTarget.closest('[data-part="item"]'));
      }
      action.run(uploader, item.id);
    };
    return (
      <button
        type="button"
        data-part={action.part}
        aria-label={action.label(labels, item.name)}
        {...props}
        onClick={composeHandlers(onClick, run)}
        ref={keepFocus}
      >
        {children ?? action.text(labels)}
      </button>
    );
  });
  Component.displayName = name;
  return Component;
}
