// The large-queue scenario, the same for every library: add N files the way a drop would, time
// until the list is rendered and the main thread is free again, then start throttled uploads.
import { makeFile, makeSmallFiles } from "./blobs.js";
import { counters } from "./commitCounter.js";
import { emulatorUrl, expose } from "./protocol.js";
import { fetchToken, redeemUrl, tokenString, type RawToken } from "./tokens.js";

/** What each library's page provides. */
export interface QueueAdapter {
  /** Adds files through the library's own add API. */
  add(files: File[]): void;
  /** Whether the widget's DOM shows all `count` files (the visible rows of a virtual list). */
  isRendered(count: number): boolean;
  /** Starts uploading everything queued, at most 6 at a time. */
  startUploads(): void;
  /** Whether React renders the list (so that React commits mean something). */
  readonly reactRendered: boolean;
}

/** Everything an adapter needs to upload to the emulator. */
export interface UploadTarget {
  readonly site: string;
  readonly redeemUrl: string;
  /** One token for the whole batch (max_uploads = the batch size), fetched before the clock starts. */
  readonly token: string;
  readonly rawToken: RawToken;
}

const QUIET_MS = 300;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

function afterTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Long tasks (> 50 ms on the main thread) as `[start, end]` in performance.now() time. */
const longTasks: [number, number][] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    longTasks.push([entry.startTime, entry.startTime + entry.duration]);
  }
}).observe({ type: "longtask", buffered: true });

let files: File[] = [];

/**
 * Publishes the scenario's calls for an adapter made once the upload target is known.
 * `pending` names a missing piece of ours.
 */
export function exposeQueue(
  createAdapter: (target: UploadTarget) => QueueAdapter | Promise<QueueAdapter>,
  pending: string | null = null,
): void {
  let adapter: QueueAdapter | null = null;
  expose(
    {
      /** Makes the files and the adapter; nothing here is timed. */
      prepare: async ({
        count,
        size,
        uploads,
      }: {
        count: number;
        size: number;
        uploads: boolean;
      }) => {
        files =
          size >= 1024 * 1024
            ? Array.from({ length: count }, (_, index) =>
                makeFile(size, `file-${String(index).padStart(5, "0")}.mp4`),
              )
            : makeSmallFiles(count, size);
        const site = emulatorUrl();
        const rawToken = uploads
          ? await fetchToken(site, { maxUploads: count })
          : { status: "ok", data: { upload_token: "not-used" } };
        adapter = await createAdapter({
          site,
          redeemUrl: redeemUrl(site),
          token: tokenString(rawToken),
          rawToken,
        });
        return { reactRendered: adapter.reactRendered };
      },
      /** Adds the files and times rendering and interactivity (ms since the add call). */
      add: async ({ capMs }: { capMs: number }) => {
        const current = adapter;
        if (!current) {
          throw new Error("call prepare first");
        }
        const count = files.length;
        const started = performance.now();
        current.add(files);
        let renderedAt: number | null = null;
        while (renderedAt === null) {
          await nextFrame();
          if (current.isRendered(count)) {
            // The frame with the complete list is being produced; its task ends after paint.
            await afterTask();
            renderedAt = performance.now();
          } else if (performance.now() - started > capMs) {
            return { timedOut: true, renderedMs: null, interactiveMs: null };
          }
        }
        // Interactive: no long task for QUIET_MS after the list rendered.
        for (;;) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          const now = performance.now();
          const lastEnd = Math.max(renderedAt, ...longTasks.map(([, end]) => end));
          if (now - lastEnd >= QUIET_MS && now - renderedAt >= QUIET_MS) {
            return {
              timedOut: false,
              renderedMs: renderedAt - started,
              interactiveMs: lastEnd - started,
            };
          }
          if (now - started > capMs) {
            return { timedOut: true, renderedMs: renderedAt - started, interactiveMs: null };
          }
        }
      },
      startUploads: async () => {
        adapter?.startUploads();
        return null;
      },
      counters: async () => ({ ...counters, now: performance.now() }),
    },
    pending,
  );
}

export { counters };
