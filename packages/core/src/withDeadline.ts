// A request that never answers (a proxy that holds the connection open) must not hold an upload
// slot forever. Plain timers rather than AbortSignal.timeout/any: fake timers drive them in
// tests, and AbortSignal.any is missing from browsers we still support.

import { abortedError, forwardAbort } from "./abortedError.js";
import { isPromiseLike } from "./isPromiseLike.js";

/**
 * Runs `run` with a signal that also aborts after `ms`; by then it rejects with `timedOut(ms)`,
 * even if `run` ignores its signal. When `signal` aborts, it rejects at once with an `aborted`
 * UploadError, likewise. Without `ms`, it is just `run(signal)`. A value `run` returns
 * at once (not a promise) is returned as is, in the same task: nothing was waited for.
 */
export function withDeadline<T, S extends AbortSignal | undefined>(
  signal: S,
  ms: number | undefined,
  run: (signal: S | AbortSignal) => Promise<T>,
  timedOut?: (ms: number) => Error,
): Promise<T>;
export function withDeadline<T, S extends AbortSignal | undefined>(
  signal: S,
  ms: number | undefined,
  run: (signal: S | AbortSignal) => T | Promise<T>,
  timedOut?: (ms: number) => Error,
): T | Promise<T>;
export function withDeadline<T, S extends AbortSignal | undefined>(
  signal: S,
  ms: number | undefined,
  run: (signal: S | AbortSignal) => T | Promise<T>,
  timedOut?: (ms: number) => Error,
): T | Promise<T> {
  if (ms === undefined) return run(signal);
  const controller = new AbortController();
  const stop = () => forwardAbort(controller, signal);
  signal?.addEventListener("abort", stop);
  if (signal?.aborted) stop();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settleAborted = () => {};
  const done = () => {
    clearTimeout(timer);
    signal?.removeEventListener("abort", stop);
    signal?.removeEventListener("abort", settleAborted);
  };
  let result: T | Promise<T>;
  try {
    result = run(controller.signal);
  } catch (error) {
    done();
    throw error;
  }
  if (!isPromiseLike(result)) {
    done();
    return result;
  }
  const pending = result;
  return new Promise<T>((resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      // Not through the signal's reason: browsers before Chrome 98 / Firefox 97 drop it.
      reject(timedOut?.(ms) ?? new DOMException("The operation timed out.", "TimeoutError"));
    }, ms);
    // Canceled from outside: settle now and clear the timer, even if `run` ignores its signal
    // (destroy() must leave no timer behind).
    settleAborted = () => reject(abortedError(signal as AbortSignal));
    if (signal?.aborted) settleAborted();
    signal?.addEventListener("abort", settleAborted);
    pending.then(resolve, reject);
  }).finally(done);
}
