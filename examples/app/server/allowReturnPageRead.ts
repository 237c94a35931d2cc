// The return URL's page must be readable across origins. An XHR upload (with progress
// listeners, so CORS-preflighted) follows TwentyThree's 301 to return_url; after that cross-origin
// redirect the browser sends `Origin: null`, preflights again, and only hands the final URL
// (which carries photo_id, token, …) to the library if the page allows it. Without this, every
// upload looks failed although TwentyThree stored it, and the library has to reconcile.
// The page is the app's public index.html, so allowing any origin to read it exposes nothing.
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Adds `Access-Control-Allow-Origin: *` for the return page, and answers its CORS preflight.
 *
 * @returns `true` when the request (a preflight) has been answered.
 */
export function allowReturnPageRead(request: IncomingMessage, response: ServerResponse): boolean {
  response.setHeader("Access-Control-Allow-Origin", "*");
  if (request.method !== "OPTIONS") return false;
  response.writeHead(204, {
    "Access-Control-Allow-Methods": "GET",
    "Access-Control-Max-Age": "600",
  });
  response.end();
  return true;
}
