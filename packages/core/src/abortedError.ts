import { UploadError } from "./errors.js";

/**
 * Why `signal` aborted, for an error's `cause` only: browsers before Chrome 98 / Firefox 97 keep
 * no abort reason (it is `undefined` there), so no outcome may depend on it.
 */
export function abortReason(signal: AbortSignal | undefined): unknown {
  // eslint-disable-next-line browser-range/members -- a diagnostic cause, undefined on older browsers
  return signal?.reason;
}

/** Aborts `controller` because `signal` aborted, passing its reason on where browsers keep one. */
export function forwardAbort(controller: AbortController, signal: AbortSignal | undefined): void {
  // eslint-disable-next-line browser-range/members -- the reason is a diagnostic cause only
  controller.abort(abortReason(signal));
}

/** The `aborted` error of an upload, or of a step on its way, canceled through `signal`. */
export function abortedError(signal: AbortSignal): UploadError {
  return new UploadError("aborted", "The upload was canceled.", { cause: abortReason(signal) });
}
