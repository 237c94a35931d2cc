// A strict Content-Security-Policy for the built app: no inline script or style anywhere (the
// library renders no `style` attributes and injects no <style>), and the TwentyThree site allowed
// only where uploads need it.

/**
 * The policy for pages of the app, given the TwentyThree site's origin:
 * - `connect-src` the site: XHR and chunked uploads, reconciliation lookups;
 * - `form-action` and `frame-src` the site (and this origin): the iframe fallback posts a form
 *   into a hidden frame, which TwentyThree redirects back to the app's return URL.
 *
 * `script-src` leaves the site out on purpose: the library's JSONP look-ups (only on a site
 * without CORS, see docs/security.md) are then blocked and count as unanswered. Add the site
 * there if yours sends no CORS headers and you want lost answers looked up.
 */
export function contentSecurityPolicy(siteOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${siteOrigin}`,
    `form-action 'self' ${siteOrigin}`,
    `frame-src 'self' ${siteOrigin}`,
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}
