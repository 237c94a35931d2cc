import type { UploadResult, UploadStatus } from "@twentythree-upload/core";
import { useMemo, useRef, type ReactNode } from "react";
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
  const { form, renderSuccess } = props;
  const { item } = form;
  const state = item?.status ?? "idle";
  // With only `initialToken`, a refused token (the engine's try with a fresh one included) means
  // a token the form cannot get: it says so, and offers no Retry (it would fail again at once).
  const needsToken = !form.hasTokenSource && item?.error?.kind === "token-invalid";
  const labels = useMemo(
    () =>
      form.hasTokenSource
        ? props.labels
        : {
            ...props.labels,
            errors: {
              ...props.labels.errors,
              "token-invalid": props.labels.formTokenUsed ?? props.labels.errors["token-invalid"],
            },
          },
    [props.labels, form.hasTokenSource],
  );
  const announcement = useAnnouncement(form.uploader, labels);
  const status = useRef<HTMLParagraphElement | null>(null);
  const isBusy = isBusyStatus(state);
  const hasRetry = (state === "failed" && !needsToken) || state === "canceled";
  // Starting disables the focused submit button or file input, and settling removes Cancel: the
  // browser then drops focus to <body>. Move it to the control that now matters (Cancel; then
  // Retry, else the file input for the next file, not submit: Enter there would send it again).
  // Retry can also go with no start in between (a retry that failed before React rendered it).
  // Before paint, so that focus is never seen on <body>. Focus elsewhere on the page stays put,
  // and so does focus on <body> when an upload starts: focus() makes the browser lay out the
  // page, which would delay the upload's request by milliseconds for a focus nobody had.
  const controls = isBusy ? "cancel" : hasRetry ? "retry" : "";
  const shown = useRef(controls);
  useIsomorphicLayoutEffect(() => {
    const element = status.current?.closest('[data-twentythree-upload="form"]');
    const focused = document.activeElement;
    if (shown.current === controls) {
      return;
    }
    shown.current = controls;
    const lost = isBusy
      ? element?.contains(focused) && focused?.matches(":disabled")
      : !focused || focused === document.body;
    if (element && lost) {
      const find = (part: string) => element.querySelector<HTMLElement>(`[data-part="${part}"]`);
      (isBusy ? find("cancel") : (find("retry") ?? find("file")))?.focus();
    }
  }, [isBusy, controls]);
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
      {hasRetry ? (
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
