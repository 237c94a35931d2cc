"use client";
import type { UploaderSnapshot } from "@twentythree-upload/core";
import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { useQueueContext } from "./UploadQueueContext.js";
import { shallowEqual, useUploaderState } from "./useUploaderState.js";

/** Props of {@link UploadQueueSummary}: `<p>` props. */
export type UploadQueueSummaryProps = ComponentPropsWithoutRef<"p">;

const selectCounts = (snapshot: UploaderSnapshot) => ({
  done: snapshot.counts.succeeded,
  total: snapshot.items.length - snapshot.counts.rejected - snapshot.counts.canceled,
});

/**
 * "3 of 5 files uploaded" (rejected and canceled files not counted), or the empty-queue text.
 *
 * @selector [data-part="summary"]
 * @selector [data-empty] — the queue has no files.
 */
export const UploadQueueSummary = forwardRef<HTMLParagraphElement, UploadQueueSummaryProps>(
  function UploadQueueSummary(props, ref) {
    const { uploader, labels } = useQueueContext("Summary");
    const { done, total } = useUploaderState(uploader, selectCounts, shallowEqual);
    const isEmpty = useUploaderState(uploader, (snapshot) => snapshot.items.length === 0);
    return (
      <p data-part="summary" data-empty={isEmpty ? "" : undefined} {...props} ref={ref}>
        {isEmpty ? labels.emptyQueue : labels.totalSummary(done, total)}
      </p>
    );
  },
);
