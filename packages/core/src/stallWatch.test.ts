import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseUploadToken } from "./parseUploadToken.js";
import { sendAttempt } from "./sendAttempt.js";
import { createStallWatch } from "./stallWatch.js";
import type { Transport } from "./types.js";

describe("createStallWatch", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    const onStall = vi.fn();
    const watch = createStallWatch({ stallTimeoutMs: 1000, responseTimeoutMs: 5000, onStall });
    return { onStall, watch };
  };

  it("is not armed before the first progress event", () => {
    const { onStall } = setup();
    vi.advanceTimersByTime(60_000);
    expect(onStall).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("fires after stallTimeoutMs without new bytes, once bytes were moving", () => {
    const { onStall, watch } = setup();
    watch.progress(0);
    watch.progress(10);
    vi.advanceTimersByTime(999);
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledExactlyOnceWith("sending");
  });

  // Chromium reports no upload event at all for a small body answered with a redirect: silence
  // with nothing reported sent may be a slow answer to a body that was sent whole.
  it("applies only the response deadline until a byte is reported sent", () => {
    const { onStall, watch } = setup();
    watch.progress(0);
    vi.advanceTimersByTime(4999);
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledExactlyOnceWith("unknown");
  });

  it("is re-armed by more bytes, not by repeated events with the same count", () => {
    const { onStall, watch } = setup();
    watch.progress(0);
    vi.advanceTimersByTime(800);
    watch.progress(100);
    vi.advanceTimersByTime(800);
    watch.progress(100);
    vi.advanceTimersByTime(199);
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledWith("sending");
  });

  it("counts bytes moving below an earlier peak as progress (a re-sent chunk), not only new peaks", () => {
    const { onStall, watch } = setup();
    watch.progress(0);
    watch.progress(1000);
    // A chunk failed and is sent again: the total drops, then climbs slowly.
    watch.progress(600);
    for (let loaded = 700; loaded < 1000; loaded += 100) {
      vi.advanceTimersByTime(900);
      watch.progress(loaded);
    }
    vi.advanceTimersByTime(999);
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledExactlyOnceWith("sending");
  });

  it("switches to the longer response deadline once the body is sent", () => {
    const { onStall, watch } = setup();
    watch.progress(0);
    watch.bodySent();
    vi.advanceTimersByTime(4999);
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledExactlyOnceWith("response");
  });

  it("ignores progress after the body is sent, and stop() clears everything", () => {
    const { onStall, watch } = setup();
    watch.progress(0);
    watch.bodySent();
    watch.progress(500);
    watch.stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(onStall).not.toHaveBeenCalled();
  });
});

describe("sendAttempt on a link slower than 1 MB/s, after a chunk was re-sent", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("is not reported as stalled while the re-sent chunk's bytes are moving", async () => {
    const MB = 1_000_000;
    const size = 40 * MB;
    // 16 MB sent, then that chunk failed and is sent again at 0.5 MB/s: 32 s to get back to 16 MB.
    const transport: Transport = async (request) => {
      const tick = () =>
        new Promise((resolve, reject) => {
          setTimeout(resolve, 1000);
          request.signal.addEventListener("abort", () => reject(request.signal.reason));
        });
      request.onProgress({ loaded: 0, total: size });
      request.onProgress({ loaded: 16 * MB, total: size });
      await tick();
      for (let loaded = 0; loaded <= size; loaded += MB / 2) {
        request.onProgress({ loaded, total: size });
        await tick();
      }
      request.onBodySent();
      return { photoId: "1", treeId: null, token: null, domain: null, params: {} };
    };
    const token = await parseUploadToken({ upload_token: "t", valid_until: "4102444800" });
    const outcome = sendAttempt({
      transport,
      request: {
        file: new Blob([new Uint8Array(16)]),
        fileName: "big.mp4",
        token,
        site: "videos.example.com",
        apiVersion: "legacy",
        fields: {},
      },
      signal: new AbortController().signal,
      stallTimeoutMs: 30_000,
      responseTimeoutMs: 300_000,
      onProgress: () => undefined,
      onBodySent: () => undefined,
      onSubmitted: () => undefined,
    });
    await vi.advanceTimersByTimeAsync(100_000);
    expect(await outcome).toMatchObject({ ok: true, result: { photoId: "1" } });
  });
});
