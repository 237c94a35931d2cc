import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createStallWatch } from "./stallWatch.js";

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
