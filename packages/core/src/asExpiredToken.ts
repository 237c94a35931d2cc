import { UploadError } from "./errors.js";

/**
 * The uploader's own `validUntil` check: TwentyThree's refusal of a token whose `valid_until` has
 * passed is `token-expired`, with TwentyThree's words kept in `serverMessage`. Transports cannot
 * tell (TwentyThree's refusal text is not documented), so they report `token-invalid`. Any other
 * error comes back as is.
 */
export function asExpiredToken(error: UploadError, validUntil: Date): UploadError {
  return error.kind === "token-invalid" && !error.ambiguous && validUntil.getTime() <= Date.now()
    ? new UploadError("token-expired", "The upload token expired.", {
        ...error,
        cause: error,
      })
    : error;
}
