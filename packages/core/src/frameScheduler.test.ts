import { afterEach, describe, expect, it, vi } from "vitest";
import { createFrameScheduler } from "./frameScheduler.js";

describe("createFrameScheduler", () => {
  afterEach(() => vi.useRealTimers());

  it("runs the callback once per frame however often it is scheduled", () => {
    const frames: Array<() => void> = [];
    const callback = vi.fn();
    const scheduler = createFrameScheduler(callback, {
      requestFrame: (run) => frames.push(run),
      cancelFrame: () => {},
    });
    scheduler.schedule();
    scheduler.schedule();
    scheduler.schedule();
    expect(frames).toHaveLength(1);
    expect(callback).not.toHaveBeenCalled();
    frames[0]?.();
    expect(callback).toHaveBeenCalledTimes(1);
    scheduler.schedule();
    expect(frames).toHaveLength(2);
  });

  it("flush runs a pending callback now and cancels its frame; cancel drops it", () => {
    const cancelFrame = vi.fn();
    const callback = vi.fn();
    const scheduler = createFrameScheduler(callback, { requestFrame: () => 7, cancelFrame });
    scheduler.flush();
    expect(callback).not.toHaveBeenCalled();
    scheduler.schedule();
    scheduler.flush();
    expect(callback).toHaveBeenCalledTimes(1);
    expect(cancelFrame).toHaveBeenCalledWith(7);
    scheduler.schedule();
    scheduler.cancel();
    scheduler.flush();
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("falls back to a ~16 ms timer where there is no requestAnimationFrame (Node)", () => {
    vi.useFakeTimers();
    const callback = vi.fn();
    const scheduler = createFrameScheduler(callback);
    expect(vi.getTimerCount()).toBe(0);
    scheduler.schedule();
    scheduler.schedule();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(16);
    expect(callback).toHaveBeenCalledTimes(1);
    scheduler.schedule();
    scheduler.cancel();
    expect(vi.getTimerCount()).toBe(0);
  });
});
