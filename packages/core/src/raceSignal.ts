import { abortedError } from "./abortedError.js";

/**
 * Settles as `promise` does, or rejects with an `aborted` UploadError as soon as `signal` aborts,
 * without canceling `promise` (others may be waiting on it).
 */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(signal));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
