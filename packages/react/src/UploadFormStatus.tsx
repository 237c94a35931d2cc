import type { UploadResult, UploadStatus } from "@twentythree-upload/core";
import { useRef, type ReactNode } from "react";
import { describeItem } from "./describeItem.js";
import type { UploadFormLabels } from "./englishFormLabels.js";
import { shownProgress } from "./shownProgress.js";
import { UploadProgressBar } from "./UploadProgressBar.js";
import { useAnnouncement } from "./useAnnouncement.js";
import type { UploadFormController } from "./useUploadForm.js";
import { useIsomorphicLayoutEffect } from "./useLatest.js";

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
  labels: UploadFormLabels,
  renderSuccess?: (result: UploadResult) => ReactNode,
): ReactNode {
  const { item } = form;
  if (!item) {
    return form.token.status === "error" ? labels.formTokenError : null;
  }
  if (item.status === "succeeded" && item.result) {
    const success = renderSuccess
      ? renderSuccess(item.result)
      : labels.uploaded(item.result.photoId);
    return form.alreadyUploaded ? (
      <>
        {success} {labels.formAlreadyUploaded?.(item.name)}
      </>
    ) : (
      success
    );
  }
  return describeItem(item, labels);
}

/**
 * @internal The lower half of `<UploadForm>`: progress bar, status text (success, reasons),
 * Cancel/Retry and the polite live region.
 */
export function UploadFormStatus(props: {
  form: UploadFormController;
  labels: UploadFormLabels;
  renderSuccess: ((result: UploadResult) => ReactNode) | undefined;
}) {
  const { form, labels, renderSuccess } = props;
  const { item } = form;
  const state = item?.status ?? "idle";
  const announcement = useAnnouncement(form.uploader, labels);
  const status = useRef<HTMLParagraphElement | null>(null);
  const isBusy = isBusyStatus(state);
  // Starting disables the focused submit button or file input, and settling removes Cancel: the
  // browser then drops focus to <body>. Move it to the control that now matters (Cancel; then
  // Retry, else the file input for the next file, not submit: Enter there would send it again).
  // Before paint, so that focus is never seen on <body>. Focus elsewhere on the page stays put,
  // and so does focus on <body> when an upload starts: focus() makes the browser lay out the
  // page, which would delay the upload's request by milliseconds for a focus nobody had.
  const wasBusy = useRef(isBusy);
  useIsomorphicLayoutEffect(() => {
    const element = status.current?.closest("form");
    const focused = document.activeElement;
    if (wasBusy.current === isBusy) {
      return;
    }
    wasBusy.current = isBusy;
    const lost = isBusy
      ? element?.contains(focused) && focused?.matches(":disabled")
      : !focused || focused === document.body;
    if (element && lost) {
      const find = (part: string) => element.querySelector<HTMLElement>(`[data-part="${part}"]`);
      (isBusy ? find("cancel") : (find("retry") ?? find("file")))?.focus();
    }
  }, [isBusy]);
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
      {isBusy ? (
        <button type="button" data-part="cancel" onClick={form.cancel}>
          {labels.cancel}
        </button>
      ) : null}
      {state === "failed" || state === "canceled" ? (
        <button type="button" data-part="retry" onClick={form.retry}>
          {labels.retry}
        </button>
      ) : null}
      <div role="status" aria-live="polite" aria-atomic="true" data-part="announcer">
        {form.alreadyUploaded ? labels.formAlreadyUploaded?.(item?.name ?? "") : announcement}
      </div>
    </>
  );
}
