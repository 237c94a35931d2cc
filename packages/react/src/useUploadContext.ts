import { useContext } from "react";
import { UploadContext, type UploadSettings } from "./UploadContext.js";

/**
 * The settings of the nearest `UploadProvider`, or the defaults (English labels, legacy API, no
 * site or token) when there is none, so that components also work standalone with props.
 */
export function useUploadContext(): UploadSettings {
  return useContext(UploadContext);
}
