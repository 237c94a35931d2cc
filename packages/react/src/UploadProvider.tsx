import type {
  ApiVersion,
  TokenSource,
  Transport,
  TransportName,
  UploaderOptions,
} from "@twentythree-upload/core";
import { useContext, useMemo, type ReactNode } from "react";
import type { UploadLabels, UploadLocale } from "./labels.js";
import { UploadContext, type UploadSettings } from "./UploadContext.js";
import { labelsFor } from "./useLabels.js";

/** Props of {@link UploadProvider}. Each one falls back to an enclosing provider's value. */
export interface UploadProviderProps {
  /**
   * The TwentyThree site: a bare domain (HTTPS) or an origin URL. Default: the enclosing
   * provider's, else none (each component or hook then needs its own `site`).
   */
  site?: string;
  /** API generation. Default: the enclosing provider's, else `"legacy"`. */
  apiVersion?: ApiVersion;
  /**
   * Where upload tokens come from: your endpoint's URL, or a function. Default: the enclosing
   * provider's, else none (each component or hook then needs its own `token`).
   */
  token?: TokenSource;
  /**
   * Transport for every uploader. Default: the enclosing provider's, else `"auto"` (XHR, iframe
   * fallback when CORS is refused).
   */
  transport?: TransportName | Transport;
  /** Built-in strings to start from. Default: `"en"`, or the enclosing provider's labels. */
  locale?: UploadLocale;
  /** Strings to override, merged over `locale`. Default: none. */
  labels?: Partial<UploadLabels>;
  /**
   * Defaults for every uploader below (concurrency, accept, maxSize, retry…), merged over the
   * enclosing provider's. Default: none.
   */
  defaults?: Partial<UploaderOptions>;
  /** The part of the app these settings apply to. */
  children?: ReactNode;
}

/**
 * App-wide upload settings: site, API generation, token endpoint, transport, labels and uploader
 * defaults. Optional: every component also takes these as props.
 */
export function UploadProvider(props: UploadProviderProps) {
  const parent = useContext(UploadContext);
  const { site, apiVersion, token, transport, locale, labels, defaults, children } = props;
  const value = useMemo<UploadSettings>(() => {
    const baseLabels = locale ? labelsFor(locale) : parent.labels;
    return {
      site: site ?? parent.site,
      apiVersion: apiVersion ?? parent.apiVersion,
      token: token ?? parent.token,
      transport: transport ?? parent.transport,
      labels: labels ? { ...baseLabels, ...labels } : baseLabels,
      defaults: defaults ? { ...parent.defaults, ...defaults } : parent.defaults,
    };
  }, [parent, site, apiVersion, token, transport, locale, labels, defaults]);
  return <UploadContext.Provider value={value}>{children}</UploadContext.Provider>;
}
