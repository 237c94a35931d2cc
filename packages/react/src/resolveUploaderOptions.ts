import type { UploaderOptions } from "@twentythree-upload/core";
import type { UploadSettings } from "./UploadContext.js";
import { UploadSettingsError } from "./UploadSettingsError.js";

/**
 * Merges a component's options over the provider's settings and defaults. Throws an
 * {@link UploadSettingsError} when `site` or `token` is missing everywhere.
 */
export function resolveUploaderOptions(
  settings: Omit<UploadSettings, "labels">,
  options: Partial<UploaderOptions>,
): UploaderOptions {
  const site = options.site ?? settings.defaults.site ?? settings.site;
  const token = options.token ?? settings.defaults.token ?? settings.token;
  if (!site) {
    throw new UploadSettingsError(
      "missing_site",
      "No TwentyThree site: pass `site` to the component or hook, or wrap it in <UploadProvider site=…>.",
    );
  }
  if (!token) {
    throw new UploadSettingsError(
      "missing_token",
      "No token source: pass `token` (your token endpoint's URL or a function) to the component or hook, or to <UploadProvider>.",
    );
  }
  const transport = options.transport ?? settings.defaults.transport ?? settings.transport;
  return {
    apiVersion: settings.apiVersion,
    ...settings.defaults,
    ...(transport === undefined ? {} : { transport }),
    ...options,
    site,
    token,
  };
}
