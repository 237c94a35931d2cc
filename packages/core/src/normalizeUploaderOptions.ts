// Checks `createUploader`/`setOptions` input and fills in the defaults, so that a typo or a
// wrong unit fails loudly with a message that says which option was wrong.
import { TwentyThreeUploadError } from "./errors.js";
import { resolveRetryPolicy, type ResolvedRetryPolicy } from "./retryPolicy.js";
import { siteOrigin } from "./siteUrls.js";
import type { ApiVersion, UploaderOptions } from "./types.js";
import type { FileRules } from "./validateFiles.js";

/** `UploaderOptions` checked and with every default applied. */
export interface NormalizedUploaderOptions {
  /** The options as given (what `setOptions` merges into). */
  readonly given: UploaderOptions;
  readonly apiVersion: ApiVersion;
  readonly autoStart: boolean;
  readonly concurrency: number;
  readonly rules: FileRules;
  readonly retry: ResolvedRetryPolicy;
  readonly stallTimeoutMs: number;
  readonly responseTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly tokenStrategy: "per-file" | "shared";
  readonly tokenExpiryMarginMs: number;
  readonly waitForEncoding: { readonly intervalMs: number; readonly timeoutMs: number } | null;
}

const transports = new Set(["auto", "xhr", "chunked", "iframe"]);

// setTimeout fires at once for anything longer (or Infinity): a deadline there would be none.
const MAX_TIMER_MS = 2_147_483_647;

function invalid(message: string): TwentyThreeUploadError {
  return new TwentyThreeUploadError("invalid_options", `createUploader: ${message}`);
}

function number(
  name: string,
  value: unknown,
  fallback: number,
  rule: { min: number; integer?: boolean; above?: boolean; timer?: boolean },
): number {
  if (value === undefined) {
    return fallback;
  }
  const ok =
    typeof value === "number" &&
    !Number.isNaN(value) &&
    (rule.above ? value > rule.min : value >= rule.min) &&
    (!rule.integer || Number.isInteger(value)) &&
    !(rule.timer && value > MAX_TIMER_MS);
  if (!ok) {
    const kind = rule.integer ? "an integer" : "a number";
    const bound =
      (rule.above ? `greater than ${rule.min}` : `at least ${rule.min}`) +
      (rule.timer ? ` and at most ${MAX_TIMER_MS} (about 24.8 days)` : "");
    return invalidNumber(name, kind, bound, value);
  }
  return value;
}

function invalidNumber(name: string, kind: string, bound: string, value: unknown): never {
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  throw invalid(`\`${name}\` must be ${kind} ${bound}; got ${shown}.`);
}

const deadline = { min: 0, above: true, timer: true };

/**
 * Validates `options`; throws a `TwentyThreeUploadError` (`invalid_options`) naming the culprit,
 * or `invalid_site` for a `site` that is not a domain or origin.
 */
export function normalizeUploaderOptions(options: UploaderOptions): NormalizedUploaderOptions {
  if (typeof options !== "object" || options === null) {
    throw invalid("options must be an object with at least `site` and `token`.");
  }
  if (typeof options.site !== "string" || options.site.trim() === "") {
    throw invalid('`site` is required: a domain ("videos.example.com") or an origin URL.');
  }
  // Throws `invalid_site` now rather than failing every upload later.
  siteOrigin(options.site);
  const token: unknown = options.token;
  const isTokenOk =
    (typeof token === "string" && token.trim() !== "") ||
    token instanceof URL ||
    typeof token === "function";
  if (!isTokenOk) {
    throw invalid(
      "`token` is required: your token endpoint's URL, or a function returning a token.",
    );
  }
  if (
    options.apiVersion !== undefined &&
    options.apiVersion !== "legacy" &&
    options.apiVersion !== "v2"
  ) {
    throw invalid(`\`apiVersion\` must be "legacy" or "v2"; got ${String(options.apiVersion)}.`);
  }
  const transport: unknown = options.transport;
  if (
    transport !== undefined &&
    typeof transport !== "function" &&
    !transports.has(transport as string)
  ) {
    throw invalid(
      `\`transport\` must be "auto", "xhr", "chunked", "iframe" or a function; got ${String(transport)}.`,
    );
  }
  const strategy = options.tokenStrategy ?? "per-file";
  if (strategy !== "per-file" && strategy !== "shared") {
    throw invalid(`\`tokenStrategy\` must be "per-file" or "shared"; got ${String(strategy)}.`);
  }
  const accept: unknown = options.accept;
  if (
    accept !== undefined &&
    typeof accept !== "string" &&
    !(Array.isArray(accept) && accept.every((entry) => typeof entry === "string"))
  ) {
    throw invalid("`accept` must be a string or an array of strings.");
  }
  const minSize = number("minSize", options.minSize, 0, { min: 0 });
  const maxSize = number("maxSize", options.maxSize, Infinity, { min: 0 });
  if (minSize > maxSize) {
    throw invalid(`\`minSize\` (${minSize}) is larger than \`maxSize\` (${maxSize}).`);
  }
  number("chunkSize", options.chunkSize, 1, { min: 0, above: true, integer: true });
  const retry = options.retry === false ? undefined : options.retry;
  number("retry.retries", retry?.retries, 0, { min: 0, integer: true });
  number("retry.baseDelayMs", retry?.baseDelayMs, 0, { min: 0, timer: true });
  number("retry.maxDelayMs", retry?.maxDelayMs, 0, { min: 0, timer: true });
  const encoding = options.waitForEncoding;
  const encodingObject = typeof encoding === "object" ? encoding : {};
  return {
    given: options,
    apiVersion: options.apiVersion ?? "legacy",
    autoStart: options.autoStart ?? true,
    concurrency: number("concurrency", options.concurrency, 3, { min: 1, integer: true }),
    rules: {
      accept: options.accept,
      minSize: options.minSize,
      maxSize: options.maxSize,
      maxFiles: number("maxFiles", options.maxFiles, Infinity, { min: 0, integer: true }),
    },
    retry: resolveRetryPolicy(options.retry),
    stallTimeoutMs: number("stallTimeoutMs", options.stallTimeoutMs, 30_000, deadline),
    responseTimeoutMs: number("responseTimeoutMs", options.responseTimeoutMs, 600_000, deadline),
    requestTimeoutMs: number("requestTimeoutMs", options.requestTimeoutMs, 30_000, deadline),
    tokenStrategy: strategy,
    tokenExpiryMarginMs: number("tokenExpiryMarginMs", options.tokenExpiryMarginMs, 60_000, {
      min: 0,
    }),
    waitForEncoding: encoding
      ? {
          intervalMs: number(
            "waitForEncoding.intervalMs",
            encodingObject.intervalMs,
            5000,
            deadline,
          ),
          timeoutMs: number("waitForEncoding.timeoutMs", encodingObject.timeoutMs, 1_800_000, {
            min: 0,
            timer: true,
          }),
        }
      : null,
  };
}
