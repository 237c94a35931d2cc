// CSRF defence for the token endpoint. Minting a token is a state change worth guarding: a page
// on another site must not be able to make a signed-in user's browser ask for one. Three checks,
// each enough on its own in current browsers, together covering older ones:
// 1. A custom header. A cross-origin page can only send it after a CORS preflight, and this
//    endpoint answers no preflight, so forms, <img> and "simple" fetches cannot carry it.
// 2. Fetch Metadata: when the browser says the request is `cross-site`, refuse it.
// 3. Origin: when the browser names the requesting origin, it must be one of the app's.
// Requests without Origin or Sec-Fetch-Site (curl, server-to-server) still need the header; they
// are not CSRF vectors, because no victim's browser (and no cookie of theirs) is involved.
import type { Refusal } from "./refusal.js";

/** The header (and value) the browser library sends with every token request. */
export const CSRF_HEADER = "X-Requested-With";
export const CSRF_HEADER_VALUE = "twentythree-upload";

const SAME_SITE_VALUES = new Set(["same-origin", "same-site"]);

/** `null` when the request may go on, otherwise why not. */
export function checkCsrf(request: Request, allowedOrigins: ReadonlySet<string>): Refusal | null {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && !SAME_SITE_VALUES.has(fetchSite.toLowerCase())) {
    return {
      status: 403,
      error: "cross_site_request",
      message: "Upload tokens can only be requested by pages of this site.",
    };
  }
  const origin = request.headers.get("origin");
  // `Origin: null` (sandboxed frames, file: pages, some redirects) is not one of ours either.
  if (origin !== null && !allowedOrigins.has(origin)) {
    return {
      status: 403,
      error: "origin_not_allowed",
      message: "This origin is not allowed to request upload tokens.",
    };
  }
  if (request.headers.get(CSRF_HEADER)?.trim().toLowerCase() !== CSRF_HEADER_VALUE) {
    return {
      status: 403,
      error: "missing_csrf_header",
      message: `The request must carry the header "${CSRF_HEADER}: ${CSRF_HEADER_VALUE}".`,
    };
  }
  return null;
}
