import { useCallback, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import { readDroppedFiles } from "./readDroppedFiles.js";
import { useLatest } from "./useLatest.js";

/** Options of {@link useDropZone}. */
export interface UseDropZoneOptions {
  /** Called with the dropped files, folders traversed (never with an empty list). */
  onFiles: (files: File[]) => void;
  /** Opens a file picker on click, Enter or Space (e.g. `useFilePicker().open`). */
  open?: () => void;
  /** Accessible name of the zone. */
  label?: string;
  /** Default `false`. */
  disabled?: boolean;
}

/** Props for the drop zone element. Spread them on a `<div>`. */
export interface DropZoneProps {
  role: "button";
  tabIndex: 0 | -1;
  "aria-label"?: string;
  "aria-disabled": boolean;
  /** @selector [data-drag-over] — present while files are dragged over the zone. */
  "data-drag-over": "" | undefined;
  /** @selector [data-disabled] */
  "data-disabled": "" | undefined;
  onDragEnter: (event: DragEvent<HTMLElement>) => void;
  onDragOver: (event: DragEvent<HTMLElement>) => void;
  onDragLeave: (event: DragEvent<HTMLElement>) => void;
  onDrop: (event: DragEvent<HTMLElement>) => void;
  onClick: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/** What {@link useDropZone} returns. */
export interface DropZoneResult {
  dropZoneProps: DropZoneProps;
  /** Files are being dragged over the zone. */
  isDragOver: boolean;
}

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes("Files");

/**
 * A drag-and-drop target for custom UIs that is also a keyboard-operable button (click, Enter
 * and Space call `open`). Folders are traversed. Nested elements do not make the highlight
 * flicker: enter and leave events are counted.
 */
export function useDropZone(options: UseDropZoneOptions): DropZoneResult {
  const { disabled = false, label } = options;
  const [isDragOver, setDragOver] = useState(false);
  const depth = useRef(0);
  const onFiles = useLatest(options.onFiles);
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
      void readDroppedFiles(event.dataTransfer).then((files) => {
        if (files.length > 0) {
          onFiles.current(files);
        }
      });
    },
    [disabled, onFiles],
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
