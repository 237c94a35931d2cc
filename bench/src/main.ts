// `pnpm bench [suite…] [--quick] [--rounds N] [--docs] [--report-only]`: runs the suites side
// by side in one session, then rewrites bench/results/latest.json and docs/benchmarks.md.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createEmulator } from "@twentythree-upload/emulator";
import { format as prettierFormat, resolveConfig } from "prettier";
import { launchBrowser } from "./browser.js";
import { buildPages } from "./buildPages.js";
import type { BenchContext, Suite } from "./context.js";
import { describeMachine } from "./machine.js";
import { benchRoot, repoRoot } from "./paths.js";
import { renderReport } from "./report/markdown.js";
import { prose } from "./report/prose.js";
import type { BenchResults, SuiteResult } from "./results.js";
import { startStaticServer } from "./staticServer.js";
import { latencySuite } from "./suites/latency.js";
import { queueSuite } from "./suites/queue.js";
import { throughputSuite } from "./suites/throughput.js";
import { weightSuite } from "./suites/weight.js";

const suites: readonly Suite[] = [throughputSuite, latencySuite, queueSuite, weightSuite];
const latestPath = path.join(benchRoot, "results", "latest.json");
const docsPath = path.join(repoRoot, "docs", "benchmarks.md");
const chartsDir = path.join(repoRoot, "docs", "benchmarks");

const usage = `Usage: pnpm bench [${suites.map((suite) => suite.name).join("|")} …] [options]
  --quick         smoke run: small files, 2 rounds; results go to bench/results/raw/ only
  --rounds N      rounds per A/B comparison (default 5, quick 2)
  --docs          also rewrite latest.json and docs/benchmarks.md after a --quick run
  --report-only   rewrite docs/benchmarks.md from bench/results/latest.json without running`;

function log(message: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

async function formatted(text: string, file: string): Promise<string> {
  const options = (await resolveConfig(file)) ?? {};
  return prettierFormat(text, { ...options, filepath: file });
}

async function writeReport(results: BenchResults): Promise<void> {
  const report = renderReport(results, prose);
  await mkdir(chartsDir, { recursive: true });
  await writeFile(docsPath, await formatted(report.markdown, docsPath));
  for (const [file, svg] of report.charts) {
    await writeFile(path.join(chartsDir, file), svg);
  }
  // Charts of figures that are gone (e.g. other sizes from an earlier run) would mislead.
  for (const file of await readdir(chartsDir)) {
    if (file.endsWith(".svg") && !report.charts.has(file)) {
      await rm(path.join(chartsDir, file));
    }
  }
  log(`wrote ${path.relative(repoRoot, docsPath)} and ${report.charts.size} charts`);
}

async function readLatest(): Promise<BenchResults | null> {
  try {
    return JSON.parse(await readFile(latestPath, "utf8")) as BenchResults;
  } catch {
    return null;
  }
}

/**
 * A folder in memory (Linux's /dev/shm) for the emulator's uploads, or `null` where there is
 * none: every sample stores up to 256 MiB, and the disk writing out an earlier sample's file
 * would slow a later sample of another variant (noise that has nothing to do with either).
 */
async function memoryDir(): Promise<string | null> {
  try {
    return await mkdtemp("/dev/shm/tt-bench-uploads-");
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: "boolean", default: false },
      rounds: { type: "string" },
      docs: { type: "boolean", default: false },
      "report-only": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  if (values["report-only"]) {
    const latest = await readLatest();
    if (!latest) {
      throw new Error(
        `${path.relative(repoRoot, latestPath)} does not exist yet: run pnpm bench first`,
      );
    }
    await writeReport(latest);
    return;
  }
  const unknown = positionals.filter((name) => !suites.some((suite) => suite.name === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown suite ${unknown.join(", ")}.\n${usage}`);
  }
  const selected =
    positionals.length > 0 ? suites.filter((suite) => positionals.includes(suite.name)) : suites;
  const quick = values.quick;
  const rounds = values.rounds ? Number(values.rounds) : quick ? 2 : 5;
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new Error(`--rounds must be a positive integer, got ${values.rounds}`);
  }
  const started = performance.now();
  const machine = describeMachine();
  const command = ["pnpm bench", ...process.argv.slice(2)].join(" ");
  log(
    `bench: ${selected.map((suite) => suite.name).join(", ")}${quick ? " (quick)" : ""}, ${rounds} rounds`,
  );

  const pageNames = [...new Set(selected.flatMap((suite) => suite.pages))];
  const pagesDir = await mkdtemp(path.join(os.tmpdir(), "tt-bench-pages-"));
  const uploadsDir = pageNames.length > 0 ? await memoryDir() : null;
  const emulator =
    pageNames.length > 0
      ? await createEmulator({ quiet: true, ...(uploadsDir ? { dataDir: uploadsDir } : {}) })
      : null;
  const server = pageNames.length > 0 ? await startStaticServer(pagesDir) : null;
  const browser = pageNames.length > 0 ? await launchBrowser() : null;
  const results: SuiteResult[] = [];
  try {
    if (browser) {
      machine.chromium = browser.version();
    }
    log(`building ${pageNames.length} pages`);
    const builds = await buildPages(pageNames, pagesDir);
    for (const build of builds.values()) {
      if (build.error) {
        log(`page ${build.name} did not build: ${build.error.split("\n")[0]}`);
      }
    }
    const context: BenchContext = {
      quick,
      rounds,
      browser: browser as NonNullable<typeof browser>,
      emulatorUrl: emulator?.url ?? "",
      builds,
      pageUrl: (name, query = {}) => {
        const search = new URLSearchParams({ emulator: emulator?.url ?? "", ...query });
        return `${server?.url ?? ""}/${name}/index.html?${search.toString()}`;
      },
      log,
    };
    for (const suite of selected) {
      log(`suite ${suite.name}`);
      try {
        const result = await suite.run(context);
        result.ranAt = new Date().toISOString();
        result.quick = quick;
        results.push(result);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log(`suite ${suite.name} failed: ${message}`);
        results.push({
          name: suite.name,
          title: suite.title,
          figures: [],
          notes: [`The suite failed: ${message.split("\n")[0]}`],
          durationMs: 0,
          parameters: {},
        });
      }
    }
  } finally {
    await browser?.close();
    await server?.close();
    await emulator?.close();
    await rm(pagesDir, { recursive: true, force: true });
    if (uploadsDir) {
      await rm(uploadsDir, { recursive: true, force: true });
    }
  }

  machine.loadAverageAtEnd = os.loadavg().map((value) => Math.round(value * 100) / 100);
  const meta = {
    date: new Date().toISOString(),
    command,
    quick,
    rounds,
    machine,
    durationMs: performance.now() - started,
  };
  const run: BenchResults = { schema: 1, meta, suites: results };
  const rawDir = path.join(benchRoot, "results", "raw");
  await mkdir(rawDir, { recursive: true });
  const rawFile = path.join(
    rawDir,
    `${meta.date.replace(/[:.]/g, "-")}${quick ? "-quick" : ""}.json`,
  );
  await writeFile(rawFile, `${JSON.stringify(run, null, 2)}\n`);
  log(`wrote ${path.relative(repoRoot, rawFile)}`);
  if (quick && !values.docs) {
    log(
      "quick run: latest.json and docs/benchmarks.md left as they were (pass --docs to rewrite them)",
    );
    return;
  }
  // A partial run replaces only its own suites; the others keep their earlier results.
  const previous = await readLatest();
  if (previous && machine.chromium === "not launched") {
    machine.chromium = previous.meta.machine.chromium;
  }
  const merged: BenchResults =
    previous && positionals.length > 0
      ? {
          schema: 1,
          meta,
          suites: suites
            .map(
              (suite) =>
                results.find((entry) => entry.name === suite.name) ??
                previous.suites.find((entry) => entry.name === suite.name),
            )
            .filter((entry): entry is SuiteResult => entry !== undefined),
        }
      : run;
  await writeFile(latestPath, await formatted(JSON.stringify(merged), latestPath));
  log(`wrote ${path.relative(repoRoot, latestPath)}`);
  await writeReport(merged);
  log(`done in ${(meta.durationMs / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
