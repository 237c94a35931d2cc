// The token endpoint's configuration, and its validation at startup: a mistake here (a
// `javascript:` return URL, a foreign host, a missing secret) must stop the server from starting
// rather than surface later as a confusing upload failure or an open redirect.
// From the React package, which re-exports core: the one package an app installs.
import type { ApiVersion } from "@twentythree-upload/react";
import { CALLBACK_OVERHEAD, CALLBACK_URL_LIMIT } from "./validateTokenRequest.js";
import { type TokenLogger, logJsonLine } from "./tokenLog.js";

/** OAuth 1.0a credentials with `write` permission on the site ("privileged credentials"). */
export interface TwentyThreeCredentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessTokenSecret: string;
}

/** A token the endpoint is about to hand to the browser, as `onIssued` receives it. */
export interface IssuedToken {
  /** The upload token: a credential. Store it, never log it. */
  readonly uploadToken: string;
  /** When TwentyThree stops accepting it. */
  readonly validUntil: Date;
  /** How many uploads it allows. */
  readonly maxUploads: number;
  /** Where TwentyThree sends the result of each upload. */
  readonly returnUrl: string;
}

/** Options of `createTokenHandler`. */
export interface TokenHandlerOptions {
  /**
   * The TwentyThree site: a bare domain (`"videos.example.com"`, HTTPS assumed) or an origin
   * (`"http://127.0.0.1:8023"` for the emulator). Plain `http:` is accepted only for loopback
   * hosts, so that credentials and tokens never cross a network in clear text.
   */
  site: string;
  /** `"legacy"` (`/api/...`) or `"v2"` (`/api/2/...`). Default `"legacy"`. */
  apiVersion?: ApiVersion;
  /** Write credentials. They never leave the server. */
  credentials: TwentyThreeCredentials;
  /**
   * The fixed `return_url` TwentyThree redirects to after each upload (your callback page).
   * Must be an `http(s)` URL on one of `allowedOrigins`. Give either this or `allowedReturnUrls`.
   */
  returnUrl?: string;
  /**
   * Return URLs a request may choose from with a `returnUrl` field (exact match); the first is
   * the default. Each must be on one of `allowedOrigins`. Default: none (use `returnUrl`).
   */
  allowedReturnUrls?: readonly string[];
  /** Origins of the app pages allowed to ask for tokens (`"https://app.example.com"`). */
  allowedOrigins: readonly string[];
  /** `valid_minutes` of each token, 15–1440. Default `180` (TwentyThree's legacy default). */
  validMinutes?: number;
  /**
   * The most uploads one token allows. A request asking for more gets a token for this many (the
   * library fetches another token when it is used up). Default `10` (at most 100 legacy, 1000 v2).
   */
  maxUploadsCap?: number;
  /** The largest `fileSize` a request may declare, in bytes. Default 10 GiB. */
  maxFileSize?: number;
  /** The largest request body accepted, in bytes. Default 16 KiB. */
  maxBodyBytes?: number;
  /** Deadline for TwentyThree's answer. Default `15_000` ms. */
  upstreamTimeoutMs?: number;
  /**
   * How get-upload-token is called: a signed url-encoded `"POST"` (what TwentyThree's own Node
   * client does) or a signed `"GET"` (the only method in the v2 OpenAPI file). Default: `"POST"`
   * for legacy, `"GET"` for v2.
   */
  upstreamMethod?: "POST" | "GET";
  /**
   * Your user check (session cookie, bearer token…). Resolve `false` to answer 401. `"anyone"`
   * lets every request that passes the CSRF checks have a token: a demo only, since a script can
   * pass those checks too. Required when `site` is not on this machine; default for a local
   * emulator: `"anyone"`.
   */
  authorize?: ((request: Request) => boolean | Promise<boolean>) | "anyone";
  /**
   * Called with each token before the browser receives it, and awaited: the place to record
   * token → user (from `request`'s session), so that a callback or a `photo/list?upload_token=`
   * lookup can later be tied to who was given the token. If it throws or rejects, the browser
   * gets a 500 and not the token. The token is never logged. Default: none.
   */
  onIssued?: (token: IssuedToken, request: Request) => void | Promise<void>;
  /** The fetch used to call TwentyThree. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Receives one entry per request. Default: one JSON line per request on stdout. */
  logger?: TokenLogger;
}

/** The options after validation, with every default filled in. */
export interface ResolvedTokenHandlerOptions {
  readonly siteOrigin: string;
  readonly apiVersion: ApiVersion;
  readonly endpoint: string;
  readonly credentials: TwentyThreeCredentials;
  /** The first is the default. */
  readonly returnUrls: readonly string[];
  /** Whether a request may pick one of `returnUrls` with a `returnUrl` field. */
  readonly returnUrlChoice: boolean;
  readonly allowedOrigins: ReadonlySet<string>;
  readonly validMinutes: number;
  readonly maxUploadsCap: number;
  readonly maxFileSize: number;
  readonly maxBodyBytes: number;
  readonly upstreamTimeoutMs: number;
  readonly upstreamMethod: "POST" | "GET";
  readonly authorize: ((request: Request) => boolean | Promise<boolean>) | null;
  readonly onIssued: ((token: IssuedToken, request: Request) => void | Promise<void>) | null;
  readonly fetch: typeof fetch;
  readonly logger: TokenLogger;
}

/** A configuration mistake, found when the handler is created. Names the option, never a value of a secret. */
export class TokenHandlerConfigError extends Error {
  readonly option: string;
  constructor(option: string, message: string) {
    super(message);
    this.name = "TokenHandlerConfigError";
    this.option = option;
  }
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether a URL's host is this machine (where plain http is acceptable). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

function parseHttpUrl(option: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TokenHandlerConfigError(option, `${option} must be an absolute http(s) URL.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TokenHandlerConfigError(
      option,
      `${option} must use http: or https:, not ${url.protocol}`,
    );
  }
  if (url.username || url.password) {
    throw new TokenHandlerConfigError(
      option,
      `${option} must not contain a user name or password.`,
    );
  }
  return url;
}

/**
 * The origin of a TwentyThree site given as a domain (HTTPS) or an origin.
 *
 * @throws TokenHandlerConfigError for a path, a scheme other than http(s), or http off this machine.
 */
export function siteOriginOf(site: string): string {
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(site.trim())
    ? site.trim()
    : `https://${site.trim()}`;
  const url = parseHttpUrl("site", withScheme);
  if (url.pathname !== "/" || url.search || url.hash) {
    throw new TokenHandlerConfigError(
      "site",
      "site must be a domain or an origin, without a path.",
    );
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new TokenHandlerConfigError(
      "site",
      `site must use https: (plain http is only accepted for a local emulator), got ${url.origin}`,
    );
  }
  return url.origin;
}

function originOf(value: string): string {
  const url = parseHttpUrl("allowedOrigins", value);
  if (url.origin !== value.replace(/\/$/, "")) {
    throw new TokenHandlerConfigError(
      "allowedOrigins",
      `allowedOrigins entries must be bare origins such as "https://app.example.com", got "${value}".`,
    );
  }
  return url.origin;
}

function integerIn(
  option: string,
  value: number | undefined,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new TokenHandlerConfigError(
      option,
      `${option} must be an integer from ${min} to ${max}.`,
    );
  }
  return value;
}

/**
 * Checks every option and fills in defaults.
 *
 * @throws TokenHandlerConfigError naming the option that is wrong.
 */
export function resolveTokenHandlerOptions(
  options: TokenHandlerOptions,
): ResolvedTokenHandlerOptions {
  const siteOrigin = siteOriginOf(options.site);
  const apiVersion = options.apiVersion ?? "legacy";
  if (apiVersion !== "legacy" && apiVersion !== "v2") {
    throw new TokenHandlerConfigError("apiVersion", `apiVersion must be "legacy" or "v2".`);
  }
  for (const key of [
    "consumerKey",
    "consumerSecret",
    "accessToken",
    "accessTokenSecret",
  ] as const) {
    const value: unknown = options.credentials?.[key];
    if (typeof value !== "string" || value.trim() === "") {
      throw new TokenHandlerConfigError(`credentials.${key}`, `credentials.${key} is missing.`);
    }
  }

  if (!options.allowedOrigins || options.allowedOrigins.length === 0) {
    throw new TokenHandlerConfigError(
      "allowedOrigins",
      "allowedOrigins must list the origin of your app (e.g. https://app.example.com).",
    );
  }
  const allowedOrigins = new Set(options.allowedOrigins.map(originOf));

  const hasFixed = options.returnUrl !== undefined;
  const hasList = options.allowedReturnUrls !== undefined;
  if (hasFixed === hasList) {
    throw new TokenHandlerConfigError(
      "returnUrl",
      "Give exactly one of returnUrl (a fixed callback page) or allowedReturnUrls.",
    );
  }
  const candidates = hasFixed
    ? [options.returnUrl as string]
    : [...(options.allowedReturnUrls ?? [])];
  const option = hasFixed ? "returnUrl" : "allowedReturnUrls";
  if (candidates.length === 0) {
    throw new TokenHandlerConfigError(option, "allowedReturnUrls must not be empty.");
  }
  const returnUrls = candidates.map((candidate) => {
    const url = parseHttpUrl(option, candidate);
    // The return URL receives the result (and the upload token) in its query: it must be one of
    // the app's own pages, never a foreign host (that would be an open redirect and a token leak).
    if (!allowedOrigins.has(url.origin)) {
      throw new TokenHandlerConfigError(
        option,
        `${option} must be on one of allowedOrigins (${[...allowedOrigins].join(", ")}), got ${url.origin}.`,
      );
    }
    // TwentyThree POSTs a callback URL of 1500 characters or more; leave room for its parameters.
    if (url.href.length + CALLBACK_OVERHEAD >= CALLBACK_URL_LIMIT) {
      throw new TokenHandlerConfigError(
        option,
        `${option} must be shorter than ${CALLBACK_URL_LIMIT - CALLBACK_OVERHEAD} characters, ` +
          `so that the callback URL with TwentyThree's parameters stays under ${CALLBACK_URL_LIMIT}.`,
      );
    }
    return url.href;
  });

  const upstreamMethod = options.upstreamMethod ?? (apiVersion === "v2" ? "GET" : "POST");
  if (upstreamMethod !== "POST" && upstreamMethod !== "GET") {
    throw new TokenHandlerConfigError("upstreamMethod", `upstreamMethod must be "POST" or "GET".`);
  }
  // Without a user check, anyone who can script a request gets tokens for the site: fine for the
  // emulator, a storage bill or spam for a real site. So a real site needs an explicit choice.
  if (options.authorize === undefined && !isLoopbackHost(new URL(siteOrigin).hostname)) {
    throw new TokenHandlerConfigError(
      "authorize",
      `authorize is required for ${siteOrigin}, a site that is not on this machine: pass your ` +
        'user check (e.g. a session lookup), or authorize: "anyone" to give a token to every ' +
        "request that passes the CSRF checks (a demo only).",
    );
  }
  const { authorize } = options;
  if (authorize !== undefined && authorize !== "anyone" && typeof authorize !== "function") {
    throw new TokenHandlerConfigError("authorize", 'authorize must be a function or "anyone".');
  }
  const apiMaxUploads = apiVersion === "v2" ? 1000 : 100;
  return {
    siteOrigin,
    apiVersion,
    endpoint: `${siteOrigin}${apiVersion === "v2" ? "/api/2" : "/api"}/photo/get-upload-token`,
    credentials: { ...options.credentials },
    returnUrls,
    returnUrlChoice: hasList,
    allowedOrigins,
    validMinutes: integerIn("validMinutes", options.validMinutes, 15, 1440, 180),
    maxUploadsCap: integerIn("maxUploadsCap", options.maxUploadsCap, 1, apiMaxUploads, 10),
    maxFileSize: integerIn(
      "maxFileSize",
      options.maxFileSize,
      1,
      Number.MAX_SAFE_INTEGER,
      10 * 1024 ** 3,
    ),
    maxBodyBytes: integerIn("maxBodyBytes", options.maxBodyBytes, 256, 1024 * 1024, 16 * 1024),
    upstreamTimeoutMs: integerIn(
      "upstreamTimeoutMs",
      options.upstreamTimeoutMs,
      1,
      120_000,
      15_000,
    ),
    upstreamMethod,
    authorize: typeof options.authorize === "function" ? options.authorize : null,
    onIssued: options.onIssued ?? null,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    logger: options.logger ?? logJsonLine,
  };
}
