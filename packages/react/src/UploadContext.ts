import type {
  ApiVersion,
  TokenSource,
  Transport,
  TransportName,
  UploaderOptions,
} from "@twentythree-upload/core";
import { createContext } from "react";
import { englishLabels } from "./englishLabels.js";
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

/** What components see without a provider: English, legacy API, nothing else configured. */
export const defaultUploadSettings: UploadSettings = {
  site: undefined,
  apiVersion: "legacy",
  token: undefined,
  transport: undefined,
  labels: englishLabels,
  defaults: {},
};

/** @internal Read through `useUploadContext()`. */
export const UploadContext = createContext<UploadSettings>(defaultUploadSettings);
