import { useContext, useMemo } from "react";
import { defaultUploadSettings } from "./defaultUploadSettings.js";
import { englishLabels } from "./englishLabels.js";
import { noProviderSettings, UploadContext, type UploadSettings } from "./UploadContext.js";

/**
 * The settings of the nearest `UploadProvider`, with its labels merged over `englishLabels`, or
 * `defaultUploadSettings` (English labels, legacy API, no site or token) when there is none, so
 * that components also work standalone with props.
 */
export function useUploadContext(): UploadSettings {
  const provided = useContext(UploadContext);
  return useMemo(
    () =>
      provided === noProviderSettings
        ? defaultUploadSettings
        : { ...provided, labels: { ...englishLabels, ...provided.labels } },
    [provided],
  );
}
