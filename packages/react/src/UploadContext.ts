import type {
  ApiVersion,
  TokenSource,
  Transport,
  TransportName,
  UploaderOptions,
} from "@twentythree-upload/core";
import { createContext } from "react";
import type { UploadLabels } from "./labels.js";

/** App-wide settings, as provided by `UploadProvider` (or the defaults without one). */
export interface UploadSettings {
  /** The TwentyThree site (bare domain or origin URL), or `undefined` when not configured. */
  readonly site: string | undefined;
  /** API generation. Default: `"legacy"`. */
  readonly apiVersion: ApiVersion;
  /** The token endpoint (URL or function), or `undefined` when not configured. */
  readonly token: TokenSource | undefined;
  /** Transport for every uploader below. Default: core's default (`"auto"`). */
  readonly transport: TransportName | Transport | undefined;
  /** Labels after merging every provider's `labels` over `englishLabels`. */
  readonly labels: UploadLabels;
  /** Defaults for every uploader below (concurrency, accept, maxSize, retry…). */
  readonly defaults: Partial<UploaderOptions>;
}

/**
 * @internal What providers pass down: their settings merged, with the labels only as the
 * providers gave them (no English underneath). Each component merges them over its own English
 * strings, so that an app ships only the English its components can show; `useUploadContext()`
 * merges them over all of `englishLabels`.
 */
export interface ProvidedSettings extends Omit<UploadSettings, "labels"> {
  /** Every provider's `labels` merged (outer first); empty without a provider. */
  readonly labels: Partial<UploadLabels>;
}

/** @internal What components see without a provider: legacy API, nothing configured. */
export const noProviderSettings: ProvidedSettings = {
  site: undefined,
  apiVersion: "legacy",
  token: undefined,
  transport: undefined,
  labels: {},
  defaults: {},
};

/** @internal Read through `useProvidedSettings()` (components) or `useUploadContext()` (apps). */
export const UploadContext = createContext<ProvidedSettings>(noProviderSettings);
