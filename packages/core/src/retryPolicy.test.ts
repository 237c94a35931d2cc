import { describe, expect, it } from "vitest";
import { UploadError } from "./errors.js";
import { isRetryableError, resolveRetryPolicy, retryDelayMs } from "./retryPolicy.js";

const http = (status: number, retryAfterMs: number | null = null) =>
  new UploadError("http", `HTTP ${status}`, { status, retryAfterMs });

describe("isRetryableError", () => {
  it("retries transient failures only", () => {
    expect(isRetryableError(new UploadError("network", "x"))).toBe(true);
    expect(isRetryableError(new UploadError("timeout", "x"))).toBe(true);
    expect([408, 429, 500, 502, 503, 504].map((status) => isRetryableError(http(status)))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([400, 403, 404, 413].map((status) => isRetryableError(http(status)))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    for (const kind of [
      "token-expired",
      "token-invalid",
      "file-rejected",
      "cors",
      "aborted",
    ] as const) {
      expect(isRetryableError(new UploadError(kind, "x"))).toBe(false);
    }
  });
});

describe("resolveRetryPolicy", () => {
  it("fills in the documented defaults, and false means no retries", () => {
    expect(resolveRetryPolicy(undefined)).toMatchObject({
      retries: 5,
      baseDelayMs: 1000,
      maxDelayMs: 30_000,
      jitter: true,
      shouldRetry: isRetryableError,
    });
    expect(resolveRetryPolicy(false).retries).toBe(0);
    expect(resolveRetryPolicy({ retries: 2, jitter: false })).toMatchObject({
      retries: 2,
      jitter: false,
    });
  });
});

describe("retryDelayMs", () => {
  const exact = resolveRetryPolicy({ jitter: false, baseDelayMs: 1000, maxDelayMs: 10_000 });
  const network = new UploadError("network", "x");

  it("doubles from the base delay up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6].map((retry) => retryDelayMs(retry, network, exact))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  it("draws a full jitter between 0 and the exponential delay", () => {
    const jittered = resolveRetryPolicy({ baseDelayMs: 1000, maxDelayMs: 10_000 });
    expect(retryDelayMs(3, network, jittered, () => 0)).toBe(0);
    expect(retryDelayMs(3, network, jittered, () => 0.5)).toBe(2000);
    expect(retryDelayMs(3, network, jittered, () => 0.999)).toBe(3996);
  });

  it("never waits less than Retry-After, even beyond the cap", () => {
    const jittered = resolveRetryPolicy({ baseDelayMs: 1000, maxDelayMs: 10_000 });
    expect(retryDelayMs(1, http(429, 5000), jittered, () => 0)).toBe(5000);
    expect(retryDelayMs(1, http(503, 60_000), exact)).toBe(60_000);
    expect(retryDelayMs(4, http(503, 10), exact)).toBe(8000);
  });
});
