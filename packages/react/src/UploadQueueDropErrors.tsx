"use client";
import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { useQueueContext } from "./UploadQueueContext.js";

/** Props of {@link UploadQueueDropErrors}: `<div>` props. */
export type UploadQueueDropErrorsProps = ComponentPropsWithoutRef<"div">;

/**
 * Names each dropped file or folder that could not be read (deleted while being dragged, a broken
 * link, no permission; code `"unreadable"`) and each dropped folder with no file in it (code
 * `"empty-folder"`), one paragraph each (`labels.rejection`). Such entries never become rows; the
 * rest of the drop is added as usual. Empty until a drop brings one; `UploadQueue.Announcer`
 * reads the new entries out.
 *
 * @selector [data-part="drop-errors"]
 * @selector [data-state="empty"|"rejected"]
 */
export const UploadQueueDropErrors = forwardRef<HTMLDivElement, UploadQueueDropErrorsProps>(
  function UploadQueueDropErrors(props, ref) {
    const { labels, unreadable } = useQueueContext("DropErrors");
    return (
      <div
        data-part="drop-errors"
        data-state={unreadable.length > 0 ? "rejected" : "empty"}
        {...props}
        ref={ref}
      >
        {unreadable.map((entry, index) => (
          // Entries are only ever appended, so the index is a stable key.
          <p key={index}>{labels.rejection(entry.name, entry.rejection)}</p>
        ))}
      </div>
    );
  },
);
