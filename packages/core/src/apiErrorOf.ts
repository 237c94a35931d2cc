import { isRecord } from "./apiFields.js";
import { TwentyThreeApiError } from "./errors.js";
import { redactSecrets } from "./redactSecrets.js";

/**
 * TwentyThree's error envelope (`status="error"` with `code` and `message`; legacy answers it with
 * HTTP 200, v2 with a 4xx/5xx) as a {@link TwentyThreeApiError}, or `null` when `value` is not one.
 */
export function apiErrorOf(value: unknown, httpStatus: number | null): TwentyThreeApiError | null {
  if (!isRecord(value) || value.status !== "error") return null;
  const code = typeof value.code === "string" && value.code !== "" ? value.code : "api_error";
  const message =
    typeof value.message === "string" && value.message.trim() !== ""
      ? redactSecrets(value.message.trim())
      : `TwentyThree answered with an error (${code}).`;
  return new TwentyThreeApiError(code, message, httpStatus);
}
