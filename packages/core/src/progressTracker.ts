// Speed and time remaining for one attempt. Raw progress events are bursty (browsers fire them
// every ~50 ms, or once on loopback), so the speed is an exponential moving average over time:
// each new sample weighs `1 - e^(-dt/τ)`, which makes the smoothing independent of how often
// events arrive.
import type { ProgressState } from "./types.js";

/** Options of {@link createProgressTracker}. */
export interface ProgressTrackerOptions {
  /** Time constant τ of the moving average, in ms. Default: `2000`. */
  readonly smoothingMs?: number;
  /** Samples closer together than this are merged with the next one. Default: `200` ms. */
  readonly minSampleMs?: number;
}

/** Turns raw byte counts into a {@link ProgressState} scaled to the file's size. */
export interface ProgressTracker {
  /**
   * @param loaded bytes of the request sent so far.
   * @param total bytes of the whole request, or `null` when the transport cannot tell.
   * @param now a timestamp in ms (e.g. `Date.now()`).
   */
  update(loaded: number, total: number | null, now: number): ProgressState;
}

/**
 * Creates a tracker for one attempt at a file of `size` bytes. Request sizes include multipart
 * framing, so progress is reported as a fraction of the request scaled to the file's size: a
 * 10 MB file reads "5 MB of 10 MB" halfway, as people expect.
 */
export function createProgressTracker(
  size: number,
  options: ProgressTrackerOptions = {},
): ProgressTracker {
  const smoothingMs = options.smoothingMs ?? 2000;
  const minSampleMs = options.minSampleMs ?? 200;
  let sampleLoaded: number | null = null;
  let sampleTime = 0;
  let speed: number | null = null;

  return {
    update(loaded, total, now) {
      const fraction =
        total !== null && total > 0 ? Math.min(1, Math.max(0, loaded / total)) : null;
      const scaledLoaded = fraction === null ? Math.min(size, loaded) : Math.round(fraction * size);
      if (sampleLoaded === null) {
        sampleLoaded = loaded;
        sampleTime = now;
      } else if (now - sampleTime >= minSampleMs) {
        const elapsed = now - sampleTime;
        const rate = (Math.max(0, loaded - sampleLoaded) / elapsed) * 1000;
        const weight = 1 - Math.exp(-elapsed / smoothingMs);
        speed = speed === null ? rate : speed + weight * (rate - speed);
        sampleLoaded = loaded;
        sampleTime = now;
      }
      let secondsRemaining: number | null = null;
      if (speed !== null && speed > 0 && total !== null) {
        secondsRemaining = Math.max(0, total - loaded) / speed;
      } else if (fraction === 1) {
        secondsRemaining = 0;
      }
      return {
        loaded: scaledLoaded,
        total: size,
        fraction,
        bytesPerSecond: speed,
        secondsRemaining,
      };
    },
  };
}
