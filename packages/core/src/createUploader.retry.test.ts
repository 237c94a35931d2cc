import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setupUploader, videoFiles } from "../test/uploaderHarness.js";
import { UploadError } from "./errors.js";
import type { FindUploads, Transport, UploadResult } from "./types.js";

beforeEach(() => vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") }));
afterEach(() => vi.useRealTimers());

const start = Date.parse("2026-01-01T00:00:00Z");

describe("createUploader: automatic retries", () => {
  it("retries a 503 after a backoff, with a fresh token, and stores the file once", async () => {
    const { uploader, transport, item } = setupUploader({
      mock: { failures: [{ kind: "http", status: 503 }] },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(1001); // the answer comes 1 ms after the body
    expect(item(id)).toMatchObject({
      status: "retrying",
      attempt: 1,
      error: { kind: "http", status: 503 },
    });
    expect(item(id)?.retryAt).toBe(Date.now() + 1000); // base delay, no jitter in this setup
    await vi.advanceTimersByTimeAsync(999);
    expect(item(id)?.status).toBe("retrying");
    await vi.advanceTimersByTimeAsync(1);
    expect(item(id)).toMatchObject({ status: "uploading", attempt: 2, error: null });
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({ status: "succeeded", attempt: 2, error: null });
    expect(transport.calls).toHaveLength(2);
    expect(transport.calls[0]?.token.uploadToken).not.toBe(transport.calls[1]?.token.uploadToken);
    expect(transport.uploads).toHaveLength(1);
  });

  it("waits at least Retry-After on a 429", async () => {
    const { uploader, transport, item } = setupUploader({
      mock: { failures: [{ kind: "http", status: 429, retryAfterMs: 7000 }] },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(1001);
    expect(item(id)?.retryAt).toBe(Date.now() + 7000);
    await vi.advanceTimersByTimeAsync(6999);
    expect(item(id)?.status).toBe("retrying");
    expect(transport.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(transport.calls).toHaveLength(2);
  });

  it("backs off exponentially and fails after the last retry", async () => {
    const { uploader, transport, item, onError } = setupUploader({
      retry: { retries: 3, jitter: false, baseDelayMs: 1000 },
      mock: { failures: () => ({ kind: "network", at: "connect" }) },
    });
    const delays: number[] = [];
    uploader.subscribe(() => {
      const retryAt = uploader.getSnapshot().items[0]?.retryAt;
      // Notifications come in a microtask after the change, before fake time moves on.
      if (retryAt != null) delays.push(retryAt - Date.now());
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(transport.calls).toHaveLength(4);
    expect(item(id)).toMatchObject({ status: "failed", error: { kind: "network" } });
    expect(onError).toHaveBeenCalledOnce();
  });

  it("does not retry file errors, and honours a custom shouldRetry", async () => {
    const rejected = setupUploader({ mock: { failures: [{ kind: "file-rejected" }] } });
    const [a] = rejected.uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(rejected.item(a)).toMatchObject({ status: "failed", error: { kind: "file-rejected" } });
    expect(rejected.transport.calls).toHaveLength(1);

    const shouldRetry = vi.fn(() => false);
    const custom = setupUploader({
      retry: { shouldRetry },
      mock: { failures: [{ kind: "http", status: 503 }] },
    });
    const [b] = custom.uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(custom.item(b)?.status).toBe("failed");
    expect(shouldRetry).toHaveBeenCalledWith(expect.objectContaining({ status: 503 }), 1);

    const none = setupUploader({
      retry: false,
      mock: { failures: [{ kind: "http", status: 503 }] },
    });
    none.uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(none.statuses()).toEqual(["failed"]);
  });

  it("reuses a token only when the attempt failed before sending a byte", async () => {
    const { uploader, transport } = setupUploader({
      mock: { failures: [{ kind: "network", at: "connect" }] },
    });
    uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(transport.calls.map((call) => call.token.uploadToken)).toEqual([
      "mock-token-1",
      "mock-token-1",
    ]);
  });
});

describe("createUploader: reconciliation after an ambiguous failure", () => {
  it("finds the stored file instead of sending it twice", async () => {
    const findUploads = vi.fn<FindUploads>();
    const { uploader, transport, item } = setupUploader({
      mock: { failures: [{ kind: "network", at: "response", stored: true }] },
    });
    findUploads.mockImplementation(transport.findUploads);
    uploader.setOptions({ findUploads });
    const [id] = uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({ status: "succeeded", result: { photoId: "1" } });
    expect(transport.calls).toHaveLength(1);
    expect(transport.uploads).toHaveLength(1);
    expect(findUploads).toHaveBeenCalledWith(
      expect.objectContaining({
        token: transport.calls[0]?.token,
        site: "videos.example.com",
        apiVersion: "legacy",
      }),
    );
  });

  it("retries with a fresh token when the file did not land", async () => {
    const { uploader, transport, item } = setupUploader({
      mock: { failures: [{ kind: "network", at: "response", ambiguous: true }] },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(item(id)?.status).toBe("succeeded");
    expect(transport.calls.map((call) => call.token.uploadToken)).toEqual([
      "mock-token-1",
      "mock-token-2",
    ]);
    expect(transport.uploads).toHaveLength(1);
  });

  it("does not retry when it cannot tell (findUploads fails): failed, and a person may retry", async () => {
    const { uploader, transport, item, onError } = setupUploader({
      findUploads: () => Promise.reject(new UploadError("network", "CORS says no.")),
      mock: { failures: [{ kind: "network", at: "response", ambiguous: true }] },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({
      status: "failed",
      error: { kind: "network", ambiguous: true },
    });
    expect(transport.calls).toHaveLength(1);
    expect(onError).toHaveBeenCalledOnce();
    uploader.retry(id);
    await vi.runAllTimersAsync();
    expect(item(id)?.status).toBe("succeeded");
    expect(transport.calls).toHaveLength(2);
  });

  it("a person's retry looks up an attempt that could not be checked before sending again", async () => {
    const { uploader, transport, item } = setupUploader({
      mock: { failures: [{ kind: "network", at: "response", stored: true }] },
    });
    let lookups = 0;
    uploader.setOptions({
      findUploads: (request) => {
        lookups += 1;
        return lookups === 1
          ? Promise.reject(new UploadError("network", "photo/list failed."))
          : transport.findUploads(request);
      },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    // Could not tell: failed, saying the file may be stored (ambiguous).
    expect(item(id)).toMatchObject({ status: "failed", error: { ambiguous: true } });
    uploader.retry(id);
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({ status: "succeeded", result: { photoId: "1" } });
    expect(lookups).toBe(2);
    expect(transport.calls).toHaveLength(1);
    expect(transport.uploads).toHaveLength(1);
  });

  it("a retry after a cancel during processing finds the stored file instead of sending it again", async () => {
    // TwentyThree stores the file as soon as it has the body; its answer is slow.
    const stored: { uploadToken: string; result: UploadResult }[] = [];
    const calls: string[] = [];
    const transport: Transport = (request) =>
      new Promise((resolve, reject) => {
        calls.push(request.token.uploadToken);
        const result = { photoId: "42", treeId: "42", token: null, domain: null, params: {} };
        request.onProgress({ loaded: request.file.size, total: request.file.size });
        request.onBodySent();
        stored.push({ uploadToken: request.token.uploadToken, result });
        const timer = setTimeout(() => resolve(result), 60_000);
        request.signal.addEventListener("abort", () => {
          clearTimeout(timer);
          reject(new UploadError("aborted", "Canceled."));
        });
      });
    const findUploads: FindUploads = async ({ token }) =>
      stored.filter((entry) => entry.uploadToken === token.uploadToken).map((e) => e.result);
    const { uploader, item } = setupUploader({ transport, findUploads });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(100);
    expect(item(id)?.status).toBe("processing");
    uploader.cancel(id);
    // The canceled item says its file may be stored all the same.
    expect(item(id)).toMatchObject({
      status: "canceled",
      error: { kind: "aborted", ambiguous: true },
    });
    await vi.runAllTimersAsync();
    uploader.retry(id);
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({ status: "succeeded", result: { photoId: "42" } });
    expect(calls).toHaveLength(1);
    expect(stored).toHaveLength(1);
  });

  it("a failure found not stored is no longer ambiguous (nothing to warn about)", async () => {
    const { uploader, item } = setupUploader({
      retry: false,
      mock: { failures: [{ kind: "network", at: "response", ambiguous: true }] },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({
      status: "failed",
      error: { kind: "network", ambiguous: false, message: "Mock network failure." },
    });
  });

  it("looks before failing for good when no retries are left", async () => {
    const { uploader, transport, item } = setupUploader({
      retry: false,
      mock: { failures: [{ kind: "network", at: "response", stored: true }] },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(item(id)?.status).toBe("succeeded");
    expect(transport.calls).toHaveLength(1);
  });
});

describe("createUploader: tokens", () => {
  it("refreshes a kept token that would expire before it is used", async () => {
    const { uploader, transport, token, item } = setupUploader({
      tokens: { validMinutes: 10 },
      retry: { jitter: false, baseDelayMs: 9.5 * 60_000, maxDelayMs: 9.5 * 60_000 },
      mock: { failures: [{ kind: "network", at: "connect" }] },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(item(id)?.status).toBe("succeeded");
    // The first token failed before sending (still good) but was within a minute of expiry.
    expect(token.tokens).toHaveLength(2);
    expect(transport.calls.map((call) => call.token.uploadToken)).toEqual([
      "mock-token-1",
      "mock-token-2",
    ]);
  });

  it("gets one fresh token after token-invalid, then gives a clear error", async () => {
    const { uploader, transport, item, onError } = setupUploader({
      mock: {
        failures: () => ({ kind: "token-invalid", message: "The upload token is invalid." }),
      },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(transport.calls.map((call) => call.token.uploadToken)).toEqual([
      "mock-token-1",
      "mock-token-2",
    ]);
    expect(item(id)).toMatchObject({
      status: "failed",
      error: { kind: "token-invalid", message: "The upload token is invalid." },
    });
    expect(onError).toHaveBeenCalledOnce();
  });

  it("reconciles after an ambiguous 'already used' before sending with a fresh token", async () => {
    // A browser may resend a POST by itself; TwentyThree then calls the token used.
    const landed = setupUploader({
      mock: { failures: [{ kind: "token-invalid", at: "response", stored: true }] },
    });
    const [a] = landed.uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(landed.item(a)).toMatchObject({ status: "succeeded", result: { photoId: "1" } });
    expect(landed.transport.calls).toHaveLength(1);

    const findUploads = vi.fn<FindUploads>(async () => []);
    const lost = setupUploader({
      findUploads,
      mock: { failures: () => ({ kind: "token-invalid", at: "response", ambiguous: true }) },
    });
    const [b] = lost.uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(lost.item(b)).toMatchObject({ status: "failed", error: { kind: "token-invalid" } });
    expect(lost.transport.calls).toHaveLength(2);
    // Looked before the second attempt, and again before failing for good.
    expect(findUploads).toHaveBeenCalledTimes(2);
  });

  it("recovers from an expired token with a fresh one", async () => {
    const { uploader, transport, item } = setupUploader({
      mock: { failures: [{ kind: "token-expired" }] },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(item(id)?.status).toBe("succeeded");
    expect(transport.calls).toHaveLength(2);
  });

  it("reports a token endpoint that fails as a retryable error, and gives up in the end", async () => {
    let calls = 0;
    const { uploader, item } = setupUploader({
      retry: { retries: 1, jitter: false },
      token: async () => {
        calls += 1;
        throw new TypeError("Failed to fetch");
      },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(calls).toBe(2);
    expect(item(id)).toMatchObject({ status: "failed", error: { kind: "network" } });
    expect(item(id)?.error?.message).toMatch(/^Could not get an upload token\./);
  });

  it("shares one token with max_uploads across a batch when asked to", async () => {
    const { uploader, transport, token, statuses } = setupUploader({ tokenStrategy: "shared" });
    uploader.add(videoFiles(5));
    await vi.runAllTimersAsync();
    expect(statuses()).toEqual(Array(5).fill("succeeded"));
    expect(token.requests).toEqual([{ maxUploads: 5 }]);
    expect(new Set(transport.uploads.map((upload) => upload.uploadToken))).toEqual(
      new Set(["mock-token-1"]),
    );
  });

  it("fetches another shared token when one is used up, never over-using one", async () => {
    const { uploader, transport, token, statuses } = setupUploader({ tokenStrategy: "shared" });
    // The endpoint grants at most 2 uploads per token, whatever was asked.
    uploader.setOptions({
      token: (request, context) => token({ ...request, maxUploads: 2 }, context),
    });
    uploader.add(videoFiles(5));
    await vi.runAllTimersAsync();
    expect(statuses()).toEqual(Array(5).fill("succeeded"));
    expect(transport.calls).toHaveLength(5); // no attempt was refused
    const uses = new Map<string, number>();
    transport.uploads.forEach(({ uploadToken }) =>
      uses.set(uploadToken, (uses.get(uploadToken) ?? 0) + 1),
    );
    expect([...uses.values()].every((count) => count <= 2)).toBe(true);
    expect(uses.size).toBe(3);
  });

  it("reconciles a shared token without crediting another file's upload", async () => {
    const { uploader, transport, statuses } = setupUploader({
      tokenStrategy: "shared",
      concurrency: 2,
      mock: {
        // clip-0 is stored but its answer is lost; clip-1's attempt is in flight meanwhile.
        failures: (call) =>
          call.fileName === "clip-0.mov" && call.attempt === 1
            ? { kind: "network", at: "response", stored: true }
            : null,
        durationMs: 1000,
      },
    });
    uploader.add(videoFiles(3));
    await vi.runAllTimersAsync();
    expect(statuses()).toEqual(["succeeded", "succeeded", "succeeded"]);
    expect(transport.uploads).toHaveLength(3);
    const photoIds = uploader.getSnapshot().items.map((entry) => entry.result?.photoId);
    expect(new Set(photoIds).size).toBe(3);
  });
});

describe("createUploader: stall detection", () => {
  it("aborts a stalled send and retries it", async () => {
    const { uploader, transport, item } = setupUploader({
      stallTimeoutMs: 5000,
      mock: { failures: [{ kind: "stall" }] },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(500 + 4999);
    expect(item(id)?.status).toBe("uploading");
    await vi.advanceTimersByTimeAsync(1);
    expect(item(id)).toMatchObject({
      status: "retrying",
      error: {
        kind: "timeout",
        ambiguous: false,
        message: "The upload stalled: no progress for 5 s.",
      },
    });
    await vi.runAllTimersAsync();
    expect(item(id)?.status).toBe("succeeded");
    expect(transport.uploads).toHaveLength(1);
  });

  it("does not call a slow answer after 100 % a stall", async () => {
    const { uploader, item } = setupUploader({
      stallTimeoutMs: 5000,
      responseTimeoutMs: 60_000,
      mock: { responseDelayMs: 30_000 },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(1000 + 20_000);
    expect(item(id)?.status).toBe("processing");
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({ status: "succeeded", attempt: 1 });
  });

  it("does not time out a transport that cannot count bytes (the iframe)", async () => {
    const { uploader, item } = setupUploader({ stallTimeoutMs: 5000 });
    uploader.setOptions({
      transport: (request) =>
        new Promise((resolve, reject) => {
          request.onProgress({ loaded: 0, total: null });
          const timer = setTimeout(() => {
            request.onBodySent();
            resolve({ photoId: "9", treeId: null, token: null, domain: null, params: {} });
          }, 10 * 60_000);
          request.signal.addEventListener("abort", () => {
            clearTimeout(timer);
            reject(new UploadError("aborted", "Aborted.", { ambiguous: true }));
          });
        }),
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(item(id)).toMatchObject({ status: "uploading", progress: { fraction: null } });
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({ status: "succeeded", attempt: 1 });
  });

  it("gives up on an answer after responseTimeoutMs, then reconciles before retrying", async () => {
    const { uploader, transport, item } = setupUploader({
      responseTimeoutMs: 60_000,
      mock: { failures: [{ kind: "stall", at: "response" }] },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(1000 + 60_000);
    expect(item(id)).toMatchObject({
      status: "retrying",
      error: { kind: "timeout", ambiguous: true },
    });
    await vi.runAllTimersAsync();
    expect(item(id)?.status).toBe("succeeded");
    expect(transport.uploads).toHaveLength(1);
    expect(Date.now() - start).toBeGreaterThan(61_000);
  });
});
