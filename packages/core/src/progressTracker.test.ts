import { describe, expect, it } from "vitest";
import { createProgressTracker } from "./progressTracker.js";

describe("createProgressTracker", () => {
  it("scales request bytes to the file's size and has no speed before a measurement", () => {
    const tracker = createProgressTracker(1000);
    expect(tracker.update(0, 1100, 0)).toEqual({
      loaded: 0,
      total: 1000,
      fraction: 0,
      bytesPerSecond: null,
      secondsRemaining: null,
    });
    expect(tracker.update(550, 1100, 100).loaded).toBe(500);
  });

  it("measures a steady speed and the time remaining", () => {
    const tracker = createProgressTracker(10_000);
    let state = tracker.update(0, 10_000, 0);
    for (let t = 1; t <= 5; t += 1) {
      state = tracker.update(t * 1000, 10_000, t * 1000); // 1000 bytes per second
    }
    expect(state.bytesPerSecond).toBeCloseTo(1000, 6);
    expect(state.secondsRemaining).toBeCloseTo(5, 6);
    expect(state.fraction).toBe(0.5);
  });

  it("smooths a sudden burst instead of jumping to it", () => {
    const tracker = createProgressTracker(1_000_000);
    tracker.update(0, 1_000_000, 0);
    tracker.update(1000, 1_000_000, 1000); // 1000 B/s
    const after = tracker.update(101_000, 1_000_000, 1500); // a burst of 200 000 B/s for 0.5 s
    expect(after.bytesPerSecond).toBeGreaterThan(1000);
    expect(after.bytesPerSecond).toBeLessThan(200_000 / 2);
  });

  it("merges samples closer than minSampleMs (loopback fires events in bursts)", () => {
    const tracker = createProgressTracker(1000, { minSampleMs: 200 });
    tracker.update(0, 1000, 0);
    expect(tracker.update(900, 1000, 1).bytesPerSecond).toBeNull();
    expect(tracker.update(1000, 1000, 250).bytesPerSecond).toBe(4000);
  });

  it("reports an indeterminate fraction when the total is unknown", () => {
    const tracker = createProgressTracker(1000);
    expect(tracker.update(0, null, 0)).toMatchObject({ fraction: null, secondsRemaining: null });
  });
});
