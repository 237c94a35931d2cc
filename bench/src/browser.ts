// Chromium through playwright-core with the repository's launch options, plus the page protocol
// the bench pages implement (bench/pages/shared/protocol.ts).
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from "playwright-core";
import { chromiumLaunchOptions } from "../../scripts/chromium.js";

/** Launches headless Chromium; background throttling is off so timers in pages are honest. */
export async function launchBrowser(): Promise<Browser> {
  const options = chromiumLaunchOptions();
  return chromium.launch({
    ...options,
    args: [
      ...options.args,
      "--disable-background-timer-throttling",
      "--disable-renderer-backgrounding",
      "--disable-backgrounding-occluded-windows",
    ],
  });
}

/** A fresh context and page with a CDP session, loaded with a bench page and ready. */
export interface BenchTab {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly cdp: CDPSession;
  /** Set when the page says the scenario cannot run yet (a piece of ours is missing). */
  readonly pending: string | null;
  close(): Promise<void>;
}

/** Opens `url` in a new context and waits until the page has exposed its bench API. */
export async function openBenchPage(
  browser: Browser,
  url: string,
  options: { timeoutMs?: number } = {},
): Promise<BenchTab> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const cdp = await context.newCDPSession(page);
  await page.goto(url, { waitUntil: "load" });
  try {
    await page.waitForFunction(() => window.__bench !== undefined, null, {
      timeout: options.timeoutMs ?? 15_000,
    });
  } catch (error) {
    await context.close();
    const detail = errors.length > 0 ? `: ${errors.join("; ")}` : "";
    throw new Error(`The bench page ${url} did not start${detail}`, { cause: error });
  }
  const pending = await page.evaluate(() => window.__bench?.pending ?? null);
  return { context, page, cdp, pending, close: () => context.close() };
}

/** Calls a function the page exposed on `window.__bench`, with a JSON argument. */
export async function callPage<T>(page: Page, name: string, argument: unknown = null): Promise<T> {
  return page.evaluate(
    async ({ name: fn, argument: arg }) => {
      const api = window.__bench;
      const target = api?.calls[fn];
      if (!target) {
        throw new Error(`The bench page has no function ${fn}`);
      }
      return target(arg as never);
    },
    { name, argument },
  ) as Promise<T>;
}

/** Collects garbage and returns the JS heap in use, in bytes. */
export async function heapUsedAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const usage = await cdp.send("Runtime.getHeapUsage");
  return usage.usedSize;
}

/** Main-thread task time (s) and a timestamp (s) from CDP `Performance.getMetrics`. */
export async function taskMetrics(
  cdp: CDPSession,
): Promise<{ taskDuration: number; timestamp: number }> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return { taskDuration: value("TaskDuration"), timestamp: value("Timestamp") };
}
