"use client";
import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { composeHandlers } from "./composeHandlers.js";
import { useQueueContext } from "./UploadQueueContext.js";
import { useDropZone } from "./useDropZone.js";

/** Props of {@link UploadQueueDropZone}: `<div>` props; children default to the drop hint. */
export type UploadQueueDropZoneProps = ComponentPropsWithoutRef<"div">;

/**
 * Where files are dropped (folders included). Entries that cannot be read are listed by
 * `UploadQueue.DropErrors`. Also a button: click, Enter or Space opens the file
 * picker, and pasting while it has focus adds the pasted files.
 *
 * @selector [data-part="drop-zone"]
 * @selector [data-drag-over] — files are being dragged over it.
 * @selector [data-disabled]
 */
export const UploadQueueDropZone = forwardRef<HTMLDivElement, UploadQueueDropZoneProps>(
  function UploadQueueDropZone({ children, ...props }, ref) {
    const { labels, addFiles, reportUnreadable, openPicker, disabled } =
      useQueueContext("DropZone");
    const { dropZoneProps } = useDropZone({
      onFiles: addFiles,
      onUnreadable: reportUnreadable,
      open: openPicker,
      label: labels.dropZone,
      disabled,
    });
    return (
      <div
        data-part="drop-zone"
        {...props}
        {...dropZoneProps}
        role="button"
        tabIndex={dropZoneProps.tabIndex}
        onDragEnter={composeHandlers(props.onDragEnter, dropZoneProps.onDragEnter)}
        onDragOver={composeHandlers(props.onDragOver, dropZoneProps.onDragOver)}
        onDragLeave={composeHandlers(props.onDragLeave, dropZoneProps.onDragLeave)}
        onDrop={composeHandlers(props.onDrop, dropZoneProps.onDrop)}
        onClick={composeHandlers(props.onClick, dropZoneProps.onClick)}
        onKeyDown={composeHandlers(props.onKeyDown, dropZoneProps.onKeyDown)}
        ref={ref}
      >
        {children ?? labels.dropZoneHint}
      </div>
    );
  },
);
