import { useMemo } from "react";
import { danishLabels } from "./danishLabels.js";
import { englishLabels } from "./englishLabels.js";
import type { UploadLabels, UploadLocale } from "./labels.js";
import { useUploadContext } from "./useUploadContext.js";

/** The built-in labels of a locale. */
export function labelsFor(locale: UploadLocale): UploadLabels {
  return locale === "da" ? danishLabels : englishLabels;
}

/**
 * The labels a component uses: its own `labels` prop merged over its `locale` (or the provider's
 * labels when it has no locale of its own).
 */
export function useLabels(overrides?: Partial<UploadLabels>, locale?: UploadLocale): UploadLabels {
  const context = useUploadContext();
  const base = locale ? labelsFor(locale) : context.labels;
  return useMemo(() => (overrides ? { ...base, ...overrides } : base), [base, overrides]);
}
