import { useCallback, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import { readDroppedFiles, type UnreadableEntry } from "./readDroppedFiles.js";
import { useLatest } from "./useLatest.js";

/** Options of {@link useDropZone}. */
export interface UseDropZoneOptions {
  /** Called with the dropped files, folders traversed (never with an empty list). */
  onFiles: (files: File[]) => void;
  /**
   * Called with the entries of a drop that added nothing: files or folders that could not be
   * read (`rejection.code: "unreadable"`) and dropped folders with no file in them
   * (`"empty-folder"`), after `onFiles` got the readable files; never with an empty list. Show
   * them: nothing of theirs was added. Default: each entry's `rejection.message` goes to
   * `console.warn`.
   */
  onUnreadable?: (entries: UnreadableEntry[]) => void;
  /**
   * Opens a file picker on click, Enter or Space (e.g. `useFilePicker().open`). Default: none
   * (the zone is still focusable and announced as a button, but activating it does nothing).
   */
  open?: () => void;
  /** Accessible name of the zone (`aria-label`). Default: none (no `aria-label`). */
  label?: string;
  /**
   * Ignores drops and activation; the zone leaves the tab order and reports `aria-disabled`.
   * Dragged files are still caught so that the browser does not open them. Default: `false`.
   */
  disabled?: boolean;
}

/**
 * Props for the drop zone element. Spread all of them on one `<div>` (or other element): the
 * handlers only work together (the drag handlers share a counter, and without `onDragOver` the
 * browser refuses the drop). To run code of your own on one of these events, call the one given
 * here from your handler rather than replacing it.
 */
export interface DropZoneProps {
  /** `"button"`: the zone is operable from the keyboard, and announced so. */
  role: "button";
  /** `0` (focusable), or `-1` while disabled. */
  tabIndex: 0 | -1;
  /** The `label` option; absent without one. */
  "aria-label"?: string;
  /** The `disabled` option. */
  "aria-disabled": boolean;
  /** @selector [data-drag-over] — present while files are dragged over the zone. */
  "data-drag-over": "" | undefined;
  /** @selector [data-disabled] */
  "data-disabled": "" | undefined;
  /**
   * The element's `dragenter` handler. When the drag carries files: accepts it
   * (`preventDefault()`), counts the entry (entering a child element fires `dragenter` again) and
   * sets `isDragOver`/`data-drag-over` unless disabled. Other drags (text, links) are left to the
   * browser.
   */
  onDragEnter: (event: DragEvent<HTMLElement>) => void;
  /**
   * The element's `dragover` handler. When the drag carries files, calls `preventDefault()`:
   * without it the browser refuses the drop and opens the file itself. Shows the copy cursor, or
   * the no-drop cursor (`dropEffect: "none"`) while disabled.
   */
  onDragOver: (event: DragEvent<HTMLElement>) => void;
  /**
   * The element's `dragleave` handler. Counts the exit and clears `isDragOver` only when the
   * pointer has left the zone itself, not just one of its children, so the highlight does not
   * flicker.
   */
  onDragLeave: (event: DragEvent<HTMLElement>) => void;
  /**
   * The element's `drop` handler. When the drop carries files: stops the browser from opening
   * them, clears the highlight and, unless disabled, reads the files (traversing folders, see
   * `readDroppedFiles`) and calls `onFiles` with them once read, if there are any.
   */
  onDrop: (event: DragEvent<HTMLElement>) => void;
  /** The element's `click` handler: calls the `open` option, unless disabled. */
  onClick: () => void;
  /**
   * The element's `keydown` handler: Enter and Space call the `open` option like a click (unless
   * disabled) and `preventDefault()`, so that Space does not scroll the page. Other keys pass.
   */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/** What {@link useDropZone} returns. */
export interface DropZoneResult {
  /** Spread them on the zone element (see {@link DropZoneProps}). */
  dropZoneProps: DropZoneProps;
  /** Files are being dragged over the zone. */
  isDragOver: boolean;
}

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes("Files");

/**
 * A drag-and-drop target for custom UIs that is also a keyboard-operable button (click, Enter
 * and Space call `open`). Folders are traversed; entries that cannot be read are reported through
 * `onUnreadable` while the readable ones still arrive. Nested elements do not make the highlight
 * flicker: enter and leave events are counted.
 */
export function useDropZone(options: UseDropZoneOptions): DropZoneResult {
  const { disabled = false, label } = options;
  const [isDragOver, setDragOver] = useState(false);
  const depth = useRef(0);
  const onFiles = useLatest(options.onFiles);
  const onUnreadable = useLatest(options.onUnreadable);
  const open = useLatest(options.open);

  const onDragEnter = useCallback(
    (event: DragEvent<HTMLElement>) => {
      if (!carriesFiles(event)) {
        return;
      }
      event.preventDefault();
      depth.current += 1;
      setDragOver(!disabled);
    },
    [disabled],
  );
  const onDragOver = useCallback(
    (event: DragEvent<HTMLElement>) => {
      if (!carriesFiles(event)) {
        return;
      }
      // Without preventDefault the browser refuses the drop (and opens the file instead).
      event.preventDefault();
      event.dataTransfer.dropEffect = disabled ? "none" : "copy";
    },
    [disabled],
  );
  const onDragLeave = useCallback((event: DragEvent<HTMLElement>) => {
    if (!carriesFiles(event)) {
      return;
    }
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) {
      setDragOver(false);
    }
  }, []);
  const onDrop = useCallback(
    (event: DragEvent<HTMLElement>) => {
      if (!carriesFiles(event)) {
        return;
      }
      event.preventDefault();
      depth.current = 0;
      setDragOver(false);
      if (disabled) {
        return;
      }
      // readDroppedFiles never rejects; unreadable entries come back as typed refusals.
      void readDroppedFiles(event.dataTransfer).then(({ files, unreadable }) => {
        if (files.length > 0) {
          onFiles.current(files);
        }
        if (unreadable.length === 0) {
          return;
        }
        if (onUnreadable.current) {
          onUnreadable.current(unreadable);
        } else {
          for (const entry of unreadable) {
            console.warn(entry.rejection.message);
          }
        }
      });
    },
    [disabled, onFiles, onUnreadable],
  );
  const onClick = useCallback(() => {
    if (!disabled) {
      open.current?.();
    }
  }, [disabled, open]);
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        onClick();
      }
    },
    [onClick],
  );

  return {
    dropZoneProps: {
      role: "button",
      tabIndex: disabled ? -1 : 0,
      ...(label === undefined ? {} : { "aria-label": label }),
      "aria-disabled": disabled,
      "data-drag-over": isDragOver ? "" : undefined,
      "data-disabled": disabled ? "" : undefined,
      onDragEnter,
      onDragOver,
      onDragLeave,
      onDrop,
      onClick,
      onKeyDown,
    },
    isDragOver,
  };
}
