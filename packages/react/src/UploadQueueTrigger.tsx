"use client";
import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { composeHandlers } from "./composeHandlers.js";
import { useQueueContext } from "./UploadQueueContext.js";

/** Props of {@link UploadQueueTrigger}: `<button>` props; children default to "Choose files". */
export type UploadQueueTriggerProps = ComponentPropsWithoutRef<"button">;

/**
 * A button that opens the file picker.
 *
 * @selector [data-part="trigger"]
 * @selector [data-disabled]
 */
export const UploadQueueTrigger = forwardRef<HTMLButtonElement, UploadQueueTriggerProps>(
  function UploadQueueTrigger({ children, onClick, ...props }, ref) {
    const { labels, openPicker, disabled } = useQueueContext("Trigger");
    return (
      <button
        type="button"
        data-part="trigger"
        data-disabled={disabled ? "" : undefined}
        disabled={disabled}
        {...props}
        onClick={composeHandlers(onClick, openPicker)}
        ref={ref}
      >
        {children ?? labels.chooseFiles}
      </button>
    );
  },
);
