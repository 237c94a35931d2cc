import type { IncomingMessage } from "node:http";

// The emulator allows any origin with `*` and no credentials: uploads need no cookies, and `*`
// also satisfies the `Origin: null` that follows a cross-origin redirect.

/** Headers on every non-preflight answer. */
export function corsHeaders(): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "Retry-After, Location",
  };
}

/** Headers answering a preflight: whatever method and headers were asked for are allowed. */
export function preflightHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {
    ...corsHeaders(),
    "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
    "Access-Control-Max-Age": "600",
    Vary: "Access-Control-Request-Headers",
  };
  const requested = req.headers["access-control-request-headers"];
  if (typeof requested === "string" && requested !== "") {
    headers["Access-Control-Allow-Headers"] = requested;
  }
  if (req.headers["access-control-request-private-network"] === "true") {
    headers["Access-Control-Allow-Private-Network"] = "true";
  }
  return headers;
}

/** A CORS preflight: OPTIONS with `Access-Control-Request-Method`. */
export function isPreflight(req: IncomingMessage): boolean {
  return req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
}
