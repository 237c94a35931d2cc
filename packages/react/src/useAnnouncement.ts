import type { Uploader, UploaderSnapshot } from "@twentythree-upload/core";
import { useEffect, useRef } from "react";
import { describeError } from "./describeItem.js";
import type { UploadLabels } from "./labels.js";
import { useLiveText } from "./useLiveText.js";
import { useUploaderState } from "./useUploaderState.js";

/**
 * The text for a polite live region: uploads starting, each completion exactly once, automatic
 * retries, pauses while offline, failures, refusals and cancellations, as items change status.
 * A failure or cancellation after the file was sent adds `labels.maybeStored`.
 * Statuses present when the component mounts are not announced (they are not news). Several
 * events at once become one sentence per kind. A sentence that is due again (the same failure
 * after a retry) empties the text for one frame, so that screen readers say it again. News that
 * comes before a frame has shown the previous sentence is added to it, so that none goes unheard.
 */
export function useAnnouncement(
  uploader: Uploader,
  labels: Pick<
    UploadLabels,
    | "announceStarted"
    | "announceSucceeded"
    | "announceFailed"
    | "announceRejected"
    | "announceCanceled"
    | "announceRetrying"
    | "announcePaused"
    | "rejection"
    | "errors"
    | "maybeStored"
  >,
): string {
  const snapshot = useUploaderState(uploader);
  // The snapshot last seen, to compare statuses with: items keep their identity until they
  // change, and its `byId` finds the others (a Map of every id and status would cost ~25 bytes
  // a file in a 10,000-file queue).
  const seen = useRef<UploaderSnapshot | null>(null);
  const [message, say] = useLiveText("");

  useEffect(() => {
    const known = seen.current;
    seen.current = snapshot;
    if (!known) {
      return;
    }
    const started: string[] = [];
    const succeeded: string[] = [];
    const retrying: string[] = [];
    const paused: string[] = [];
    const others: string[] = [];
    const { items } = snapshot;
    for (let position = 0; position < items.length; position += 1) {
      const item = items[position];
      if (item === undefined || known.items[position] === item) {
        continue;
      }
      const before = known.byId.get(item.id);
      const previous = before?.status;
      // A failure again, for another reason (a Retry that failed before React rendered it), is news.
      if (previous === item.status && (previous !== "failed" || before?.error === item.error)) {
        continue;
      }
      if (item.status === "uploading" && previous !== "processing") {
        started.push(item.name);
      } else if (item.status === "succeeded") {
        succeeded.push(item.name);
      } else if (item.status === "retrying") {
        retrying.push(item.name);
      } else if (item.status === "paused") {
        paused.push(item.name);
      } else if (item.status === "failed") {
        others.push(labels.announceFailed(item.name, describeError(item.error, labels)));
      } else if (item.status === "rejected" && item.rejection) {
        others.push(
          labels.announceRejected(item.name, labels.rejection(item.name, item.rejection)),
        );
      } else if (item.status === "canceled") {
        // Canceled after the file was sent: it may be stored (the visible status says so too),
        // and adding it again instead of Retry would store a second copy.
        others.push(
          item.error?.ambiguous && labels.maybeStored
            ? `${labels.announceCanceled(item.name)}: ${labels.maybeStored}`
            : labels.announceCanceled(item.name),
        );
      }
    }
    const parts = [
      ...(started.length > 0 ? [labels.announceStarted(started)] : []),
      ...(succeeded.length > 0 ? [labels.announceSucceeded(succeeded)] : []),
      // Optional labels (added later): a label set without them stays silent about these.
      ...(retrying.length > 0 && labels.announceRetrying
        ? [labels.announceRetrying(retrying)]
        : []),
      ...(paused.length > 0 && labels.announcePaused ? [labels.announcePaused(paused)] : []),
      ...others,
    ];
    if (parts.length > 0) {
      say(parts.join(" "));
    }
  }, [snapshot, labels, say]);

  return message;
}
