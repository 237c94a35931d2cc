/**
 * Milliseconds to wait from a `Retry-After` header: delay-seconds (`"120"`) or an HTTP date.
 * `null` when the header is absent (or not exposed to us by CORS) or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
