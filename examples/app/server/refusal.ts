// Every answer of the token endpoint is JSON that must never be cached: a token is a credential,
// and a refusal should reach the page exactly as it was made.

/** Why a request was turned away: the HTTP status, a stable code and a plain sentence. */
export interface Refusal {
  readonly status: 400 | 401 | 403 | 405 | 413 | 415 | 422 | 500 | 502;
  /** Stable, for programs: `missing_csrf_header`, `invalid_field`, `upstream_error`, … */
  readonly error: string;
  /** For people; never contains a token, secret or the request's own values. */
  readonly message: string;
  /** The request field a 422 is about. */
  readonly field?: string;
}

const NO_STORE = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
} as const;

/** A JSON response that no cache keeps. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...NO_STORE, ...headers } });
}

/** `{ error, message, field? }` with the refusal's status. */
export function refusalResponse(refusal: Refusal): Response {
  const body: Record<string, string> = { error: refusal.error, message: refusal.message };
  if (refusal.field !== undefined) body.field = refusal.field;
  // 405 must say what is allowed (RFC 9110 §15.5.6).
  return jsonResponse(refusal.status, body, refusal.status === 405 ? { Allow: "POST" } : {});
}
