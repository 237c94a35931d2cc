// Suite 3: large queues. Add N small files to each library's queue widget, time until the list
// is rendered and the main thread is free, weigh the JS heap per file, then measure React
// commits and main-thread busy time during 6 concurrent throttled uploads.
import type { CDPSession } from "playwright-core";
import {
  callPage,
  heapUsedAfterGc,
  openBenchPage,
  taskMetrics,
  type BenchTab,
} from "../browser.js";
import { alternate, withTimeout, type BenchContext, type Suite } from "../context.js";
import { startProbe, type Probe } from "../probeProxy.js";
import {
  finishFigure,
  markSeries,
  series,
  type Figure,
  type Series,
  type SeriesStatus,
  type SuiteResult,
  type TargetCheck,
} from "../results.js";

interface Library {
  readonly key: string;
  readonly label: string;
  readonly page: string;
}

const libraries: readonly Library[] = [
  { key: "ours", label: "ours: UploadQueue", page: "queue-ours" },
  { key: "uppy-dashboard", label: "Uppy Dashboard", page: "queue-uppy-dashboard" },
  { key: "uppy-headless", label: "Uppy headless (useUppyState)", page: "queue-uppy-headless" },
  { key: "uploady", label: "react-uploady (hooks)", page: "queue-uploady" },
  { key: "filepond", label: "react-filepond", page: "queue-filepond" },
];

const MiB = 2 ** 20;

/**
 * How long past the cap the harness waits for a page's answer: a widget that blocks the main
 * thread cannot even report that it missed the cap.
 */
const GRACE_MS = 5_000;

/** A library slower than this at a size gets no further rounds there. */
const SLOW_MS = 20_000;

/**
 * Sizes and caps. The 10,000-file rounds and the upload windows are the slow part: they get
 * fewer rounds so that the whole bench stays within 10 minutes on 2 cores.
 */
function parameters(context: BenchContext) {
  const rounds = context.rounds;
  return context.quick
    ? {
        sizes: [200, 2_000],
        roundsBySize: [rounds, rounds],
        smallBytes: 1024,
        uploadCount: 200,
        uploadBytes: 4 * MiB,
        uploadRounds: Math.min(rounds, 2),
        throughput: 1_500_000,
        windowMs: 2_000,
        caps: [10_000, 15_000],
      }
    : {
        sizes: [1_000, 10_000],
        roundsBySize: [rounds, Math.min(rounds, 3)],
        smallBytes: 1024,
        uploadCount: 1_000,
        uploadBytes: 4 * MiB,
        uploadRounds: Math.min(rounds, 2),
        throughput: 1_500_000,
        windowMs: 4_000,
        caps: [20_000, 45_000],
      };
}

type AddResult = { timedOut: boolean; renderedMs: number | null; interactiveMs: number | null };
type Counters = { commits: number; frames: number; now: number };

/** Per library and size: the series each measurement feeds. */
interface SizeSeries {
  readonly rendered: Series;
  readonly interactive: Series;
  readonly heap: Series;
}

/** A series' status, read afresh (a call may have changed it). */
function statusOf(entry: Series): SeriesStatus {
  return entry.status;
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.message.split("\n")[0] ?? error.name) : String(error);
}

/** Why a library's page cannot run: ours still being written is pending, a broken peer failed. */
function buildProblem(
  context: BenchContext,
  library: Library,
): { status: "pending" | "failed"; note: string } | null {
  const error = context.builds.get(library.page)?.error;
  if (!error) {
    return null;
  }
  return {
    status: library.key === "ours" ? "pending" : "failed",
    note: `the page did not build: ${error}`,
  };
}

function open(context: BenchContext, library: Library, site: string): Promise<BenchTab> {
  return openBenchPage(context.browser, context.pageUrl(library.page, { emulator: site }));
}

/** One add-and-render measurement. */
async function measureAdd(
  context: BenchContext,
  library: Library,
  count: number,
  capMs: number,
  bytes: number,
  into: SizeSeries,
): Promise<void> {
  const problem = buildProblem(context, library);
  if (problem) {
    for (const target of Object.values(into)) {
      markSeries(target, problem.status, problem.note);
    }
    return;
  }
  const tab = await open(context, library, context.emulatorUrl);
  try {
    if (tab.pending) {
      for (const target of Object.values(into)) {
        markSeries(target, "pending", tab.pending);
      }
      return;
    }
    await callPage(tab.page, "prepare", { count, size: bytes, uploads: false });
    // Work a widget defers while the page is idle (ours: compiling the upload path once) belongs
    // to its setup, not to the files: let it run before the baseline is taken.
    await tab.page.evaluate(
      () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3_000 })),
    );
    const before = await heapUsedAfterGc(tab.cdp);
    const result = await withTimeout(
      callPage<AddResult>(tab.page, "add", { capMs }),
      capMs + GRACE_MS,
      `${library.label} with ${count} files`,
    );
    if (result.timedOut || result.renderedMs === null || result.interactiveMs === null) {
      const note = `not ${result.renderedMs === null ? "rendered" : "interactive"} after ${capMs / 1000} s`;
      if (result.renderedMs === null) {
        markSeries(into.rendered, "timeout", note);
      } else {
        into.rendered.samples.push(result.renderedMs);
      }
      markSeries(into.interactive, "timeout", note);
      markSeries(into.heap, "timeout", note);
      return;
    }
    into.rendered.samples.push(result.renderedMs);
    into.interactive.samples.push(result.interactiveMs);
    const after = await heapUsedAfterGc(tab.cdp);
    into.heap.samples.push((after - before) / count);
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    const note = timedOut
      ? `not rendered within the ${capMs / 1000} s cap (its page was still blocked ${(capMs + GRACE_MS) / 1000} s after the add)`
      : errorText(error);
    for (const target of Object.values(into)) {
      markSeries(target, timedOut ? "timeout" : "failed", note);
    }
    context.log(`  ${library.label}, ${count} files: ${errorText(error)}`);
  } finally {
    await tab.close();
  }
}

async function waitFor(predicate: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (predicate()) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return predicate();
}

async function throttle(cdp: CDPSession, bytesPerSecond: number): Promise<void> {
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
}

/** One measurement during 6 concurrent throttled uploads. */
async function measureUploads(
  context: BenchContext,
  library: Library,
  probe: Probe,
  p: ReturnType<typeof parameters>,
  commits: Series,
  perFrame: Series,
  busy: Series,
  notes: Set<string>,
): Promise<void> {
  const problem = buildProblem(context, library);
  if (problem) {
    for (const target of [commits, perFrame, busy]) {
      markSeries(target, problem.status, problem.note);
    }
    return;
  }
  const tab = await open(context, library, probe.url);
  const redeem = (record: { method: string; path: string }) =>
    record.method === "POST" && record.path.includes("redeem-upload-token");
  try {
    if (tab.pending) {
      for (const target of [commits, perFrame, busy]) {
        markSeries(target, "pending", tab.pending);
      }
      return;
    }
    const { reactRendered } = await callPage<{ reactRendered: boolean }>(tab.page, "prepare", {
      count: p.uploadCount,
      size: p.uploadBytes,
      uploads: true,
    });
    const added = await withTimeout(
      callPage<AddResult>(tab.page, "add", { capMs: p.caps[1] ?? 30_000 }),
      (p.caps[1] ?? 30_000) + GRACE_MS,
      "adding files",
    );
    if (added.renderedMs === null) {
      const note = `${p.uploadCount} files not rendered within ${(p.caps[1] ?? 30_000) / 1000} s`;
      for (const target of [commits, perFrame, busy]) {
        markSeries(target, "timeout", note);
      }
      return;
    }
    await throttle(tab.cdp, p.throughput);
    await tab.cdp.send("Performance.enable");
    await callPage(tab.page, "startUploads");
    if (!(await waitFor(() => probe.inFlight(redeem) >= 6, 15_000))) {
      const note = `${probe.inFlight(redeem)} of 6 uploads in flight 15 s after starting them`;
      for (const target of [commits, perFrame, busy]) {
        markSeries(target, "timeout", note);
      }
      context.log(`  ${library.label}, uploads: ${note}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const c0 = await callPage<Counters>(tab.page, "counters");
    const m0 = await taskMetrics(tab.cdp);
    await new Promise((resolve) => setTimeout(resolve, p.windowMs));
    const c1 = await callPage<Counters>(tab.page, "counters");
    const m1 = await taskMetrics(tab.cdp);
    const inFlight = probe.inFlight(redeem);
    if (inFlight < 6) {
      notes.add(
        `${library.label}: ${inFlight} uploads were still in flight at the end of a window (expected 6).`,
      );
    }
    const seconds = (c1.now - c0.now) / 1000;
    const frames = c1.frames - c0.frames;
    if (reactRendered) {
      commits.samples.push((c1.commits - c0.commits) / seconds);
      perFrame.samples.push(frames > 0 ? (c1.commits - c0.commits) / frames : Number.NaN);
    } else {
      const note = "the list is not rendered by React";
      markSeries(commits, "n/a", note);
      markSeries(perFrame, "n/a", note);
    }
    busy.samples.push((100 * (m1.taskDuration - m0.taskDuration)) / (m1.timestamp - m0.timestamp));
  } catch (error) {
    const status = error instanceof Error && error.name === "TimeoutError" ? "timeout" : "failed";
    for (const target of [commits, perFrame, busy]) {
      markSeries(target, status, errorText(error));
    }
    context.log(`  ${library.label}, uploads: ${errorText(error)}`);
  } finally {
    await tab.close();
  }
}

function aheadOfPeers(figure: Figure, description: string): TargetCheck {
  const ours = figure.series.find((entry) => entry.key === "ours");
  const oursMedian = ours?.status === "ok" ? (ours.summary?.median ?? null) : null;
  if (oursMedian === null) {
    return {
      description,
      pass: null,
      detail: `not measured (${ours?.status ?? "missing"}: ${ours?.note ?? ""})`,
    };
  }
  const peers = figure.series.filter((entry) => entry.key !== "ours");
  const behind = peers.filter((entry) => {
    if (entry.status === "timeout" || entry.status === "failed") {
      return false; // a peer that never finished is behind us
    }
    const median = entry.summary?.median;
    return (
      entry.status === "ok" &&
      median !== undefined &&
      (figure.better === "lower" ? median <= oursMedian : median >= oursMedian)
    );
  });
  return {
    description,
    pass: behind.length === 0,
    detail:
      behind.length === 0
        ? `ours ${oursMedian.toFixed(figure.digits ?? 1)} ${figure.unit}; every measured peer behind`
        : `ours ${oursMedian.toFixed(figure.digits ?? 1)} ${figure.unit}; not ahead of ${behind.map((entry) => `${entry.label} (${entry.summary?.median.toFixed(figure.digits ?? 1)})`).join(", ")}`,
  };
}

export const queueSuite: Suite = {
  name: "queue",
  title: "Large queue",
  pages: libraries.map((library) => library.page),
  async run(context) {
    const started = performance.now();
    const p = parameters(context);
    const notes = new Set<string>();
    const bySize = p.sizes.map((count) => ({
      count,
      series: new Map(
        libraries.map((library) => [
          library.key,
          {
            rendered: series(library.key, library.label),
            interactive: series(library.key, library.label),
            heap: series(library.key, library.label),
          } satisfies SizeSeries,
        ]),
      ),
    }));
    // A library that misses the cap is not run again at that size, nor at larger ones; one
    // slower than SLOW_MS gets no further rounds (its spread is not what anyone needs).
    const tooSlow = new Map<string, { count: number; reason: string }>();
    const single = new Set<string>();
    for (const [index, size] of bySize.entries()) {
      const cap = p.caps[index] ?? 30_000;
      const rounds = p.roundsBySize[index] ?? context.rounds;
      for (const [key, { reason }] of tooSlow) {
        for (const target of Object.values(size.series.get(key) as SizeSeries)) {
          markSeries(target, "timeout", reason);
        }
      }
      single.clear();
      for (let round = 0; round < rounds; round += 1) {
        context.log(`queue: ${size.count} files, round ${round + 1}/${rounds}`);
        for (const library of alternate(libraries, round)) {
          const into = size.series.get(library.key) as SizeSeries;
          if (
            into.rendered.status !== "ok" ||
            into.interactive.status !== "ok" ||
            single.has(library.key)
          ) {
            continue; // pending, failed, too slow, or one slow sample is enough
          }
          await measureAdd(context, library, size.count, cap, p.smallBytes, into);
          // measureAdd updated the status (TypeScript still sees the narrowed "ok").
          if (statusOf(into.interactive) === "timeout" && !tooSlow.has(library.key)) {
            tooSlow.set(library.key, {
              count: size.count,
              reason: `not run: ${size.count.toLocaleString("en-US")} files already took longer than ${cap / 1000} s`,
            });
          } else if ((into.interactive.samples.at(-1) ?? 0) > SLOW_MS) {
            single.add(library.key);
            into.interactive.note = `rounds stopped after a sample over ${SLOW_MS / 1000} s`;
          }
        }
      }
    }

    const commits = new Map(
      libraries.map((library) => [library.key, series(library.key, library.label)]),
    );
    const perFrame = new Map(
      libraries.map((library) => [library.key, series(library.key, library.label)]),
    );
    const busy = new Map(
      libraries.map((library) => [library.key, series(library.key, library.label)]),
    );
    const probe = await startProbe(context.emulatorUrl);
    try {
      const rounds = p.uploadRounds;
      for (const [key, { count, reason }] of tooSlow) {
        if (count > p.uploadCount) {
          continue; // too slow only for a bigger queue than this phase uses
        }
        for (const map of [commits, perFrame, busy]) {
          markSeries(map.get(key) as Series, "timeout", reason);
        }
      }
      for (let round = 0; round < rounds; round += 1) {
        context.log(`queue: 6 throttled uploads, round ${round + 1}/${rounds}`);
        for (const library of alternate(libraries, round)) {
          const targets = [commits, perFrame, busy].map((map) => map.get(library.key) as Series);
          if (targets.every((target) => target.status !== "ok")) {
            continue;
          }
          await measureUploads(
            context,
            library,
            probe,
            p,
            targets[0] as Series,
            targets[1] as Series,
            targets[2] as Series,
            notes,
          );
        }
      }
    } finally {
      await probe.close();
    }

    const figures: Figure[] = [];
    const method = {
      add: `Each library's page (production build) gets N files of ${p.smallBytes} bytes made in the page, added in one call through its own API, as a drop would (ours: uploader.add, Uppy: addFiles, react-uploady: useUploady().upload, FilePond: addFiles), with uploads not started. Rendered = the first animation frame in which the widget's DOM shows all N files (a virtual list: its first rows and the count), stamped in a task right after that frame. Interactive = rendered, and then ${300} ms without a long task (> 50 ms, PerformanceObserver "longtask"); the figure is the end of the last long task, or rendered if later. A fresh browser context per sample; libraries in alternating order; a library that misses the cap is not run again at that size.`,
    };
    for (const [index, size] of bySize.entries()) {
      const pick = (field: keyof SizeSeries) =>
        libraries.map((library) => (size.series.get(library.key) as SizeSeries)[field]);
      const cap = p.caps[index] ?? 30_000;
      const rendered = finishFigure({
        id: `queue-rendered-${size.count}`,
        title: `${size.count.toLocaleString("en-US")} files: time until the list is rendered`,
        unit: "ms",
        better: "lower",
        digits: 0,
        method: `${method.add} Cap: ${cap / 1000} s.`,
        reference: "ours",
        ratioLabel: "peer ÷ ours (> 1: ours is faster)",
        series: pick("rendered"),
      });
      const interactive = finishFigure({
        id: `queue-interactive-${size.count}`,
        title: `${size.count.toLocaleString("en-US")} files: time until interactive`,
        unit: "ms",
        better: "lower",
        digits: 0,
        method: "As above; interactive = rendered and then 300 ms without a long task.",
        reference: "ours",
        ratioLabel: "peer ÷ ours (> 1: ours is faster)",
        series: pick("interactive"),
      });
      rendered.targets = [
        aheadOfPeers(
          rendered,
          `Rendered ${size.count.toLocaleString("en-US")} files ahead of every peer`,
        ),
      ];
      interactive.targets = [
        aheadOfPeers(
          interactive,
          `Interactive with ${size.count.toLocaleString("en-US")} files ahead of every peer`,
        ),
      ];
      if (index === bySize.length - 1) {
        const ours = rendered.series.find((entry) => entry.key === "ours");
        const median = ours?.status === "ok" ? (ours.summary?.median ?? null) : null;
        rendered.targets.push({
          description: `${size.count.toLocaleString("en-US")} files rendered in under 300 ms`,
          pass: median === null ? null : median < 300,
          detail:
            median === null
              ? `not measured (${ours?.status}: ${ours?.note ?? ""})`
              : `median ${median.toFixed(0)} ms`,
        });
      }
      const heap = finishFigure({
        id: `queue-heap-${size.count}`,
        title: `${size.count.toLocaleString("en-US")} files: JS heap per queued file`,
        unit: "bytes",
        better: "lower",
        digits: 0,
        method:
          "CDP `HeapProfiler.collectGarbage` (twice) then `Runtime.getHeapUsage().usedSize`, before adding (files already made) and after the list is interactive; the difference divided by N. JS heap only (DOM nodes live outside it).",
        reference: "ours",
        ratioLabel: "peer ÷ ours (> 1: ours uses less)",
        series: pick("heap"),
      });
      heap.targets = [
        aheadOfPeers(
          heap,
          `JS heap per file with ${size.count.toLocaleString("en-US")} files below every peer`,
        ),
      ];
      figures.push(rendered, interactive, heap);
    }
    const uploadMethod = `${p.uploadCount.toLocaleString("en-US")} files of ${p.uploadBytes / MiB} MiB queued and rendered, then uploads started with at most 6 at a time (ours: concurrency 6, Uppy XHRUpload limit 6, react-uploady maxConcurrent 6, FilePond maxParallelUploads 6), upload bandwidth capped by CDP Network.emulateNetworkConditions at ${(p.throughput / 1e6).toFixed(1)} MB/s for the page. Once a recording proxy in front of the emulator sees 6 redeem POSTs in flight, and 1 s later, a ${p.windowMs / 1000} s window is measured.`;
    const commitsFigure = finishFigure({
      id: "queue-commits",
      title: "React commits per second during 6 throttled uploads",
      unit: "commits/s",
      better: "lower",
      method: `${uploadMethod} Commits are counted through React's DevTools global hook (\`onCommitFiberRoot\`, called by production React on every commit); widgets that React does not render (Uppy Dashboard: Preact; FilePond: its own view engine) are n/a.`,
      reference: "ours",
      ratioLabel: "peer ÷ ours (> 1: ours commits less)",
      series: [...commits.values()],
    });
    commitsFigure.targets = [
      aheadOfPeers(commitsFigure, "Fewer React commits than every React-rendered peer"),
    ];
    const perFrameFigure = finishFigure({
      id: "queue-commits-per-frame",
      title: "React commits per animation frame during 6 throttled uploads",
      unit: "commits/frame",
      better: "lower",
      digits: 2,
      method:
        "As above; frames counted with a requestAnimationFrame loop in the page over the same window.",
      reference: "ours",
      ratioLabel: "peer ÷ ours",
      series: [...perFrame.values()],
    });
    const ownPerFrame = perFrame.get("ours");
    const worstPerFrame = ownPerFrame?.status === "ok" ? (ownPerFrame.summary?.max ?? null) : null;
    perFrameFigure.targets = [
      {
        description: "At most one commit per animation frame",
        pass: worstPerFrame === null ? null : worstPerFrame <= 1,
        detail:
          worstPerFrame === null
            ? `not measured (${ownPerFrame?.status}: ${ownPerFrame?.note ?? ""})`
            : `ours: at most ${worstPerFrame.toFixed(2)} commits per frame in any window`,
      },
    ];
    const busyFigure = finishFigure({
      id: "queue-busy",
      title: "Main-thread busy fraction during 6 throttled uploads",
      unit: "%",
      better: "lower",
      method:
        "As above; busy = the increase of CDP `Performance.getMetrics` TaskDuration (time the renderer's main thread spent in tasks) divided by the increase of its Timestamp, over the window.",
      reference: "ours",
      ratioLabel: "peer ÷ ours (> 1: ours keeps the main thread freer)",
      series: [...busy.values()],
    });
    busyFigure.targets = [aheadOfPeers(busyFigure, "Main thread less busy than every peer")];
    figures.push(commitsFigure, perFrameFigure, busyFigure);
    const result: SuiteResult = {
      name: "queue",
      title: "Large queue",
      figures,
      notes: [...notes],
      durationMs: performance.now() - started,
      parameters: {
        sizes: p.sizes.join(" and "),
        smallFileBytes: p.smallBytes,
        uploadFiles: p.uploadCount,
        uploadFileBytes: p.uploadBytes,
        uploadBandwidthBytesPerSecond: p.throughput,
        windowMs: p.windowMs,
        roundsBySize: p.roundsBySize.join(" and "),
        uploadRounds: p.uploadRounds,
      },
    };
    return result;
  },
};
