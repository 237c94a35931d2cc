import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createMockTokenSource } from "./createMockTokenSource.js";
import { createMockTransport, type MockTransportOptions } from "./createMockTransport.js";
import type { TransportProgress, UploadToken } from "./types.js";

async function send(
  options: MockTransportOptions,
  {
    token,
    file = new File([new Uint8Array(1000)], "clip.mov"),
    controller = new AbortController(),
  }: {
    token?: UploadToken;
    file?: Blob;
    controller?: AbortController;
  } = {},
) {
  const transport = createMockTransport(options);
  const progress: TransportProgress[] = [];
  const bodySent = vi.fn();
  const useToken = token ?? (await createMockTokenSource()({}, { signal: controller.signal }));
  const promise = transport({
    file,
    fileName: "clip.mov",
    token: useToken,
    site: "example.com",
    apiVersion: "legacy",
    fields: {},
    signal: controller.signal,
    onProgress: (event) => progress.push(event),
    onBodySent: bodySent,
  });
  promise.catch(() => {});
  return { transport, progress, bodySent, promise, token: useToken, file, controller };
}

describe("createMockTransport", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("reports progress in steps, then the body, then a result, and records the upload", async () => {
    const { transport, progress, bodySent, promise, token } = await send({
      durationMs: 400,
      progressSteps: 4,
    });
    expect(progress).toEqual([{ loaded: 0, total: 1000 }]);
    await vi.advanceTimersByTimeAsync(200);
    expect(progress.map((event) => event.loaded)).toEqual([0, 250, 500]);
    await vi.advanceTimersByTimeAsync(200);
    expect(bodySent).toHaveBeenCalledOnce();
    await vi.runAllTimersAsync();
    await expect(promise).resolves.toMatchObject({ photoId: "1", token: "video-secret-1" });
    expect(transport.uploads).toEqual([
      expect.objectContaining({ fileName: "clip.mov", size: 1000, uploadToken: token.uploadToken }),
    ]);
    await expect(
      transport.findUploads({
        token,
        site: "",
        apiVersion: "legacy",
        signal: new AbortController().signal,
      }),
    ).resolves.toHaveLength(1);
  });

  it("fails an attempt as scripted: HTTP status with Retry-After after the body, not stored", async () => {
    const { transport, promise, bodySent } = await send({
      failures: [{ kind: "http", status: 429, retryAfterMs: 3000 }],
    });
    await vi.runAllTimersAsync();
    await expect(promise).rejects.toMatchObject({
      kind: "http",
      status: 429,
      retryAfterMs: 3000,
      ambiguous: false,
    });
    expect(bodySent).toHaveBeenCalled();
    expect(transport.uploads).toHaveLength(0);
  });

  it("can lose the answer after storing (ambiguous), or fail before sending anything", async () => {
    const stored = await send({ failures: [{ kind: "network", at: "response", stored: true }] });
    await vi.runAllTimersAsync();
    await expect(stored.promise).rejects.toMatchObject({ kind: "network", ambiguous: true });
    expect(stored.transport.uploads).toHaveLength(1);

    const early = await send({ failures: [{ kind: "network", at: "connect" }] });
    await vi.runAllTimersAsync();
    await expect(early.promise).rejects.toMatchObject({ kind: "network", ambiguous: false });
    expect(early.progress).toEqual([]);
  });

  it("stalls until aborted", async () => {
    const { promise, progress, controller } = await send({
      failures: [{ kind: "stall" }],
      progressSteps: 4,
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(progress.map((event) => event.loaded)).toEqual([0, 250, 500]);
    controller.abort();
    await expect(promise).rejects.toMatchObject({ kind: "aborted" });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("refuses a used-up token and an expired one, like TwentyThree", async () => {
    const first = await send({});
    await vi.runAllTimersAsync();
    await first.promise;
    const again = first.transport({
      file: first.file,
      fileName: "clip.mov",
      token: first.token,
      site: "example.com",
      apiVersion: "legacy",
      fields: {},
      signal: new AbortController().signal,
      onProgress: () => {},
      onBodySent: () => {},
    });
    again.catch(() => {});
    await vi.runAllTimersAsync();
    await expect(again).rejects.toMatchObject({ kind: "token-invalid" });
    expect(first.transport.calls.map((call) => call.attempt)).toEqual([1, 2]);

    const expired = await send(
      {},
      { token: { ...first.token, uploadToken: "old", validUntil: new Date(0) } },
    );
    await vi.runAllTimersAsync();
    await expect(expired.promise).rejects.toMatchObject({ kind: "token-expired" });
  });
});
