import { englishLabels } from "./englishLabels.js";
import { noProviderSettings, type UploadSettings } from "./UploadContext.js";

/**
 * What `useUploadContext()` returns without a provider: English, legacy API, nothing else
 * configured.
 */
export const defaultUploadSettings: UploadSettings = {
  ...noProviderSettings,
  labels: englishLabels,
};
