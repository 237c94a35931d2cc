import type { Uploader, UploaderSnapshot, UploadStatus } from "@twentythree-upload/core";
import { useEffect, useRef, useState } from "react";
import { describeError } from "./describeItem.js";
import type { UploadLabels } from "./labels.js";
import { useUploaderState } from "./useUploaderState.js";

const selectItems = (snapshot: UploaderSnapshot) => snapshot.items;

/**
 * The text for a polite live region: uploads starting, each completion exactly once, failures,
 * refusals and cancellations, as items change status. Statuses present when the component mounts
 * are not announced (they are not news). Several events at once become one sentence per kind.
 */
export function useAnnouncement(uploader: Uploader, labels: UploadLabels): string {
  const items = useUploaderState(uploader, selectItems);
  const seen = useRef<Map<string, UploadStatus> | null>(null);
  const [message, setMessage] = useState("");

  useEffect(() => {
    if (!seen.current) {
      seen.current = new Map(items.map((item) => [item.id, item.status]));
      return;
    }
    const known = seen.current;
    const started: string[] = [];
    const succeeded: string[] = [];
    const others: string[] = [];
    for (const item of items) {
      const previous = known.get(item.id);
      if (previous === item.status) {
        continue;
      }
      known.set(item.id, item.status);
      if (item.status === "uploading" && previous !== "processing") {
        started.push(item.name);
      } else if (item.status === "succeeded") {
        succeeded.push(item.name);
      } else if (item.status === "failed") {
        others.push(labels.announceFailed(item.name, describeError(item.error, labels)));
      } else if (item.status === "rejected" && item.rejection) {
        others.push(
          labels.announceRejected(item.name, labels.rejection(item.name, item.rejection)),
        );
      } else if (item.status === "canceled") {
        others.push(labels.announceCanceled(item.name));
      }
    }
    if (known.size > items.length) {
      const present = new Set(items.map((item) => item.id));
      for (const id of known.keys()) {
        if (!present.has(id)) {
          known.delete(id);
        }
      }
    }
    const parts = [
      ...(started.length > 0 ? [labels.announceStarted(started)] : []),
      ...(succeeded.length > 0 ? [labels.announceSucceeded(succeeded)] : []),
      ...others,
    ];
    if (parts.length > 0) {
      setMessage(parts.join(" "));
    }
  }, [items, labels]);

  return message;
}
