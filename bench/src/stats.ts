/** Robust summary statistics for a handful of samples (rounds), plus paired ratios. */

/** Median, quartiles and range of some samples. */
export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** First quartile (linear interpolation between order statistics). */
  readonly q1: number;
  /** Third quartile. */
  readonly q3: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? Number.NaN;
  const high = sorted[upper] ?? Number.NaN;
  return low + (high - low) * (position - lower);
}

/** Summarises finite samples; `null` when there are none. */
export function summarize(samples: readonly number[]): Summary | null {
  const sorted = samples.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return null;
  }
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}

/** A ratio of two series measured in the same rounds. */
export interface RatioSummary {
  /** `median(a) / median(b)`: the headline figure. */
  readonly ofMedians: number;
  /** The per-round ratios `a[i] / b[i]` (rounds ran back to back, so they pair up). */
  readonly paired: Summary | null;
}

/**
 * Ratio of series `a` to series `b`. Rounds alternate A and B, so round i of each was measured
 * under nearly the same machine load: the spread of the per-round ratios is the honest spread.
 */
export function ratio(a: readonly number[], b: readonly number[]): RatioSummary | null {
  const sa = summarize(a);
  const sb = summarize(b);
  if (!sa || !sb || sb.median === 0) {
    return null;
  }
  const perRound: number[] = [];
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const x = a[index];
    const y = b[index];
    if (x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y) && y !== 0) {
      perRound.push(x / y);
    }
  }
  return { ofMedians: sa.median / sb.median, paired: summarize(perRound) };
}
