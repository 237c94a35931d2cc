// The `onSubmitted` contract, with a transport shaped like the iframe's (no byte counts, nothing
// until the answer): before the submit an attempt has sent nothing; from the submit on it may
// have stored the file, so cancels, failures and timeouts are ambiguous and looked up first.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setupUploader, videoFiles } from "../test/uploaderHarness.js";
import { UploadError } from "./errors.js";
import type { FindUploads, Transport, TransportRequest, UploadResult } from "./types.js";

beforeEach(() => vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") }));
afterEach(() => vi.useRealTimers());

const stored = (photoId: string): UploadResult => ({
  photoId,
  treeId: photoId,
  token: null,
  domain: null,
  params: {},
});

/**
 * A form-POST-like transport: `prepareMs` of preparation (loading, building the form), then the
 * submit, then the answer after `answerMs`, or `fail` instead. What a submitted request stored
 * is recorded by its token, as TwentyThree would (the upload is stored even if the page goes).
 */
function formPostTransport(options: { prepareMs: number; answerMs: number; fail?: () => unknown }) {
  const calls: TransportRequest[] = [];
  const storedBy = new Map<string, UploadResult>();
  const transport: Transport = (request) =>
    new Promise((resolve, reject) => {
      calls.push(request);
      let timer = setTimeout(() => {
        request.onProgress({ loaded: 0, total: null });
        request.onSubmitted?.();
        const result = stored(String(42 + storedBy.size));
        storedBy.set(request.token.uploadToken, result);
        timer = setTimeout(() => {
          if (options.fail) {
            reject(options.fail());
            return;
          }
          request.onBodySent();
          resolve(result);
        }, options.answerMs);
      }, options.prepareMs);
      request.signal.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(new UploadError("aborted", "Canceled."));
      });
    });
  const findUploads = vi.fn<FindUploads>(async ({ token }) => {
    const found = storedBy.get(token.uploadToken);
    return found ? [found] : [];
  });
  return { transport, findUploads, calls, storedBy };
}

describe("createUploader: transports that can only say they submitted (onSubmitted)", () => {
  it("a cancel after the submit says the file may be stored; a retry finds it and sends nothing", async () => {
    const form = formPostTransport({ prepareMs: 10, answerMs: 60_000 });
    const { uploader, item } = setupUploader(form);
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(form.calls).toHaveLength(1);
    // No byte counts: the item stays uploading, not processing.
    expect(item(id)?.status).toBe("uploading");

    uploader.cancel(id);
    expect(item(id)).toMatchObject({
      status: "canceled",
      error: { kind: "aborted", ambiguous: true },
    });
    uploader.retry(id);
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({ status: "succeeded", result: { photoId: "42" } });
    expect(form.findUploads).toHaveBeenCalledOnce();
    expect(form.findUploads.mock.calls[0]?.[0].token.uploadToken).toBe(
      form.calls[0]?.token.uploadToken,
    );
    expect(form.calls).toHaveLength(1);
    expect(form.storedBy.size).toBe(1);
  });

  it("a cancel after the submit never hands the token out again, even when nothing was stored", async () => {
    const form = formPostTransport({ prepareMs: 10, answerMs: 60_000 });
    const { uploader, item, token } = setupUploader(form);
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(1000);
    uploader.cancel(id);
    form.storedBy.clear(); // TwentyThree had not stored it after all
    uploader.retry(id);
    await vi.runAllTimersAsync();

    expect(item(id)).toMatchObject({ status: "succeeded", result: { photoId: "42" } });
    expect(form.findUploads).toHaveBeenCalledOnce();
    expect(form.calls).toHaveLength(2);
    expect(token.tokens).toHaveLength(2);
    expect(form.calls[1]?.token.uploadToken).not.toBe(form.calls[0]?.token.uploadToken);
  });

  it("a cancel before the submit has sent nothing: no warning, and a retry sends without a look-up", async () => {
    const form = formPostTransport({ prepareMs: 5000, answerMs: 10 });
    const { uploader, item } = setupUploader(form);
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(form.calls).toHaveLength(1);

    uploader.cancel(id);
    expect(item(id)).toMatchObject({ status: "canceled", error: null });
    uploader.retry(id);
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({ status: "succeeded" });
    expect(form.findUploads).not.toHaveBeenCalled();
    expect(form.calls).toHaveLength(2);
  });

  it("a failure after the submit is ambiguous: the next attempt looks first and finds the file", async () => {
    const form = formPostTransport({
      prepareMs: 10,
      answerMs: 10,
      // A transport that breaks its contract (not an UploadError): a lost answer.
      fail: () => new TypeError("Failed to fetch"),
    });
    const { uploader, item } = setupUploader(form);
    const [id] = uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();

    expect(item(id)).toMatchObject({ status: "succeeded", result: { photoId: "42" } });
    expect(form.findUploads).toHaveBeenCalledOnce();
    expect(form.calls).toHaveLength(1);
  });

  it("starts no stall or response timer at the submit: a slow post is not failed", async () => {
    const form = formPostTransport({ prepareMs: 10, answerMs: 3_600_000 });
    const { uploader, item } = setupUploader({
      ...form,
      stallTimeoutMs: 1000,
      responseTimeoutMs: 2000,
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(3_599_000);
    expect(item(id)).toMatchObject({ status: "uploading", attempt: 1, error: null });
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({ status: "succeeded", attempt: 1 });
    expect(form.calls).toHaveLength(1);
  });
});
