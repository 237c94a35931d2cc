import { useContext } from "react";
import { UploadContext, type ProvidedSettings } from "./UploadContext.js";

/**
 * @internal The nearest `UploadProvider`'s settings as the providers gave them (labels without
 * English underneath). What components read, so that their graph does not reach every English
 * string; apps use `useUploadContext()`.
 */
export function useProvidedSettings(): ProvidedSettings {
  return useContext(UploadContext);
}
