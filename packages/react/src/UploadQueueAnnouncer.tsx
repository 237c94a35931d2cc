"use client";
import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { useQueueContext } from "./UploadQueueContext.js";
import { useAnnouncement } from "./useAnnouncement.js";

/** Props of {@link UploadQueueAnnouncer}: `<div>` props. */
export type UploadQueueAnnouncerProps = ComponentPropsWithoutRef<"div">;

/**
 * A polite live region (`role="status"`) that announces uploads starting, each completion once,
 * failures and refusals. Use one per queue. The optional stylesheet hides it visually.
 *
 * @selector [data-part="announcer"]
 */
export const UploadQueueAnnouncer = forwardRef<HTMLDivElement, UploadQueueAnnouncerProps>(
  function UploadQueueAnnouncer(props, ref) {
    const { uploader, labels } = useQueueContext("Announcer");
    const message = useAnnouncement(uploader, labels);
    return (
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-part="announcer"
        {...props}
        ref={ref}
      >
        {message}
      </div>
    );
  },
);
