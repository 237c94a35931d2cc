import { TwentyThreeApiError } from "./errors.js";
import { redactSecrets } from "./redactSecrets.js";

/**
 * TwentyThree's error envelope (`status="error"` with `code` and `message`; legacy answers it with
 * HTTP 200, v2 with a 4xx/5xx) as a {@link TwentyThreeApiError}, or `null` when `value` is not one.
 */
export function apiErrorOf(value: unknown, httpStatus: number | null): TwentyThreeApiError | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if (record.status !== "error") return null;
  const code = typeof record.code === "string" && record.code !== "" ? record.code : "api_error";
  const message =
    typeof record.message === "string" && record.message.trim() !== ""
      ? redactSecrets(record.message.trim())
      : `TwentyThree answered with an error (${code}).`;
  return new TwentyThreeApiError(code, message, httpStatus);
}
