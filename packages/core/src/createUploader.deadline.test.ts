import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setupUploader, videoFiles } from "../test/uploaderHarness.js";
import type { FindUploads } from "./types.js";

beforeEach(() => vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Never settles, like a proxy that accepts the connection and never answers; honours `signal`. */
function hangUntilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener("abort", () => reject(signal.reason as Error), { once: true });
  });
}

describe("createUploader: requests that never answer", () => {
  it("gives up on a token endpoint after requestTimeoutMs, retries, then fails saying so", async () => {
    const fetchStub = vi.fn((_url: unknown, init?: RequestInit) =>
      hangUntilAborted(init?.signal ?? undefined),
    );
    vi.stubGlobal("fetch", fetchStub);
    const { uploader, transport, item, onError } = setupUploader({
      token: "https://app.example/upload-token",
      requestTimeoutMs: 5000,
      retry: { retries: 1, jitter: false },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(4999);
    expect(item(id)?.status).toBe("uploading");
    await vi.advanceTimersByTimeAsync(1);
    expect(item(id)).toMatchObject({
      status: "retrying",
      error: {
        kind: "network",
        message: "Could not get an upload token. The token endpoint did not answer within 5 s.",
        cause: { name: "TokenRequestError", code: "token_endpoint_unreachable", status: null },
      },
    });
    await vi.advanceTimersByTimeAsync(1000 + 5000);
    expect(item(id)).toMatchObject({
      status: "failed",
      attempt: 2,
      error: { message: expect.stringContaining("did not answer within 5 s") as unknown },
    });
    expect(fetchStub).toHaveBeenCalledTimes(2);
    expect(transport.calls).toHaveLength(0);
    expect(onError).toHaveBeenCalledOnce();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("gives up on a token function that ignores its signal, and on a shared token fetch", async () => {
    const { uploader, item } = setupUploader({
      token: () => new Promise(() => {}),
      tokenStrategy: "shared",
      requestTimeoutMs: 2000,
      retry: false,
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(2000);
    expect(item(id)).toMatchObject({
      status: "failed",
      error: {
        message: "Could not get an upload token. The token function did not answer within 2 s.",
        cause: { code: "token_source_failed", status: null },
      },
    });
  });

  it("leaves no timer behind when destroyed while a token function ignores its signal", async () => {
    const tokenCalls: AbortSignal[] = [];
    const { uploader, item } = setupUploader({
      token: (_request, { signal }) => {
        tokenCalls.push(signal);
        return new Promise(() => {});
      },
      requestTimeoutMs: 30_000,
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(10);
    expect(item(id)?.status).toBe("uploading");
    expect(tokenCalls).toHaveLength(1);
    uploader.destroy();
    await vi.advanceTimersByTimeAsync(0);
    expect(tokenCalls[0]?.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("counts a reconciliation lookup that never answers as unknown: failed, not sent again", async () => {
    const findUploads = vi.fn<FindUploads>(({ signal }) => hangUntilAborted(signal));
    const { uploader, transport, item } = setupUploader({
      mock: { failures: [{ kind: "network", stored: true }] },
      findUploads,
      requestTimeoutMs: 3000,
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(1000); // the lost answer
    const retryAt = item(id)?.retryAt ?? 0;
    expect(item(id)?.status).toBe("retrying");
    await vi.advanceTimersByTimeAsync(retryAt - Date.now());
    expect(findUploads).toHaveBeenCalledOnce(); // the look-up before sending again, which hangs
    await vi.advanceTimersByTimeAsync(2999);
    expect(item(id)?.status).toBe("uploading");
    await vi.advanceTimersByTimeAsync(1);
    expect(item(id)).toMatchObject({
      status: "failed",
      error: { kind: "network", ambiguous: true },
    });
    expect(findUploads).toHaveBeenCalledOnce();
    expect(transport.calls).toHaveLength(1);
    expect(transport.uploads).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
