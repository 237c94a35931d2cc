// One attempt at sending one file: the transport call wrapped in stall detection and progress
// tracking. Never throws; the outcome says whether bytes left the browser, which decides
// whether the token may be used again.
import { forwardAbort } from "./abortedError.js";
import { TwentyThreeUploadError, UploadError } from "./errors.js";
import { createProgressTracker } from "./progressTracker.js";
import { createStallWatch, type StallPhase } from "./stallWatch.js";
import type { ProgressState, Transport, TransportRequest, UploadResult } from "./types.js";

/** What {@link sendAttempt} needs. */
export interface SendAttemptOptions {
  readonly transport: Transport;
  readonly request: Omit<TransportRequest, "signal" | "onProgress" | "onBodySent" | "onSubmitted">;
  /** Cancels the attempt (the outcome is then an `aborted` error). */
  readonly signal: AbortSignal;
  readonly stallTimeoutMs: number;
  readonly responseTimeoutMs: number;
  readonly onProgress: (progress: ProgressState) => void;
  readonly onBodySent: () => void;
  /** The transport handed the request to the browser without byte counts (the iframe). */
  readonly onSubmitted: () => void;
}

/** How the attempt ended. */
export type SendOutcome =
  | { readonly ok: true; readonly result: UploadResult }
  | {
      readonly ok: false;
      readonly error: UploadError;
      /** Whether the transport reported any progress, i.e. bytes may have reached the server. */
      readonly hasSent: boolean;
      /** Another attempt would fail the same way (the library's own error, e.g. `invalid_site`). */
      readonly isFinal: boolean;
    };

function describeDuration(ms: number): string {
  if (ms < 1000) {
    return `${ms} ms`;
  }
  if (ms < 120_000) {
    return `${Math.round(ms / 1000)} s`;
  }
  return `${Math.round(ms / 60_000)} min`;
}

function timeoutError(
  phase: StallPhase,
  options: SendAttemptOptions,
  isSubmitted: boolean,
): UploadError {
  const response = describeDuration(options.responseTimeoutMs);
  switch (phase) {
    case "sending":
      return new UploadError(
        "timeout",
        `The upload stalled: no progress for ${describeDuration(options.stallTimeoutMs)}.`,
        { ambiguous: isSubmitted },
      );
    case "response":
      return new UploadError(
        "timeout",
        `TwentyThree did not answer within ${response} after the file was sent.`,
        { ambiguous: true },
      );
    case "unknown":
      // The browser never said how much it sent: the file may be stored already.
      return new UploadError("timeout", `TwentyThree did not answer within ${response}.`, {
        ambiguous: true,
      });
  }
}

/** Sends the file once. Resolves with the outcome; never rejects. */
export async function sendAttempt(options: SendAttemptOptions): Promise<SendOutcome> {
  const controller = new AbortController();
  let stalledIn: StallPhase | null = null;
  let hasSent = false;
  let isBodySent = false;
  // Submitted without byte counts (the iframe): the file may be stored from here on.
  let isSubmitted = false;
  let isOver = false;
  const watch = createStallWatch({
    stallTimeoutMs: options.stallTimeoutMs,
    responseTimeoutMs: options.responseTimeoutMs,
    onStall(phase) {
      stalledIn = phase;
      // No reason: browsers before Chrome 98 drop it, and `stalledIn` says what happened.
      controller.abort();
    },
  });
  const tracker = createProgressTracker(options.request.file.size);
  // Stop the timers at once on cancel: destroy() must leave no timer behind.
  const follow = () => {
    watch.stop();
    forwardAbort(controller, options.signal);
  };
  options.signal.addEventListener("abort", follow, { once: true });

  try {
    if (options.signal.aborted) {
      throw new UploadError("aborted", "The upload was canceled.");
    }
    const result = await options.transport({
      ...options.request,
      signal: controller.signal,
      onProgress(progress) {
        if (isOver || isBodySent) {
          return;
        }
        hasSent = true;
        // Without byte counts (the iframe transport) silence proves nothing: no stall timer.
        if (progress.total !== null) {
          watch.progress(progress.loaded);
        }
        options.onProgress(tracker.update(progress.loaded, progress.total, Date.now()));
      },
      onBodySent() {
        if (isOver || isBodySent) {
          return;
        }
        hasSent = true;
        isBodySent = true;
        watch.bodySent();
        options.onBodySent();
      },
      onSubmitted() {
        if (isOver || isBodySent || isSubmitted) {
          return;
        }
        hasSent = true;
        isSubmitted = true;
        // No timer starts: a big file's form POST may take long, and nothing reports progress.
        options.onSubmitted();
      },
    });
    return { ok: true, result };
  } catch (caught) {
    let error: UploadError;
    let isFinal = false;
    if (stalledIn !== null) {
      error = timeoutError(stalledIn, options, isSubmitted);
    } else if (options.signal.aborted) {
      // Nobody shows this error (the canceled item gets the uploader's); it decides the token.
      error = new UploadError("aborted", "The upload was canceled.", {
        ambiguous: isBodySent || isSubmitted,
        cause: caught,
      });
    } else if (caught instanceof UploadError) {
      // A 5xx to a body that went out whole may come from a gateway that gave up while
      // TwentyThree stored the file (502, 504): look it up before sending it again.
      error =
        isBodySent && caught.kind === "http" && (caught.status ?? 0) >= 500 && !caught.ambiguous
          ? new UploadError("http", caught.message, { ...caught, ambiguous: true, cause: caught })
          : caught;
    } else {
      // A transport that breaks its contract: a network failure, ambiguous once the body was
      // sent. The library's own errors (a bad site, an answer of no known shape) keep their
      // message and are final: retrying would only fail again.
      const own = caught instanceof TwentyThreeUploadError ? caught.message : null;
      isFinal = own !== null;
      error = new UploadError("network", own ?? "The upload failed unexpectedly.", {
        ambiguous: isBodySent || isSubmitted,
        cause: caught,
      });
    }
    return { ok: false, error, hasSent: hasSent || error.ambiguous, isFinal };
  } finally {
    isOver = true;
    watch.stop();
    options.signal.removeEventListener("abort", follow);
  }
}
