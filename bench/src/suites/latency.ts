// Suite 2: start latency, from the file input's change event to the upload request's first
// bytes at the server, measured through a recording proxy (bench/src/probeProxy.ts).
import { callPage, openBenchPage } from "../browser.js";
import { alternate, withTimeout, type Suite } from "../context.js";
import { startProbe } from "../probeProxy.js";
import {
  finishFigure,
  markSeries,
  ratioOf,
  series,
  type Series,
  type SuiteResult,
} from "../results.js";
import { summarize } from "../stats.js";

interface Mode {
  readonly key: string;
  readonly label: string;
  /** The bench page that runs it. */
  readonly page: string;
  /** The bare baseline in the same token mode. */
  readonly compareTo?: string;
}

const modes: readonly Mode[] = [
  { key: "bare-prefetch", label: "bare XHR, token prefetched", page: "latency" },
  {
    key: "ours-form",
    label: "ours: <UploadForm startOnSelect> (prefetches)",
    page: "latency-form",
    compareTo: "bare-prefetch",
  },
  {
    key: "ours-prefetch",
    label: "ours: createUploader, token prefetched",
    page: "latency",
    compareTo: "bare-prefetch",
  },
  { key: "bare-fetch", label: "bare XHR, token fetched on change", page: "latency" },
  {
    key: "ours-fetch",
    label: "ours: createUploader, token fetched on change",
    page: "latency",
    compareTo: "bare-fetch",
  },
];

const FILE_BYTES = 1024 * 1024;

export const latencySuite: Suite = {
  name: "latency",
  title: "Start latency",
  pages: ["latency", "latency-form"],
  async run(context) {
    const started = performance.now();
    const probe = await startProbe(context.emulatorUrl);
    const all = new Map<string, Series>(
      modes.map((mode) => [mode.key, series(mode.key, mode.label, mode.compareTo)]),
    );
    // Where the time goes: when the upload's CORS preflight (OPTIONS) reached the server, per
    // mode; a sample without one reused a preflight the browser had cached.
    const preflights = new Map<string, { at: number[]; posts: number[]; without: number }>(
      modes.map((mode) => [mode.key, { at: [], posts: [], without: 0 }]),
    );
    // Inside the page: change event → the upload XHR's send(), per mode.
    const toSend = new Map<string, number[]>(modes.map((mode) => [mode.key, []]));
    const offsets: number[] = [];
    const roundTrips: number[] = [];
    // A sample takes about a second, and one slow hop on this shared machine moves a median of
    // ten by milliseconds (the bare row's IQR spanned 12 ms in a run of ten): four times the
    // usual rounds (not in --quick), about two minutes.
    const rounds = context.quick ? context.rounds : context.rounds * 4;
    const buffer = Buffer.alloc(FILE_BYTES, 7);
    try {
      for (let round = 0; round < rounds; round += 1) {
        context.log(`latency: round ${round + 1}/${rounds}`);
        for (const mode of alternate(modes, round)) {
          const target = all.get(mode.key) as Series;
          if (target.status !== "ok") {
            continue;
          }
          const buildError = context.builds.get(mode.page)?.error;
          if (buildError) {
            markSeries(
              target,
              mode.key.startsWith("ours") ? "pending" : "failed",
              `the page did not build: ${buildError}`,
            );
            continue;
          }
          // A fresh context each time: no connection or preflight cache carried over.
          const tab = await openBenchPage(
            context.browser,
            context.pageUrl(mode.page, { emulator: probe.url, mode: mode.key }),
          );
          try {
            if (tab.pending) {
              markSeries(target, "pending", tab.pending);
              continue;
            }
            await callPage(tab.page, "prepare");
            for (let ping = 0; ping < 3; ping += 1) {
              const clock = await callPage<{ offset: number; roundTrip: number }>(tab.page, "ping");
              offsets.push(clock.offset);
              roundTrips.push(clock.roundTrip);
            }
            const from = probe.records.length;
            await tab.page.setInputFiles('input[type="file"]', {
              name: "clip.mp4",
              mimeType: "video/mp4",
              buffer,
            });
            const { changeAt, sendAt } = await withTimeout(
              callPage<{ changeAt: number | null; sendAt: number | null }>(tab.page, "result"),
              30_000,
              mode.label,
            );
            const upload = probe.records
              .slice(from)
              // The POST that carries the file: the auto transport's CORS probe (a tiny POST to
              // the same URL) comes first on a new page and is not the upload.
              .find(
                (record) =>
                  record.method === "POST" &&
                  record.path.includes("redeem-upload-token") &&
                  (record.contentLength ?? 0) >= FILE_BYTES,
              );
            if (changeAt === null || !upload) {
              throw new Error("no change event or no upload request reached the probe");
            }
            target.samples.push(upload.arrivedAt - changeAt);
            if (sendAt !== null) {
              toSend.get(mode.key)?.push(sendAt - changeAt);
            }
            const breakdown = preflights.get(mode.key);
            const records = probe.records.slice(from);
            const preflight = records
              .slice(0, records.indexOf(upload))
              .filter(
                (record) =>
                  record.method === "OPTIONS" && record.path.includes("redeem-upload-token"),
              )
              .at(-1);
            if (breakdown && preflight) {
              breakdown.at.push(preflight.arrivedAt - changeAt);
              breakdown.posts.push(upload.arrivedAt - preflight.arrivedAt);
            } else if (breakdown) {
              breakdown.without += 1;
            }
          } catch (error) {
            markSeries(target, "failed", error instanceof Error ? error.message : String(error));
          } finally {
            await tab.close();
          }
        }
      }
    } finally {
      await probe.close();
    }
    const figure = finishFigure({
      id: "start-latency",
      title: "Start latency: change event to first upload bytes at the server",
      unit: "ms",
      better: "lower",
      digits: 2,
      method:
        "The page stamps `performance.timeOrigin + performance.now()` in the file input's `change` listener (Playwright `setInputFiles` with a 1 MiB file); a recording proxy in front of the emulator stamps the arrival of the redeem POST's head with Node's `performance.timeOrigin + performance.now()` (the same system clock). The stamp is the head of the POST that carries the file (Content-Length ≥ the file). Included: building the request, the CORS preflight (a fresh browser context per sample, so no preflight cache), without prefetch the token request, and for ours whatever is left by the pick of the default `auto` transport's one-time CORS probe (a small POST to the same URL, once per site and page, started when the uploader is created; every sample is a new page). `<UploadForm startOnSelect>` is the component as an app uses it: it fetches its token when it mounts (the sample waits for that), and a pick starts the upload (its `change` is stamped by a capture listener on window, before React's). The engine rows run `createUploader` with default options, created and subscribed to when the page loads (as an app holds it: `useUploader` and `useSyncExternalStore` at mount), and the sample starts once the CORS probe that creation starts has its answer and the page has been idle once (a person takes seconds to pick a file; the uploader's one-time warm-up of its code runs then, see docs/core/uploader.md; the form page waits for the same); with prefetch a token function returns the already-fetched token answer at once (not in a promise, as docs/core/uploader.md recommends for a token at hand, so the engine sends in the change event itself), without it the engine posts to the token endpoint on the pick. Like `<UploadForm>`, the engine rows may reuse the preflight of their probe (cached by the browser for the emulator's `Access-Control-Max-Age`), which the bare rows, with no probe, do not have: that is a real effect of the probe, and the notes say how many samples had it. The bare rows are a hand-written `fetch` for the token and `XMLHttpRequest` for the upload.",
      reference: "bare-prefetch",
      ratioLabel:
        "ours ÷ bare XHR in the same token mode (lower is better; the difference is what the library adds)",
      series: [...all.values()],
    });
    const underOneFrame = (key: string, description: string) => {
      const entry = figure.series.find((candidate) => candidate.key === key);
      const median = entry?.status === "ok" ? (entry.summary?.median ?? null) : null;
      const bare = figure.series.find((candidate) => candidate.key === "bare-prefetch");
      return {
        description,
        pass: median === null ? null : median < 16,
        detail:
          median === null
            ? `not measured (${entry?.status}: ${entry?.note ?? ""})`
            : `median ${median.toFixed(2)} ms (bare XHR with a prefetched token: ${bare?.summary?.median.toFixed(2) ?? "–"} ms; ratio ${ratioOf(figure, key)?.value.ofMedians.toFixed(2) ?? "–"}×)`,
      };
    };
    figure.targets = [
      underOneFrame("ours-form", "UploadForm (prefetched token): under one frame (16 ms)"),
      underOneFrame(
        "ours-prefetch",
        "createUploader with a prefetched token: under one frame (16 ms)",
      ),
    ];
    const whereTimeGoes = modes.flatMap((mode) => {
      const breakdown = preflights.get(mode.key);
      const total = all.get(mode.key)?.samples.length ?? 0;
      if (!breakdown || total === 0) {
        return [];
      }
      const at = summarize(breakdown.at);
      const post = summarize(breakdown.posts);
      const send = summarize(toSend.get(mode.key) ?? []);
      const parts = [
        send
          ? `send() called ${send.median.toFixed(1)} ms after the change event (range ${send.min.toFixed(1)}–${send.max.toFixed(1)})`
          : null,
        at && post
          ? `preflight OPTIONS at ${at.median.toFixed(1)} ms, then the upload POST ${post.median.toFixed(1)} ms later`
          : null,
        breakdown.without > 0
          ? `${breakdown.without} of ${total} samples without a preflight of their own (the browser reused one it had cached)`
          : null,
      ].filter((part) => part !== null);
      return [`${mode.label}: ${parts.join("; ")}`];
    });
    const clock = summarize(offsets);
    const trip = summarize(roundTrips);
    const result: SuiteResult = {
      name: "latency",
      title: "Start latency",
      figures: [figure],
      notes: [
        ...(clock && trip
          ? [
              `Clock check (page vs server, NTP-style over ${clock.n} pings): offset median ${clock.median.toFixed(2)} ms (range ${clock.min.toFixed(2)} to ${clock.max.toFixed(2)}), round trip median ${trip.median.toFixed(2)} ms. Latencies are not corrected by it: both stamps read the same system clock.`,
            ]
          : []),
        ...(whereTimeGoes.length > 0
          ? [
              `Where the time goes (medians after the change event: when the page called the upload XHR's send(), stamped in the page, and when the recording proxy saw the requests arrive): ${whereTimeGoes.join(". ")}. Everything after send() is the browser's (reading the file, the network service, the preflight if any). An upload XHR with a progress listener is preflighted; the emulator lets the browser cache a preflight (Access-Control-Max-Age: 600, see docs/emulator.md), so a page that already made the same preflight (<UploadForm>'s CORS probe runs when it mounts) skips it, while every fresh page pays one.`,
            ]
          : []),
      ],
      durationMs: performance.now() - started,
      parameters: { fileBytes: FILE_BYTES, rounds },
    };
    return result;
  },
};
