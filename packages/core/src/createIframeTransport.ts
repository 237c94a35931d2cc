import { iframeTransport } from "./iframeTransport.js";
import { transportKit } from "./transportKit.js";
import type { Transport } from "./types.js";

/**
 * The fallback for sites that send no CORS headers: a real form POST into a hidden iframe, the
 * seed's own flow. TwentyThree's 301 brings the frame to return_url; when that page is on this
 * page's origin, the result is read from the frame's URL once it loads, or from the message the
 * page posts with `handOffCallback()` (whichever comes first).
 *
 * There is no byte progress: progress is reported once as `{ loaded: 0, total: null }`
 * (indeterminate), `onSubmitted` is called as the form is submitted (from then on the file may
 * be stored: a cancel is `ambiguous`), and `onBodySent` when the answer arrives.
 *
 * When the answer cannot be read (no return_url, a cross-origin return_url, TwentyThree's plain
 * text token error), the outcome is unknown: the promise rejects with a `network` error marked
 * `ambiguous`, so the uploader can reconcile (`findUploads`) instead of blindly retrying.
 *
 * Works under a strict CSP (`hidden` attributes, no inline styles); needs `form-action` and
 * `frame-src` to allow the site. Browser only.
 */
export function createIframeTransport(): Transport {
  return iframeTransport(transportKit);
}
