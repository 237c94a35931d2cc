// The optional after-upload step: ask TwentyThree every `intervalMs` whether the video is
// encoded, until it is or `timeoutMs` passes. Failed checks are ignored (the next one may work);
// the upload itself is already stored, so nothing here can make it fail.

/** Options of {@link pollEncoding}. */
export interface PollEncodingOptions {
  /** Resolves `true` once the video is encoded. */
  readonly check: (signal: AbortSignal) => Promise<boolean>;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * Polls until encoded (`true`), the deadline passes (`false`) or `signal` aborts (`false`).
 * The first check happens right away.
 */
export async function pollEncoding(options: PollEncodingOptions): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  while (!options.signal.aborted) {
    try {
      if (await options.check(options.signal)) {
        return true;
      }
    } catch {
      // A failed check is retried on the next tick; the deadline bounds the whole wait.
    }
    const wait = Math.min(options.intervalMs, deadline - Date.now());
    if (wait <= 0 || options.signal.aborted) {
      return false;
    }
    await sleep(wait, options.signal);
  }
  return false;
}
