// How a job ends: the success path (with its optional wait for encoding) and the final
// settlement that calls the user's callbacks. Shared by `runJob` and `createUploader` (cancel).
import type { UploadError } from "./errors.js";
import { listPhotos } from "./listPhotos.js";
import type { UploadItem, UploadResult } from "./types.js";
import type { UploaderEngine, UploadJob } from "./uploadJob.js";
import { withDeadline } from "./withDeadline.js";

// Errors thrown by user callbacks must not break the queue: report them asynchronously.
function report(callback: ((item: UploadItem) => void) | undefined, item: UploadItem | undefined) {
  if (callback === undefined || item === undefined) {
    return;
  }
  try {
    callback(item);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

/** Ends a job for good and calls `onSuccess`/`onError` (exactly once per settlement). */
export function settleJob(
  engine: UploaderEngine,
  job: UploadJob,
  outcome: { readonly result: UploadResult } | { readonly error: UploadError },
): void {
  // A failure keeps `unreconciled`: a person's retry looks the earlier attempt up first.
  job.phase = "settled";
  job.run = null;
  engine.tokens.forget(job.id);
  const { store } = engine;
  if ("result" in outcome) {
    store.dispatch({ type: "succeeded", id: job.id, result: outcome.result });
    report(engine.settings().given.onSuccess, store.getSnapshot().byId.get(job.id));
  } else {
    store.dispatch({ type: "failed", id: job.id, error: outcome.error });
    report(engine.settings().given.onError, store.getSnapshot().byId.get(job.id));
  }
}

/** Records a stored file; settles now, or after the encoding wait when one is asked for. */
export function succeedJob(engine: UploaderEngine, job: UploadJob, result: UploadResult): void {
  job.unreconciled = null;
  engine.attributed.add(result.photoId);
  const settings = engine.settings();
  const encoding = settings.waitForEncoding;
  const videoToken = result.token;
  if (encoding === null || videoToken === null) {
    settleJob(engine, job, { result });
    return;
  }
  // Encoding can take many minutes: the wait holds no upload slot.
  const control = new AbortController();
  job.phase = "encoding";
  job.run = control;
  engine.store.dispatch({ type: "encodingStarted", id: job.id, result });
  const { site } = settings.given;
  const { apiVersion, requestTimeoutMs } = settings;
  const jsonpFallback = settings.given.jsonpFallback !== false;
  // Downloaded on first use (most apps do not wait for encoding). Code that cannot be
  // downloaded skips the wait, as a timeout does: the file is stored either way.
  void import("./waitForEncoding.js")
    .then(({ waitForEncoding }) =>
      waitForEncoding(
        {
          // A check that never answers is a failed check: the next one may work.
          listPhotos: (site, version, query, signal) =>
            withDeadline(signal, requestTimeoutMs, (inner) =>
              listPhotos(site, version, query, inner, undefined, jsonpFallback),
            ),
        },
        {
          ...encoding,
          site,
          apiVersion,
          photoId: result.photoId,
          token: videoToken,
          signal: control.signal,
        },
      ),
    )
    .catch(() => false)
    .then(() => {
      if (job.run === control) {
        settleJob(engine, job, { result });
      }
    });
}
