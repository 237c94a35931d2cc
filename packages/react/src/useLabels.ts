import { englishLabels } from "./englishLabels.js";
import type { UploadLabels } from "./labels.js";
import { useComponentLabels } from "./useComponentLabels.js";

/**
 * The labels for a UI of your own: `overrides` merged over the provider's labels, merged over
 * `englishLabels` (so English without a provider). A locale is a labels object like
 * `danishLabels`, imported by the app that uses it, so that no app ships the strings of
 * languages it does not show.
 */
export function useLabels(overrides?: Partial<UploadLabels>): UploadLabels {
  return useComponentLabels(englishLabels, overrides);
}
