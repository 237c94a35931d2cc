// The machine-readable results (bench/results/latest.json) and the helpers that fill them in.
import { ratio, summarize, type RatioSummary, type Summary } from "./stats.js";

/**
 * What became of one series:
 * - `ok`: measured;
 * - `pending`: the piece of ours it measures is not exported yet (the scenario is written
 *   against the expected API and runs once it lands);
 * - `failed`: it ran and broke (see `note`);
 * - `timeout`: it did not finish within the scenario's cap (see `note`);
 * - `n/a`: the metric does not apply (e.g. React commits of a widget React does not render).
 */
export type SeriesStatus = "ok" | "pending" | "failed" | "timeout" | "n/a";

/** One bar of a figure: a library or variant, with its samples (one per round). */
export interface Series {
  readonly key: string;
  readonly label: string;
  readonly samples: number[];
  /** Ratios of this series are taken against this key instead of the figure's reference. */
  readonly compareTo?: string;
  status: SeriesStatus;
  note?: string;
  /** Extra facts shown in the table's details column (e.g. CSS bytes). */
  detail?: string;
  summary?: Summary | null;
}

/** A series compared with the figure's reference series, both from the same rounds. */
export interface SeriesRatio {
  readonly series: string;
  readonly reference: string;
  readonly value: RatioSummary;
}

/** A target from the issue, checked against the measurement. */
export interface TargetCheck {
  readonly description: string;
  /** `null` when it could not be checked (a series is pending or failed). */
  readonly pass: boolean | null;
  readonly detail: string;
}

/** One table and one chart in docs/benchmarks.md. */
export interface Figure {
  readonly id: string;
  readonly title: string;
  /** What the numbers are, e.g. `"MB/s"`. */
  readonly unit: string;
  readonly better: "higher" | "lower";
  /** How the metric was taken: shown under the table. */
  readonly method: string;
  /** The series that ratios are taken against. */
  readonly reference: string;
  /** Which way the ratio reads, e.g. `"ours ÷ bare XHR (≥ 1 is as fast or faster)"`. */
  readonly ratioLabel: string;
  /** Whether ratios are `series ÷ reference` (default) or `reference ÷ series`. */
  readonly ratioDirection?: "series/reference" | "reference/series";
  readonly series: Series[];
  ratios?: SeriesRatio[];
  targets?: TargetCheck[];
  /** Digits after the point in tables. Default 1. */
  readonly digits?: number;
}

/** A suite's contribution to the results. */
export interface SuiteResult {
  readonly name: string;
  readonly title: string;
  readonly figures: Figure[];
  /** Problems that affected the whole suite (e.g. the emulator lacks an endpoint). */
  readonly notes: string[];
  durationMs: number;
  /** Parameters used (file sizes, counts, rounds), recorded for reproduction. */
  readonly parameters: Record<string, string | number | boolean>;
  /** When this suite ran (a partial run keeps other suites' earlier results). */
  ranAt?: string;
  /** Whether it ran in --quick mode. */
  quick?: boolean;
}

/** Creates an empty series. */
export function series(key: string, label: string, compareTo?: string): Series {
  return { key, label, samples: [], status: "ok", ...(compareTo ? { compareTo } : {}) };
}

/** Marks a series as not measured, keeping the first reason given. */
export function markSeries(
  target: Series,
  status: Exclude<SeriesStatus, "ok">,
  note: string,
): void {
  if (target.status === "ok" || target.status === "n/a") {
    target.status = status;
    target.note = note;
  }
}

/** Fills in summaries and ratios once all rounds have run. */
export function finishFigure(figure: Figure): Figure {
  for (const entry of figure.series) {
    entry.summary = entry.status === "ok" ? summarize(entry.samples) : null;
    if (entry.status === "ok" && !entry.summary) {
      entry.status = "failed";
      entry.note ??= "no successful sample";
    }
  }
  const ratios: SeriesRatio[] = [];
  for (const entry of figure.series) {
    const reference = figure.series.find(
      (candidate) => candidate.key === (entry.compareTo ?? figure.reference),
    );
    if (!reference || reference.status !== "ok" || entry === reference || entry.status !== "ok") {
      continue;
    }
    const value =
      figure.ratioDirection === "reference/series"
        ? ratio(reference.samples, entry.samples)
        : ratio(entry.samples, reference.samples);
    if (value) {
      ratios.push({ series: entry.key, reference: reference.key, value });
    }
  }
  figure.ratios = ratios;
  return figure;
}

/** The median of a series, or `null` when it was not measured. */
export function medianOf(figure: Figure, key: string): number | null {
  const entry = figure.series.find((candidate) => candidate.key === key);
  return entry?.status === "ok" ? (entry.summary?.median ?? null) : null;
}

/** The ratio of a series to the figure's reference, or `null`. */
export function ratioOf(figure: Figure, key: string): SeriesRatio | null {
  return figure.ratios?.find((candidate) => candidate.series === key) ?? null;
}

/** Everything one `pnpm bench` run produced. */
export interface BenchResults {
  readonly schema: 1;
  readonly meta: RunMeta;
  readonly suites: SuiteResult[];
}

/** When, where and how the run happened. */
export interface RunMeta {
  readonly date: string;
  readonly command: string;
  readonly quick: boolean;
  readonly rounds: number;
  readonly machine: MachineInfo;
  durationMs: number;
}

/** The machine the numbers come from. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  chromium: string;
  readonly loadAverageAtStart: readonly number[];
  loadAverageAtEnd?: readonly number[];
  readonly shared: boolean;
  readonly note: string;
}
