// The queue engine: a concurrency-limited line of jobs, offline pause/resume, and the public
// commands. All state lives in the store (one reducer over typed actions); `runJob` handles one
// attempt; this file decides when jobs run.
import { createUploadItems, prepareItemIds } from "./createUploadItems.js";
import { UploadError } from "./errors.js";
import {
  normalizeUploaderOptions,
  type NormalizedUploaderOptions,
} from "./normalizeUploaderOptions.js";
import { createOnlineMonitor } from "./onlineMonitor.js";
import { probeCors } from "./probeCors.js";
import { startTokenRequest } from "./requestUploadToken.js";
import { resolveTransport } from "./resolveTransport.js";
import { runJob } from "./runJob.js";
import { settleJob } from "./settleJob.js";
import { createTokenManager } from "./tokenManager.js";
import type { Transport, Uploader, UploaderOptions } from "./types.js";
import { createUploaderStore } from "./uploaderStore.js";
import { createUploadJob, type UploaderEngine, type UploadJob } from "./uploadJob.js";
import { scheduleWarmUp } from "./warmUpUploadPath.js";
import { createUploadJobs } from "./uploadJobs.js";

/**
 * Creates an upload queue: validation, tokens, concurrency, retries, stall detection, offline
 * pause and progress. Framework-free; nothing touches the DOM until the first `subscribe` or
 * `add`. In a browser, with the default `"auto"` transport, it starts that transport's CORS
 * probe for its site at once (`probeCors`: an answer is cached per site and page, a refusal for
 * 10 minutes, an unreachable site not at all), so the first upload need not wait for it. See
 * docs/core/uploader.md.
 *
 * @throws TwentyThreeUploadError `invalid_options` when an option is missing or malformed.
 */
export function createUploader(options: UploaderOptions): Uploader {
  return createEngine(options, false);
}

/** `isDry`: the warm-up's engine (see warmUpUploadPath.ts), whose tokens never count as received. */
function createEngine(options: UploaderOptions, isDry: boolean): Uploader {
  let settings: NormalizedUploaderOptions = normalizeUploaderOptions(options);
  let isDestroyed = false;
  // Two lines: retries go before files that have not been tried yet.
  const readyFirst = new Set<UploadJob>();
  const readyLater = new Set<UploadJob>();
  let cachedTransport: {
    given: UploaderOptions["transport"];
    chunkSize: number | undefined;
    transport: Transport;
  } | null = null;

  const monitor = createOnlineMonitor((isOnline) => onConnectivity(isOnline));
  const store = createUploaderStore({ isOnline: monitor.isOnline() });
  const jobs = createUploadJobs(store);
  const tokens = createTokenManager({
    fetchToken: (request, signal) =>
      startTokenRequest(
        settings.given.token,
        request,
        { signal, timeoutMs: settings.requestTimeoutMs },
        !isDry,
      ),
    strategy: () => settings.tokenStrategy,
    expiryMarginMs: () => settings.tokenExpiryMarginMs,
    maxUploadsLimit: () => (settings.apiVersion === "v2" ? 1000 : 100),
    demand: () =>
      jobs
        .list(false)
        .filter(
          (job) => typeof job === "string" || (job.phase !== "settled" && job.phase !== "encoding"),
        ).length,
  });

  const engine: UploaderEngine = {
    store,
    tokens,
    monitor,
    attributed: new Set(),
    running: new Set(),
    jobs: () => jobs.list(false),
    settings: () => settings,
    transport() {
      const { transport: given, chunkSize } = settings.given;
      // Resolve once per option change: the "auto" transport remembers what it learned.
      const cached = cachedTransport;
      if (cached !== null && cached.given === given && cached.chunkSize === chunkSize) {
        return cached.transport;
      }
      const transport = resolveTransport(given, chunkSize === undefined ? {} : { chunkSize });
      cachedTransport = { given, chunkSize, transport };
      return transport;
    },
    makeReady(job, isFirst) {
      job.phase = "ready";
      (isFirst ? readyFirst : readyLater).add(job);
    },
    pump,
    isDestroyed: () => isDestroyed,
  };

  // Work the first upload would otherwise do between the file pick and its first byte, done now
  // while the user is still choosing files. The auto transport asks the site about CORS before
  // its first upload; where the site lets browsers cache preflights (Access-Control-Max-Age),
  // asking now also caches the preflight the upload itself needs. And once per page, the path
  // from add() to the request runs in a throwaway engine when the page is idle, so that the first
  // pick does not pay for compiling it (warmUpUploadPath.ts).
  function warmUp() {
    if (isDry) return;
    scheduleWarmUp(createEngine);
    // Resolved now rather than on the first pick: creating it costs the pick a few tenths of a
    // millisecond of compiling (it loads no code: the lazy transports load on first use).
    engine.transport();
    const { transport, site } = settings.given;
    if ((transport ?? "auto") === "auto" && typeof XMLHttpRequest !== "undefined") {
      void probeCors(site, settings.apiVersion);
    }
  }
  warmUp();
  prepareItemIds();

  function pump() {
    while (
      !isDestroyed &&
      store.getSnapshot().isOnline &&
      engine.running.size < settings.concurrency
    ) {
      const next = readyFirst.values().next().value ?? readyLater.values().next().value;
      if (next === undefined) {
        return;
      }
      unqueue(next);
      void runJob(engine, next);
    }
  }

  function unqueue(job: UploadJob) {
    readyFirst.delete(job);
    readyLater.delete(job);
    if (job.timer !== null) {
      clearTimeout(job.timer);
      job.timer = null;
    }
  }

  function onConnectivity(isOnline: boolean) {
    if (isDestroyed) {
      return;
    }
    if (!isOnline) {
      // Backoffs end: whatever waited resumes as soon as the connection is back.
      for (const job of jobs.list(false)) {
        if (typeof job === "object" && job.phase === "waiting") {
          unqueue(job);
          engine.makeReady(job, true);
        }
      }
    }
    store.dispatch({ type: "connectivityChanged", isOnline });
    pump();
  }

  function cancelJobs(targets: Iterable<UploadJob>, ids: readonly string[] | null) {
    const maybeStored: string[] = [];
    for (const job of targets) {
      if (job.phase === "encoding") {
        // Already stored: stop waiting for encoding; it is a success all the same.
        const result = store.getSnapshot().byId.get(job.id)?.result;
        job.run?.abort();
        if (result) {
          settleJob(engine, job, { result });
        }
      } else if (job.phase !== "settled") {
        unqueue(job);
        if (job.run !== null) {
          // Free the slot now; the aborted attempt's late outcome is ignored.
          job.run.abort();
          engine.running.delete(job.run);
          job.run = null;
        }
        // `unreconciled` stays: a file canceled after it was sent may be stored all the same,
        // and a retry looks it up first.
        if (job.unreconciled !== null) {
          maybeStored.push(job.id);
        } else if (job.sending !== null) {
          // Canceled with its request under way: browsers report upload progress late, so a
          // small file may be stored with no byte counted yet. A retry looks first, without
          // the warning (most of the time nothing arrived).
          job.unreconciled = job.sending;
        }
        job.sending = null;
        job.phase = "settled";
        tokens.forget(job.id);
      }
    }
    const error = new UploadError("aborted", "The upload was canceled.", { ambiguous: true });
    store.dispatch({ type: "canceled", ids, error, maybeStored });
    pump();
  }

  function start(id?: string) {
    if (isDestroyed) {
      return;
    }
    const started: string[] = [];
    for (const job of id === undefined ? jobs.list(true) : [jobs.get(id)]) {
      if (job?.phase === "idle") {
        engine.makeReady(job, false);
        started.push(job.id);
      }
    }
    store.dispatch({ type: "startRequested", ids: id === undefined ? null : started });
    pump();
  }

  return {
    subscribe(listener) {
      if (!isDestroyed) {
        monitor.start();
      }
      return store.subscribe(listener);
    },
    getSnapshot: () => store.getSnapshot(),
    add(files, meta) {
      if (isDestroyed) {
        return [];
      }
      monitor.start();
      const { items, ids, accepted } = createUploadItems({
        files,
        meta,
        metaOf: settings.given.meta,
        rules: settings.rules,
        snapshot: store.getSnapshot(),
        allowDuplicates: settings.given.allowDuplicates === true,
      });
      for (const item of accepted) {
        if (settings.autoStart) {
          const job = createUploadJob(item);
          jobs.add(item, job);
          engine.makeReady(job, false);
        } else {
          jobs.add(item);
        }
      }
      store.dispatch({ type: "added", items, idle: !settings.autoStart });
      pump();
      return ids;
    },
    start,
    cancel(id) {
      if (isDestroyed) {
        return;
      }
      const job = id === undefined ? null : jobs.get(id);
      if (id === undefined) {
        cancelJobs(jobs.list(true), null);
      } else if (job !== null) {
        cancelJobs([job], [id]);
      }
    },
    retry(id) {
      if (isDestroyed) {
        return;
      }
      const retried: string[] = [];
      // Idle jobs (not made yet: an id) are never settled.
      for (const job of id === undefined ? jobs.list(false) : [jobs.get(id)]) {
        if (typeof job === "string" || job?.phase !== "settled") {
          continue;
        }
        const status = store.getSnapshot().byId.get(job.id)?.status;
        if (status === "failed" || status === "canceled") {
          // A person asked: fresh budgets; an attempt that may have stored the file is looked
          // up first (and if that cannot tell, sent again: the item said it may be stored).
          job.retriesUsed = 0;
          job.hasRefreshedToken = false;
          job.isRetried = true;
          engine.makeReady(job, true);
          retried.push(job.id);
        }
      }
      store.dispatch({ type: "retryRequested", ids: retried });
      pump();
    },
    remove(id) {
      if (isDestroyed) {
        return;
      }
      const job = jobs.get(id);
      if (job !== null) {
        cancelJobs([job], [id]);
        jobs.delete(id);
      }
      store.dispatch({ type: "removed", ids: [id] });
    },
    setOptions(partial) {
      if (isDestroyed) {
        return;
      }
      const wasAutoStart = settings.autoStart;
      settings = normalizeUploaderOptions({ ...settings.given, ...partial });
      warmUp();
      if (!wasAutoStart && settings.autoStart) {
        start();
      }
      pump();
    },
    destroy() {
      if (isDestroyed) {
        return;
      }
      cancelJobs(jobs.list(true), null);
      isDestroyed = true;
      monitor.stop();
      tokens.destroy();
      store.destroy();
      jobs.clear();
    },
  };
}
