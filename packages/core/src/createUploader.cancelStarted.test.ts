// A cancel while an XHR-like request is under way, before the browser counted a byte: browsers
// report upload progress late, so TwentyThree may have stored a small file already. The item
// shows no "may be stored" warning (most of the time nothing arrived), but a retry looks the
// canceled attempt up before sending again, so the file is never stored twice.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setupUploader, videoFiles } from "../test/uploaderHarness.js";
import { UploadError } from "./errors.js";
import type { FindUploads, Transport, TransportRequest, UploadResult } from "./types.js";

beforeEach(() => vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") }));
afterEach(() => vi.useRealTimers());

/**
 * Starts like the XHR transport (progress 0 of the file's size, then the request goes out), has
 * the "server" store the file after `storeAfterMs` with no further progress event, and answers
 * after `answerMs`. What each token stored is kept, as TwentyThree would keep it.
 */
function lateProgressTransport(options: { storeAfterMs: number; answerMs: number }) {
  const calls: TransportRequest[] = [];
  const storedBy = new Map<string, UploadResult>();
  const transport: Transport = (request) =>
    new Promise((resolve, reject) => {
      calls.push(request);
      request.onProgress({ loaded: 0, total: request.file.size });
      const result: UploadResult = {
        photoId: String(42 + storedBy.size),
        treeId: null,
        token: null,
        domain: null,
        params: {},
      };
      const storing = setTimeout(
        () => storedBy.set(request.token.uploadToken, result),
        options.storeAfterMs,
      );
      const answer = setTimeout(() => resolve(result), options.answerMs);
      request.signal.addEventListener("abort", () => {
        clearTimeout(answer);
        // The server does not hear of the page's abort once it has the body.
        if (!storedBy.has(request.token.uploadToken)) clearTimeout(storing);
        reject(new UploadError("aborted", "Canceled."));
      });
    });
  const findUploads = vi.fn<FindUploads>(async ({ token }) => {
    const found = storedBy.get(token.uploadToken);
    return found ? [found] : [];
  });
  return { transport, findUploads, calls, storedBy };
}

describe("createUploader: a cancel while the request was under way", () => {
  it("shows no warning, and a retry finds the stored file instead of sending it again", async () => {
    const xhr = lateProgressTransport({ storeAfterMs: 10, answerMs: 60_000 });
    const { uploader, item } = setupUploader(xhr);
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(xhr.storedBy.size).toBe(1);
    expect(item(id)?.progress.loaded).toBe(0);

    uploader.cancel(id);
    await vi.advanceTimersByTimeAsync(0);
    expect(item(id)).toMatchObject({ status: "canceled", error: null });
    uploader.retry(id);
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({ status: "succeeded", result: { photoId: "42" } });
    expect(xhr.findUploads).toHaveBeenCalledOnce();
    expect(xhr.calls).toHaveLength(1);
    expect(xhr.storedBy.size).toBe(1);
  });

  it("sends again with a fresh token when the look-up finds nothing", async () => {
    const xhr = lateProgressTransport({ storeAfterMs: 5000, answerMs: 10_000 });
    const { uploader, item } = setupUploader(xhr);
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(1000);
    uploader.cancel(id);
    await vi.advanceTimersByTimeAsync(0);
    expect(xhr.storedBy.size).toBe(0);
    uploader.retry(id);
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({ status: "succeeded" });
    expect(xhr.findUploads).toHaveBeenCalledOnce();
    expect(xhr.calls).toHaveLength(2);
    expect(xhr.calls[1]?.token.uploadToken).not.toBe(xhr.calls[0]?.token.uploadToken);
    expect(xhr.storedBy.size).toBe(1);
  });
});

describe("createUploader: a cancel under way with a token shared by a batch", () => {
  it("never credits the canceled file with another file's upload", async () => {
    // Every file but A is stored as soon as it arrives; D's answer comes late. A is canceled
    // before anything of it is stored, then retried while the others still use the token.
    const answerMs: Record<string, number> = { A: 5000, B: 100, C: 300, D: 1000 };
    const storedBy = new Map<string, { name: string; result: UploadResult }[]>();
    let nextId = 100;
    const store = (token: string, name: string) => {
      const result: UploadResult = {
        photoId: String(nextId++),
        treeId: null,
        token: null,
        domain: null,
        params: {},
      };
      storedBy.set(token, [...(storedBy.get(token) ?? []), { name, result }]);
      return result;
    };
    const transport: Transport = (request) =>
      new Promise((resolve, reject) => {
        request.onProgress({ loaded: 0, total: request.file.size });
        const { fileName } = request;
        const token = request.token.uploadToken;
        const result = fileName === "A" ? null : store(token, fileName);
        const answer = setTimeout(
          () => resolve(result ?? store(token, fileName)),
          answerMs[fileName],
        );
        request.signal.addEventListener("abort", () => {
          clearTimeout(answer);
          reject(new UploadError("aborted", "Canceled."));
        });
      });
    const findUploads = vi.fn<FindUploads>(async ({ token }) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (storedBy.get(token.uploadToken) ?? []).map((entry) => entry.result);
    });
    const { uploader, item } = setupUploader({
      transport,
      findUploads,
      concurrency: 2,
      tokenStrategy: "shared",
    });
    const files = ["A", "B", "C", "D"].map(
      (name, i) => new File([new Uint8Array(100 + i)], name, { type: "video/mp4" }),
    );
    const ids = uploader.add(files);
    await vi.advanceTimersByTimeAsync(10);
    uploader.cancel(ids[0] ?? "");
    await vi.advanceTimersByTimeAsync(10);
    uploader.retry(ids[0] ?? "");
    await vi.runAllTimersAsync();

    const items = ids.map((id) => item(id));
    expect(items.map((entry) => entry?.status)).toEqual([
      "succeeded",
      "succeeded",
      "succeeded",
      "succeeded",
    ]);
    // Each item has the upload of its own file: A's is A's, and no id is credited twice.
    const stored = new Map(
      [...storedBy.values()].flat().map(({ name, result }) => [result.photoId, name]),
    );
    expect(items.map((entry) => stored.get(entry?.result?.photoId ?? ""))).toEqual([
      "A",
      "B",
      "C",
      "D",
    ]);
    expect([...storedBy.values()].flat().filter(({ name }) => name === "A")).toHaveLength(1);
  });
});
