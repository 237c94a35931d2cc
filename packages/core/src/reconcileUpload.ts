// Reconciliation: after an attempt that may have stored the file (its answer was lost), ask
// TwentyThree what its token stored before sending the file again, so nothing is stored twice.
import { findUploads as defaultFindUploads } from "./findUploads.js";
import type { UploadResult } from "./types.js";
import type { UploaderEngine, UploadJob } from "./uploadJob.js";
import { withDeadline } from "./withDeadline.js";

/** Looks for what an ambiguous attempt may have stored: a result, `null`, or `"unknown"`. */
export async function reconcileUpload(
  engine: UploaderEngine,
  job: UploadJob,
  signal: AbortSignal,
): Promise<UploadResult | null | "unknown"> {
  const pending = job.unreconciled;
  if (pending === null) {
    return null;
  }
  const settings = engine.settings();
  try {
    if (pending.isShared) {
      // Answers of other attempts with this token may still come: wait, so they get credited
      // to their own items first.
      await engine.tokens.whenIdle(pending.token, signal);
    }
    const find = settings.given.findUploads ?? defaultFindUploads;
    // A look-up that never answers is an unknown outcome, like one that failed.
    const found = await withDeadline(signal, settings.requestTimeoutMs, (inner) =>
      find({
        token: pending.token,
        site: settings.given.site,
        apiVersion: settings.apiVersion,
        signal: inner,
        jsonpFallback: settings.given.jsonpFallback !== false,
      }),
    );
    job.unreconciled = null;
    // "Already used" can also mean the token was used by another file (an endpoint that handed
    // it out twice): an upload of another size is not this file's, whatever the token says.
    const isThisFile = (result: UploadResult) =>
      result.params.size === undefined || Number(result.params.size) === job.file.size;
    return (
      found.find((result) => !engine.attributed.has(result.photoId) && isThisFile(result)) ?? null
    );
  } catch {
    return "unknown";
  }
}
