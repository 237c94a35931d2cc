// One turn of a job in a slot: reconcile a possibly-stored earlier attempt, get a token, send,
// and decide what happens next (success, encoding wait, backoff, a fresh token, or failure).
import { asExpiredToken } from "./asExpiredToken.js";
import { UploadError } from "./errors.js";
import { reconcileUpload, unclearError } from "./reconcileUpload.js";
import { retryDelayMs } from "./retryPolicy.js";
import { sendAttempt } from "./sendAttempt.js";
import { settleJob, succeedJob } from "./settleJob.js";
import { isPromiseLike } from "./isPromiseLike.js";
import type { TokenLease, TokenOutcome } from "./tokenManager.js";
import { toTokenError } from "./toTokenError.js";
import type { UploadTokenRequest } from "./types.js";
import type { UploaderEngine, UploadJob } from "./uploadJob.js";

function tokenRequest(engine: UploaderEngine, job: UploadJob): UploadTokenRequest {
  const { meta, name, size, type } = job.item;
  if (engine.settings().tokenStrategy === "shared") {
    // One token's title would name every file of the batch: leave titles to the endpoint.
    const { title: _title, ...shared } = meta;
    return shared;
  }
  return { ...meta, fileName: name, fileSize: size, fileType: type };
}

/** Runs one attempt of `job` in a slot; the slot is freed when the returned promise settles. */
export async function runJob(engine: UploaderEngine, job: UploadJob): Promise<void> {
  const control = new AbortController();
  job.phase = "running";
  job.run = control;
  job.attempt += 1;
  engine.running.add(control);
  engine.store.dispatch({ type: "attemptStarted", id: job.id, attempt: job.attempt });
  try {
    await attempt(engine, job, control.signal);
  } catch (error) {
    // A misbehaving hook (findUploads, transport): fail the item rather than leave it spinning.
    if (!control.signal.aborted) {
      const failure =
        error instanceof UploadError
          ? error
          : new UploadError("network", "The upload failed unexpectedly.", { cause: error });
      settleJob(engine, job, { error: failure });
    }
  } finally {
    engine.running.delete(control);
    if (job.run === control) {
      job.run = null;
    }
    engine.pump();
  }
}

/** How the attempt ended for its token (see `TokenOutcome`). */
function tokenOutcomeOf(error: UploadError, hasSent: boolean, isCanceled: boolean): TokenOutcome {
  if (error.kind === "token-expired" || error.kind === "token-invalid") {
    return "refused";
  }
  // Canceled with the request under way: a person's retry looks this attempt up first, so a
  // shared token takes no more uploads (one stored meanwhile would look like this file's).
  if (error.ambiguous || (isCanceled && hasSent)) return "ambiguous";
  return hasSent ? "used" : "unused";
}

/**
 * Before sending again after an attempt that may have stored the file: was it stored after all?
 * Returns `true` when that settled (or paused) the job, `false` when the attempt should go ahead.
 * `isRetried`: a person asked for this attempt.
 */
async function resolveEarlierAttempt(
  engine: UploaderEngine,
  job: UploadJob,
  signal: AbortSignal,
  isRetried: boolean,
): Promise<boolean> {
  const pending = job.unreconciled;
  if (pending === null) {
    return false;
  }
  const found = await reconcileUpload(engine, job, signal);
  if (signal.aborted) {
    return true;
  }
  if (found === "unknown" || found === "unclear") {
    if (found === "unknown" && !engine.monitor.isOnline()) {
      // The connection dropped while looking: look again once it is back.
      job.isRetried = isRetried;
      requeue(engine, job, pending.error);
      return true;
    }
    if (!isRetried && pending.error !== null) {
      // Unknown outcome: retrying could store the file twice. A person decides (manual retry).
      const error = found === "unclear" ? unclearError(pending.error) : pending.error;
      settleJob(engine, job, { error });
      return true;
    }
    // A person retried an item that said the file may be stored already: send it, as asked.
    // They took that risk once: later automatic retries of this send must not stop at the same
    // earlier attempt again (its look-up would say the same, and fail the item with its error).
    job.unreconciled = null;
    return false;
  }
  if (found !== null) {
    succeedJob(engine, job, found);
    return true;
  }
  return false;
}

async function attempt(engine: UploaderEngine, job: UploadJob, signal: AbortSignal) {
  const { isRetried } = job;
  job.isRetried = false;
  if (job.unreconciled !== null && (await resolveEarlierAttempt(engine, job, signal, isRetried))) {
    return;
  }
  let lease: TokenLease;
  try {
    // A token at hand is used in this task: the request then goes out before the page renders
    // the pick (an `await` would let a React render of the change event go first).
    const acquired = engine.tokens.acquire(job.id, tokenRequest(engine, job), signal);
    lease = isPromiseLike(acquired) ? await acquired : acquired;
  } catch (error) {
    // A token function can fail in the task of add() or retry(): settle after the command
    // returned, so that its caller has the item's id before any onError or `failed` state.
    await Promise.resolve();
    if (!signal.aborted) {
      await handleFailure(engine, job, toTokenError(error), signal);
    }
    return;
  }
  if (signal.aborted) {
    lease.release("unused");
    return;
  }
  const settings = engine.settings();
  const attemptNumber = job.attempt;
  const { store } = engine;
  const sent = { token: lease.token, isShared: lease.isShared, error: null };
  const outcome = await sendAttempt({
    transport: engine.transport(),
    request: {
      file: job.file,
      fileName: job.item.name || "file",
      token: lease.token,
      site: settings.given.site,
      apiVersion: settings.apiVersion,
      fields: {},
    },
    signal,
    stallTimeoutMs: settings.stallTimeoutMs,
    responseTimeoutMs: settings.responseTimeoutMs,
    onProgress: (progress) => {
      job.sending = sent;
      store.queueProgress({ id: job.id, attempt: attemptNumber, progress });
    },
    onBodySent: () => {
      // From here the file may be stored whatever comes next (a lost answer, a cancel).
      job.unreconciled = sent;
      store.dropProgress(job.id);
      store.dispatch({ type: "bodySent", id: job.id, attempt: attemptNumber });
    },
    // The iframe's form POST: no byte counts, no "body sent" before the answer. The item stays
    // `uploading`, but from here on it may be stored, as after onBodySent.
    onSubmitted: () => {
      job.unreconciled = sent;
    },
  });
  store.dropProgress(job.id);
  if (job.sending === sent) {
    job.sending = null;
  }
  if (outcome.ok) {
    lease.release("used");
    if (!signal.aborted) {
      succeedJob(engine, job, outcome.result);
    }
    return;
  }
  const error = asExpiredToken(outcome.error, lease.token.validUntil);
  lease.release(tokenOutcomeOf(error, outcome.hasSent, signal.aborted));
  if (signal.aborted) {
    return;
  }
  if (error.ambiguous) {
    job.unreconciled = { ...sent, error };
  } else if (job.unreconciled === sent) {
    // TwentyThree answered with an error: nothing was stored.
    job.unreconciled = null;
  }
  await handleFailure(engine, job, error, signal, outcome.isFinal);
}

function requeue(engine: UploaderEngine, job: UploadJob, error: UploadError | null) {
  engine.makeReady(job, true);
  engine.store.dispatch({ type: "requeued", id: job.id, error });
}

async function handleFailure(
  engine: UploaderEngine,
  job: UploadJob,
  error: UploadError,
  signal: AbortSignal,
  isFinal = false,
) {
  const isTokenError = error.kind === "token-expired" || error.kind === "token-invalid";
  const isVerdict =
    isFinal || isTokenError || error.kind === "file-rejected" || error.kind === "aborted";
  if (!isVerdict && !engine.monitor.isOnline()) {
    // Failing while offline is expected: pause without using up a retry.
    requeue(engine, job, error);
    return;
  }
  if (isTokenError && !job.hasRefreshedToken) {
    // One fresh token, then a clear error. ("Already used" may mean our own earlier request
    // landed: the next attempt reconciles first.)
    job.hasRefreshedToken = true;
    requeue(engine, job, error);
    return;
  }
  const policy = engine.settings().retry;
  if (
    !isFinal &&
    !isTokenError &&
    error.kind !== "aborted" &&
    job.retriesUsed < policy.retries &&
    policy.shouldRetry(error, job.attempt)
  ) {
    job.retriesUsed += 1;
    const delay = retryDelayMs(job.retriesUsed, error, policy);
    job.phase = "waiting";
    job.timer = setTimeout(() => {
      job.timer = null;
      if (job.phase === "waiting" && !engine.isDestroyed()) {
        requeue(engine, job, error);
        engine.pump();
      }
    }, delay);
    engine.store.dispatch({
      type: "retryScheduled",
      id: job.id,
      error,
      retryAt: Date.now() + delay,
    });
    return;
  }
  if (job.unreconciled !== null) {
    // No more attempts, but this one may have landed: look before calling it failed.
    const found = await reconcileUpload(engine, job, signal);
    if (signal.aborted) {
      return;
    }
    if (found === "unclear") {
      error = unclearError(error);
    } else if (found !== null && found !== "unknown") {
      succeedJob(engine, job, found);
      return;
    }
    if (found === null) {
      // Not stored after all: the failure is no longer ambiguous (nothing to warn about).
      error = new UploadError(error.kind, error.message, {
        ...error,
        ambiguous: false,
        cause: error.cause,
      });
    }
  }
  settleJob(engine, job, { error });
}
