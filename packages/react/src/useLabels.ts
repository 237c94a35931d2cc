import { useMemo } from "react";
import type { UploadLabels } from "./labels.js";
import { useUploadContext } from "./useUploadContext.js";

/**
 * The labels a component uses: its own `labels` prop merged over the provider's labels (English
 * without a provider). A locale is a labels object like `danishLabels`, imported by the app that
 * uses it, so that no app ships the strings of languages it does not show.
 */
export function useLabels(overrides?: Partial<UploadLabels>): UploadLabels {
  const base = useUploadContext().labels;
  return useMemo(() => (overrides ? { ...base, ...overrides } : base), [base, overrides]);
}
