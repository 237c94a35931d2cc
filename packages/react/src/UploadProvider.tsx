import type {
  ApiVersion,
  TokenSource,
  Transport,
  TransportName,
  UploaderOptions,
} from "@twentythree-upload/core";
import { useContext, useMemo, type ReactNode } from "react";
import type { UploadLabels } from "./labels.js";
import { UploadContext, type ProvidedSettings } from "./UploadContext.js";

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
  /**
   * Strings, merged over the enclosing provider's labels (English at the top): a locale such as
   * `danishLabels` (it carries its BCP 47 `locale` for numbers and sizes), a few keys of your
   * own, or both (`{ ...danishLabels, formSubmit: "Send" }`). Default: the enclosing provider's
   * labels, else `englishLabels`.
   */
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
  const { site, apiVersion, token, transport, labels, defaults, children } = props;
  const value = useMemo<ProvidedSettings>(() => {
    return {
      site: site ?? parent.site,
      apiVersion: apiVersion ?? parent.apiVersion,
      token: token ?? parent.token,
      transport: transport ?? parent.transport,
      labels: labels ? { ...parent.labels, ...labels } : parent.labels,
      defaults: defaults ? { ...parent.defaults, ...defaults } : parent.defaults,
    };
  }, [parent, site, apiVersion, token, transport, labels, defaults]);
  return <UploadContext.Provider value={value}>{children}</UploadContext.Provider>;
}
