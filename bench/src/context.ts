// What every suite gets: options, the browser, the emulator and the built pages.
import type { Browser } from "playwright-core";
import type { PageBuild } from "./buildPages.js";
import type { SuiteResult } from "./results.js";

/** Shared state of one `pnpm bench` run. */
export interface BenchContext {
  /** Smoke mode: small files, few rounds. */
  readonly quick: boolean;
  /** Rounds per A/B comparison. */
  readonly rounds: number;
  readonly browser: Browser;
  /** The in-process emulator's base URL. */
  readonly emulatorUrl: string;
  /** Build outcome of each page. */
  readonly builds: ReadonlyMap<string, PageBuild>;
  /** URL of a built page with `?emulator=` and extra query parameters. */
  pageUrl(name: string, query?: Record<string, string>): string;
  /** Progress output on stderr (stdout stays quiet). */
  log(message: string): void;
}

/** A suite: which pages it needs and how it runs. */
export interface Suite {
  readonly name: string;
  readonly title: string;
  /** Pages under bench/pages/ to build before it runs. Empty for suites without a browser. */
  readonly pages: readonly string[];
  run(context: BenchContext): Promise<SuiteResult>;
}

/** Alternation: round 0 runs `items` in order, round 1 reversed, and so on (ABBA…). */
export function alternate<T>(items: readonly T[], round: number): T[] {
  return round % 2 === 0 ? [...items] : [...items].reverse();
}

/** `bytes` as `"256 MiB"` or `"10 KiB"`. */
export function formatSize(bytes: number): string {
  if (bytes >= 2 ** 20 && bytes % 2 ** 20 === 0) {
    return `${bytes / 2 ** 20} MiB`;
  }
  if (bytes >= 1024 && bytes % 1024 === 0) {
    return `${bytes / 1024} KiB`;
  }
  return `${bytes} B`;
}

/** Races a promise against a cap, rejecting with a `TimeoutError` named after `what`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new TimeoutError(`${what} took longer than ${ms / 1000} s`)),
          ms,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A scenario exceeded its cap. */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
}
