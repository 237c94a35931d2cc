import type { UploadResult, UploadStatus } from "@twentythree-upload/core";
import { useRef, type ReactNode } from "react";
import { describeItem } from "./describeItem.js";
import type { UploadLabels } from "./labels.js";
import { shownProgress } from "./shownProgress.js";
import { UploadProgressBar } from "./UploadProgressBar.js";
import { useAnnouncement } from "./useAnnouncement.js";
import type { UploadFormController } from "./useUploadForm.js";
import { afterNextRender } from "./nextTask.js";

const busy: ReadonlySet<string> = new Set([
  "queued",
  "uploading",
  "processing",
  "retrying",
  "paused",
]);

/** @internal Whether the form's upload is in flight (its controls are then disabled). */
export function isBusyStatus(status: UploadStatus | "idle"): boolean {
  return busy.has(status);
}

function statusText(
  form: UploadFormController,
  labels: UploadLabels,
  renderSuccess?: (result: UploadResult) => ReactNode,
): ReactNode {
  const { item } = form;
  if (!item) {
    return form.token.status === "error" ? labels.formTokenError : null;
  }
  if (item.status === "succeeded" && item.result) {
    return renderSuccess ? renderSuccess(item.result) : labels.uploaded(item.result.photoId);
  }
  return describeItem(item, labels);
}

/**
 * @internal The lower half of `<UploadForm>`: progress bar, status text (success, reasons),
 * Cancel/Retry and the polite live region.
 */
export function UploadFormStatus(props: {
  form: UploadFormController;
  labels: UploadLabels;
  renderSuccess: ((result: UploadResult) => ReactNode) | undefined;
}) {
  const { form, labels, renderSuccess } = props;
  const { item } = form;
  const state = item?.status ?? "idle";
  const announcement = useAnnouncement(form.uploader, labels);
  const status = useRef<HTMLParagraphElement | null>(null);
  // Cancel turns into Retry and back: keep keyboard focus on the button that replaced it.
  const act = (action: () => void) => () => {
    action();
    afterNextRender(() => {
      const form = status.current?.closest("form");
      if (form && (document.activeElement === document.body || !document.activeElement)) {
        form.querySelector<HTMLElement>('[data-part="retry"], [data-part="cancel"]')?.focus();
      }
    });
  };
  return (
    <>
      {item ? (
        <UploadProgressBar
          progress={shownProgress(item)}
          label={labels.itemProgress(item.name)}
          labels={labels}
          state={state}
        />
      ) : null}
      <p data-part="status" data-state={state} ref={status}>
        {statusText(form, labels, renderSuccess)}
      </p>
      {isBusyStatus(state) ? (
        <button type="button" data-part="cancel" onClick={act(form.cancel)}>
          {labels.cancel}
        </button>
      ) : null}
      {state === "failed" || state === "canceled" ? (
        <button type="button" data-part="retry" onClick={act(form.retry)}>
          {labels.retry}
        </button>
      ) : null}
      <div role="status" aria-live="polite" aria-atomic="true" data-part="announcer">
        {announcement}
      </div>
    </>
  );
}
