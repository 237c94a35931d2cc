import { UploadError } from "./errors.js";

/** The `aborted` error of an upload, or of a step on its way, canceled through `signal`. */
export function abortedError(signal: AbortSignal): UploadError {
  return new UploadError("aborted", "The upload was canceled.", { cause: signal.reason });
}
