import type { ProgressState } from "@twentythree-upload/core";
import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { formatFileSize } from "./formatting.js";
import type { UploadLabels } from "./labels.js";

/** Props of {@link UploadProgressBar}. Other props go to the `<progress>` element. */
export interface UploadProgressBarProps extends Omit<
  ComponentPropsWithoutRef<"progress">,
  "value" | "max"
> {
  /** The progress to show; `null` or a `null` fraction renders an indeterminate bar. */
  progress: ProgressState | null;
  /** Accessible name, e.g. "Upload of clip.mov". */
  label: string;
  /** For `aria-valuetext` and size formatting: any labels object, e.g. `useLabels()`'s. */
  labels: Pick<UploadLabels, "locale" | "progressValue" | "progressIndeterminate">;
  /** Copied to `data-state` (e.g. the item's status). Default: none (no `data-state`). */
  state?: string;
}

/**
 * A native `<progress>` element: role `progressbar` implicitly, with `aria-valuenow` and
 * `aria-valuetext`, and a fill the browser draws from the `value` attribute, so no inline style is
 * needed (strict CSP works).
 *
 * @selector [data-part="progress"]
 * @selector [data-value] — the percentage (0–100), absent when indeterminate.
 * @selector [data-max] — always `100`.
 * @selector [data-indeterminate] — present when progress cannot be measured.
 * @selector [data-state] — the item's status (or the form's state), when given.
 */
export const UploadProgressBar = forwardRef<HTMLProgressElement, UploadProgressBarProps>(
  function UploadProgressBar({ progress, label, labels, state, ...rest }, ref) {
    const fraction = progress?.fraction ?? null;
    const percent = fraction === null ? null : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
    const valueText =
      percent === null || !progress
        ? labels.progressIndeterminate
        : labels.progressValue(
            percent,
            formatFileSize(progress.loaded, labels.locale),
            formatFileSize(progress.total, labels.locale),
          );
    return (
      <progress
        data-part="progress"
        {...rest}
        ref={ref}
        max={100}
        {...(percent === null ? {} : { value: percent })}
        aria-label={label}
        {...(percent === null ? {} : { "aria-valuenow": percent })}
        aria-valuetext={valueText}
        data-value={percent ?? undefined}
        data-max={100}
        data-indeterminate={percent === null ? "" : undefined}
        data-state={state}
      />
    );
  },
);
