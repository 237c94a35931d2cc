import { useMemo } from "react";
import type { UploadLabels } from "./labels.js";
import { useProvidedSettings } from "./useProvidedSettings.js";

/**
 * @internal The labels a component uses: its own `labels` prop merged over the providers' labels,
 * merged over `english`, the English strings that component can show (the rest of English stays
 * out of its module graph). Keys a provider's partial labels leave out thus stay English.
 */
export function useComponentLabels<Labels extends Partial<UploadLabels>>(
  english: Labels,
  overrides?: Partial<UploadLabels>,
): Labels {
  const provided = useProvidedSettings().labels;
  return useMemo(() => ({ ...english, ...provided, ...overrides }), [english, provided, overrides]);
}
