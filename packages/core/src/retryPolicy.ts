// Which failures are worth another attempt, and how long to wait before it.
import type { UploadError } from "./errors.js";
import type { RetryPolicy } from "./types.js";

/** A {@link RetryPolicy} with every default filled in. */
export interface ResolvedRetryPolicy {
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly jitter: boolean;
  readonly shouldRetry: (error: UploadError, attempt: number) => boolean;
}

/**
 * The built-in classification: transient failures are retried (`network`, `timeout`, HTTP 408,
 * 429 and 5xx); the file, the token, CORS and cancellation are not.
 *
 * Token errors (`token-expired`, `token-invalid`) are handled apart from this: the uploader gets
 * one fresh token and tries once more, whatever the policy says.
 *
 * @returns `true` when another attempt may succeed.
 * @example
 * createUploader({ site, token, retry: { shouldRetry: (error) => isRetryableError(error) && error.status !== 503 } });
 */
export function isRetryableError(error: UploadError): boolean {
  switch (error.kind) {
    case "network":
    case "timeout":
      return true;
    case "http": {
      const status = error.status ?? 0;
      return status === 408 || status === 429 || (status >= 500 && status <= 599);
    }
    case "token-expired":
    case "token-invalid":
    case "file-rejected":
    case "cors":
    case "aborted":
      return false;
    default:
      return error.kind satisfies never;
  }
}

/** Fills in the defaults; `false` means no automatic retries at all. */
export function resolveRetryPolicy(policy: RetryPolicy | false | undefined): ResolvedRetryPolicy {
  const given = policy === false ? { retries: 0 } : (policy ?? {});
  return {
    retries: given.retries ?? 5,
    baseDelayMs: given.baseDelayMs ?? 1000,
    maxDelayMs: given.maxDelayMs ?? 30_000,
    jitter: given.jitter ?? true,
    shouldRetry: given.shouldRetry ?? isRetryableError,
  };
}

/**
 * How long to wait before retry number `retry` (1 for the first retry): exponential backoff,
 * `min(maxDelayMs, baseDelayMs * 2^(retry-1))`, with full jitter (a uniformly random wait up to
 * that), but never shorter than the server's `Retry-After`.
 *
 * @param random a source of numbers in [0, 1); injectable for tests. Default: `Math.random`.
 */
export function retryDelayMs(
  retry: number,
  error: UploadError,
  policy: ResolvedRetryPolicy,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  // Full jitter spreads retries of many clients after a shared outage (AWS architecture blog,
  // "Exponential Backoff And Jitter").
  const delay = policy.jitter ? Math.floor(random() * exponential) : exponential;
  return Math.max(delay, error.retryAfterMs ?? 0);
}
