// Reconciliation: after an attempt that may have stored the file (its answer was lost), ask
// TwentyThree what its token stored before sending the file again, so nothing is stored twice.
import { UploadError } from "./errors.js";
import { findUploads as defaultFindUploads } from "./findUploads.js";
import type { UploadResult } from "./types.js";
import type { UploaderEngine, UploadJob } from "./uploadJob.js";
import { withDeadline } from "./withDeadline.js";

/**
 * Looks for what an ambiguous attempt may have stored: its result, `null` (nothing of this file's
 * was stored), `"unknown"` (the look-up failed) or `"unclear"` (something was stored, but nothing
 * proves it is this file's).
 *
 * photo/list tells uploads apart by their upload token alone: it reports nothing of the file
 * (no size, no name, no checksum), and a title may be shared. So an upload is credited to this
 * file only when it can be nobody else's: the token lists exactly one upload not credited to
 * another item, no other item of this uploader used the token and may have stored its file, and
 * the upload's title is not another one than this file's token gives (a token used before, for
 * another file, e.g. handed out again by a caching endpoint).
 */
export async function reconcileUpload(
  engine: UploaderEngine,
  job: UploadJob,
  signal: AbortSignal,
): Promise<UploadResult | null | "unknown" | "unclear"> {
  const pending = job.unreconciled;
  if (pending === null) {
    return null;
  }
  const settings = engine.settings();
  let found: readonly UploadResult[];
  try {
    if (pending.isShared) {
      // Answers of other attempts with this token may still come: wait, so they get credited
      // to their own items first.
      await engine.tokens.whenIdle(pending.token, signal);
    }
    const find = settings.given.findUploads ?? defaultFindUploads;
    // A look-up that never answers is an unknown outcome, like one that failed.
    found = await withDeadline(signal, settings.requestTimeoutMs, (inner) =>
      find({
        token: pending.token,
        site: settings.given.site,
        apiVersion: settings.apiVersion,
        signal: inner,
        jsonpFallback: settings.given.jsonpFallback !== false,
      }),
    );
  } catch {
    return "unknown";
  }
  const candidates = found.filter((result) => !engine.attributed.has(result.photoId));
  const { uploadToken } = pending.token;
  // Another item whose upload with this token may have been stored (an endpoint that hands out
  // one token twice, the shared strategy): any candidate may be that item's.
  const hasRival = engine
    .jobs()
    .some(
      (other) =>
        typeof other !== "string" &&
        other !== job &&
        (other.unreconciled?.token.uploadToken === uploadToken ||
          other.sending?.token.uploadToken === uploadToken),
    );
  const [candidate] = candidates;
  if (candidates.length > 1 || (candidate && (hasRival || isOtherTitle(candidate, job)))) {
    return "unclear";
  }
  job.unreconciled = null;
  if (!candidate) return null;
  const { title: _title, ...params } = candidate.params;
  return { ...candidate, params };
}

/** TwentyThree strips HTML tags from titles. */
const plain = (title: string) => title.replace(/<[^>]*>/g, "").trim();

/**
 * The listed title (`params.title`, from findUploads) differs from the one this file's upload
 * got: the token's, or else the title this file asked for (the shared strategy asks for none).
 */
function isOtherTitle(result: UploadResult, job: UploadJob): boolean {
  const pending = job.unreconciled;
  const listed = result.params.title;
  const expected = plain(
    pending?.token.title || (pending?.isShared ? "" : (job.item.meta.title ?? "")),
  );
  return listed !== undefined && expected !== "" && plain(listed) !== expected;
}

/** The failure of an attempt whose look-up found uploads it cannot tell apart (`"unclear"`). */
export function unclearError(error: UploadError): UploadError {
  return new UploadError(
    error.kind,
    "The file may have arrived. Check the video site before sending it again.",
    { ...error, ambiguous: true, cause: error },
  );
}
