import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setupUploader, videoFiles } from "../test/uploaderHarness.js";
import { listPhotos, type ListedPhoto } from "./listPhotos.js";

vi.mock("./listPhotos.js", () => ({ listPhotos: vi.fn() }));
const status = vi.mocked(listPhotos);

/** photo/list's answer for video 1, encoded or not. */
const listed = (encoded: boolean): ListedPhoto[] => [
  { fields: { photo_id: "1", video_encoded_p: encoded ? "1" : "0" }, domain: null },
];

// The wait's code is downloaded on first use (a dynamic import). Loading the module takes real
// I/O here, which fake timers do not wait for: load it once before the clock is faked.
beforeAll(async () => {
  await import("./waitForEncoding.js");
});

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") });
  status.mockReset();
});
afterEach(() => vi.useRealTimers());

describe("createUploader: waiting for encoding", () => {
  it("is off by default", async () => {
    const { uploader, statuses } = setupUploader();
    uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(statuses()).toEqual(["succeeded"]);
    expect(status).not.toHaveBeenCalled();
  });

  it("stays processing until photo/list says encoded, then succeeds (without holding a slot)", async () => {
    status
      .mockResolvedValueOnce(listed(false))
      .mockRejectedValueOnce(new Error("flaky"))
      .mockResolvedValueOnce(listed(true));
    const { uploader, item, onSuccess, statuses } = setupUploader({
      concurrency: 1,
      waitForEncoding: { intervalMs: 5000 },
    });
    const [id] = uploader.add(videoFiles(2));
    await vi.advanceTimersByTimeAsync(1001);
    expect(item(id)).toMatchObject({ status: "processing", result: { photoId: "1" } });
    expect(status).toHaveBeenCalledWith(
      "videos.example.com",
      "legacy",
      { photo_id: "1", token: "video-secret-1" },
      expect.any(AbortSignal),
      undefined,
      // jsonpFallback, on by default
      true,
    );
    expect(onSuccess).not.toHaveBeenCalled();
    // The second file is uploading meanwhile.
    expect(statuses()[1]).toBe("uploading");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(item(id)?.status).toBe("succeeded");
    expect(status).toHaveBeenCalledTimes(3 + 1); // three for the first file, one for the second so far
    expect(onSuccess.mock.calls.map(([settled]) => settled.id)).toContain(id);
  });

  it("gives up waiting after timeoutMs, still a success (the file is stored)", async () => {
    status.mockResolvedValue(listed(false));
    const { uploader, item, onSuccess } = setupUploader({
      waitForEncoding: { intervalMs: 1000, timeoutMs: 10_000 },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(1001 + 9999);
    expect(item(id)?.status).toBe("processing");
    await vi.runAllTimersAsync();
    expect(item(id)?.status).toBe("succeeded");
    expect(onSuccess).toHaveBeenCalledOnce();
  });

  it("gives up on a status check that never answers after requestTimeoutMs, and checks again", async () => {
    // Never settles (a proxy that keeps the connection open), but honours its signal.
    status.mockImplementation(
      (_site, _version, _query, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener("abort", () => reject(new Error("aborted")), { once: true });
        }),
    );
    const { uploader, item } = setupUploader({
      requestTimeoutMs: 3000,
      waitForEncoding: { intervalMs: 1000, timeoutMs: 10_000 },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(1001 + 2999);
    expect(status).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(1 + 1000);
    expect(status).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(item(id)?.status).toBe("succeeded");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("canceling while it waits keeps the success", async () => {
    status.mockResolvedValue(listed(false));
    const { uploader, item, onSuccess } = setupUploader({ waitForEncoding: true });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(1001);
    uploader.cancel();
    expect(item(id)?.status).toBe("succeeded");
    expect(onSuccess).toHaveBeenCalledOnce();
    uploader.destroy();
    expect(vi.getTimerCount()).toBe(0);
  });
});
