// A request that never answers (a proxy that holds the connection open) must not hold an upload
// slot forever. Plain timers rather than AbortSignal.timeout/any: fake timers drive them in
// tests, and AbortSignal.any is missing from browsers we still support.

/**
 * Runs `run` with a signal that also aborts after `ms`; by then it rejects with `timedOut(ms)`,
 * even if `run` ignores its signal. Without `ms`, it is just `run(signal)`.
 */
export function withDeadline<T, S extends AbortSignal | undefined>(
  signal: S,
  ms: number | undefined,
  run: (signal: S | AbortSignal) => Promise<T>,
  timedOut?: (ms: number) => Error,
): Promise<T> {
  if (ms === undefined) return run(signal);
  const controller = new AbortController();
  const stop = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", stop);
  if (signal?.aborted) stop();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<T>((resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort(timedOut?.(ms));
      reject(controller.signal.reason);
    }, ms);
    run(controller.signal).then(resolve, reject);
  }).finally(() => {
    clearTimeout(timer);
    signal?.removeEventListener("abort", stop);
  });
}
