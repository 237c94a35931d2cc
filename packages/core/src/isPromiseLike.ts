/**
 * Whether `value` is a promise (or any thenable). The upload start path takes values that may be
 * ready now or later (a token, a lease) and continues in the same task when they are ready now:
 * an `await` would hand the page to whatever else is queued (a React render) before the upload
 * request goes out.
 */
export function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}
