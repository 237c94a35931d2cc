"use client";
import { forwardRef, useEffect, useRef, type ComponentPropsWithoutRef } from "react";
import { useQueueContext } from "./UploadQueueContext.js";
import { useAnnouncement } from "./useAnnouncement.js";
import { useLiveText } from "./useLiveText.js";

/** Props of {@link UploadQueueAnnouncer}: `<div>` props. */
export type UploadQueueAnnouncerProps = ComponentPropsWithoutRef<"div">;

/**
 * A polite live region (`role="status"`) that announces uploads starting, each completion once,
 * automatic retries, pauses while offline, failures, refusals and cancellations (saying when the
 * file may be stored already), and dropped entries that could not be read; a sentence due again
 * is said again. Use one per queue. The optional stylesheet hides it visually.
 *
 * @selector [data-part="announcer"]
 */
export const UploadQueueAnnouncer = forwardRef<HTMLDivElement, UploadQueueAnnouncerProps>(
  function UploadQueueAnnouncer(props, ref) {
    const { uploader, labels, unreadable } = useQueueContext("Announcer");
    const message = useAnnouncement(uploader, labels);
    // The items' announcement, plus the entries of a drop that could not be read (they never
    // become items, so useAnnouncement cannot see them); news arriving together is joined. An
    // empty message (a repeat on its way) empties the region too.
    const [shown, say] = useLiveText(message);
    const lastMessage = useRef(message);
    const announced = useRef(unreadable.length);
    useEffect(() => {
      const parts: string[] = [];
      if (message !== lastMessage.current) {
        lastMessage.current = message;
        parts.push(message);
      }
      if (unreadable.length > announced.current) {
        const fresh = unreadable.slice(announced.current);
        announced.current = unreadable.length;
        parts.push(...fresh.map((entry) => labels.rejection(entry.name, entry.rejection)));
      }
      if (parts.length > 0) {
        say(parts.join(" ").trim());
      }
    }, [message, unreadable, labels, say]);
    return (
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-part="announcer"
        {...props}
        ref={ref}
      >
        {shown}
      </div>
    );
  },
);
