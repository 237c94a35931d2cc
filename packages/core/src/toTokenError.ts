// A failure to get a token, expressed as an `UploadError` so that an item always carries one
// kind of error, and so that the retry policy can judge it like any other failure.
import { TwentyThreeUploadError, UploadError } from "./errors.js";

/**
 * Maps what `requestUploadToken` throws to an `UploadError`:
 * - no answer from the endpoint (offline, CORS, a token function that threw) → `network`;
 * - an HTTP error status from the endpoint → `http` with that status (so 5xx is retried);
 * - TwentyThree's error envelope, or an answer that is not a token → `token-invalid`
 *   (one more try with a fresh token, then the error is shown).
 */
export function toTokenError(error: unknown): UploadError {
  if (error instanceof UploadError) {
    return error;
  }
  const reason = error instanceof Error ? ` ${error.message}` : "";
  const message = `Could not get an upload token.${reason}`;
  if (error instanceof TwentyThreeUploadError) {
    const status = (error as { status?: unknown }).status;
    const serverMessage = (error as { serverMessage?: unknown }).serverMessage;
    const details = {
      cause: error,
      serverMessage: typeof serverMessage === "string" ? serverMessage : null,
    };
    if (error.code === "token_endpoint_error" && typeof status === "number") {
      return new UploadError("http", message, { ...details, status });
    }
    if (error.code === "token_endpoint_unreachable" || error.code === "token_source_failed") {
      return new UploadError("network", message, details);
    }
    return new UploadError("token-invalid", message, details);
  }
  return new UploadError("network", message, { cause: error });
}
