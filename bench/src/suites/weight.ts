// Suite 4: what an app ships for each widget, min+gzip, built the same way for every library.
import { type Suite } from "../context.js";
import {
  finishFigure,
  markSeries,
  series,
  type Figure,
  type Series,
  type SuiteResult,
} from "../results.js";
import { EntryBuildError, externalPackages, weighEntry, type EntryWeight } from "../weightBuild.js";

interface Widget {
  readonly id: string;
  readonly title: string;
  readonly ours: { entry: string; label: string };
  readonly peers: readonly { entry: string; label: string }[];
}

const uppy = { entry: "uppy-dashboard", label: "Uppy: core + Dashboard + XHRUpload" };
const filepond = { entry: "filepond", label: "react-filepond + filepond" };

/** The widgets compared, and each peer's equivalent. */
export const widgets: readonly Widget[] = [
  {
    id: "weight-upload-form",
    title: "Weight: a single upload form",
    ours: { entry: "ours-upload-form", label: "ours: UploadForm" },
    peers: [
      { entry: "uploady-form", label: "react-uploady: Uploady + UploadButton" },
      uppy,
      filepond,
    ],
  },
  {
    id: "weight-upload-queue",
    title: "Weight: an upload queue",
    ours: { entry: "ours-upload-queue", label: "ours: UploadQueue" },
    peers: [
      { entry: "uploady-queue", label: "react-uploady: Uploady + DropZone + Preview" },
      uppy,
      filepond,
    ],
  },
];

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

function describe(weight: EntryWeight): string {
  const lazy =
    weight.lazyJsMinBytes > 0
      ? `; lazy JS ${kB(weight.lazyJsMinBytes)} kB min, ${kB(weight.lazyJsGzipBytes)} kB gzip (loaded on demand)`
      : "";
  return `JS ${kB(weight.jsMinBytes)} kB min${lazy}; CSS ${kB(weight.cssMinBytes)} kB min, ${kB(weight.cssGzipBytes)} kB gzip`;
}

export const weightSuite: Suite = {
  name: "weight",
  title: "Weight",
  pages: [],
  async run(context) {
    const started = performance.now();
    const cache = new Map<string, EntryWeight | Error>();
    const weigh = async (entry: string) => {
      if (!cache.has(entry)) {
        context.log(`weight: building ${entry}`);
        cache.set(
          entry,
          await weighEntry(entry).catch((error: unknown) =>
            error instanceof Error ? error : new Error(String(error)),
          ),
        );
      }
      return cache.get(entry) as EntryWeight | Error;
    };
    const figures: Figure[] = [];
    for (const widget of widgets) {
      const all: Series[] = [];
      for (const candidate of [widget.ours, ...widget.peers]) {
        const entry: Series = series(candidate.entry, candidate.label);
        const weight = await weigh(candidate.entry);
        if (weight instanceof Error) {
          markSeries(
            entry,
            weight instanceof EntryBuildError && candidate === widget.ours ? "pending" : "failed",
            weight.message,
          );
        } else {
          entry.samples.push(weight.jsGzipBytes / 1000);
          entry.detail = describe(weight);
        }
        all.push(entry);
      }
      const figure = finishFigure({
        id: widget.id,
        title: widget.title,
        unit: "kB",
        better: "lower",
        digits: 1,
        method:
          "JS an app ships, min+gzip: a one-file entry (bench/entries/) exporting only the widget (and importing its stylesheet), built by Vite 8 in app mode (production, minified), gzip level 9 per emitted file. The figure is the JS that loads with the widget (the entry chunk and its static imports); chunks behind a dynamic import() (loaded on demand) and CSS are in the details. react, react-dom and @tanstack/react-query are external (the app has them; the query client is a peer dependency of ours). Deterministic, so one build each.",
        reference: widget.ours.entry,
        ratioLabel: "peer ÷ ours (> 1: ours is lighter)",
        series: all,
      });
      const oursSeries = all[0];
      const oursValue = oursSeries?.summary?.median ?? null;
      const peers = all.slice(1).filter((entry) => entry.status === "ok");
      const heavier = peers.filter(
        (entry) => oursValue !== null && (entry.summary?.median ?? 0) > oursValue,
      );
      figure.targets = [
        {
          description: `${widget.ours.label} smaller than every peer (JS min+gzip)`,
          pass: oursValue === null ? null : heavier.length === peers.length,
          detail:
            oursValue === null
              ? `not measured (${oursSeries?.status}: ${oursSeries?.note ?? ""})`
              : `ours ${oursValue.toFixed(1)} kB; peers ${peers.map((entry) => `${entry.label} ${entry.summary?.median.toFixed(1)} kB`).join(", ")}`,
        },
      ];
      figures.push(figure);
    }
    const notes: string[] = [];
    try {
      // React stays external; the query client itself is bundled.
      const query = await weighEntry("tanstack-query", externalPackages.slice(0, 2));
      notes.push(
        `@tanstack/react-query is external in these figures (a peer dependency of ours that apps using TanStack Query already ship). An app that does not use it yet adds ${kB(query.jsGzipBytes)} kB min+gzip for what ours imports from it (QueryClient, QueryClientContext, useQuery).`,
      );
    } catch (error) {
      notes.push(
        `Could not weigh @tanstack/react-query: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    try {
      const helper = await weighEntry("vite-preload-helper");
      notes.push(
        `Vite adds a preload helper to an app build for its first dynamic import(), even with nothing to preload (vitejs/vite#13952): ${kB(helper.jsGzipBytes)} kB min+gzip for one import() of an empty module. Ours pays it in the figures above (the XML parser, the chunked and iframe transports and the encoding wait load on demand); an app that already has a lazy route ships it once either way.`,
      );
    } catch (error) {
      notes.push(
        `Could not weigh Vite's preload helper: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const result: SuiteResult = {
      name: "weight",
      title: "Weight",
      figures,
      notes,
      durationMs: performance.now() - started,
      parameters: { gzipLevel: 9, external: "react, react-dom, @tanstack/react-query" },
    };
    return result;
  },
};
