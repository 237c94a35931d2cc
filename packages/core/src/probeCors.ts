import { apiUrl } from "./siteUrls.js";
import type { ApiVersion } from "./types.js";

const probes = new Map<string, Promise<boolean>>();

/**
 * Whether the site lets this page upload with progress and read the answer, i.e. answers the
 * CORS preflight of an XHR upload to redeem-upload-token. The probe is that very preflight: an
 * XHR POST with an upload listener and a form without token or file, so no upload bytes are
 * sent, and where CORS is refused not even the POST is (only the preflight `OPTIONS`). Where it
 * works, TwentyThree answers the empty POST with its missing-token error.
 *
 * The answer is cached per redeem URL for the life of the page, so call it early to warm it up
 * (e.g. when the upload UI mounts). A failure while the browser reports being offline is not
 * cached. Outside browsers (no `XMLHttpRequest`, no same-origin policy) it resolves `true`.
 *
 * @returns `true` when CORS works (XHR with progress can be used), `false` when it is refused
 *   (fall back to the iframe transport).
 */
export function probeCors(site: string, apiVersion: ApiVersion = "legacy"): Promise<boolean> {
  const url = apiUrl(site, apiVersion, "photo/redeem-upload-token");
  const cached = probes.get(url);
  if (cached) return cached;
  const probe = preflight(url).then((allowed) => {
    // Offline looks like a refused preflight; don't remember it as "no CORS".
    if (!allowed && typeof navigator !== "undefined" && navigator.onLine === false) {
      probes.delete(url);
    }
    return allowed;
  });
  probes.set(url, probe);
  return probe;
}

function preflight(url: string): Promise<boolean> {
  if (typeof XMLHttpRequest === "undefined") return Promise.resolve(true);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    // An upload listener makes the browser preflight the POST exactly as it will for an upload.
    xhr.upload.addEventListener("progress", () => undefined);
    xhr.addEventListener("load", () => resolve(true));
    xhr.addEventListener("error", () => resolve(false));
    xhr.addEventListener("abort", () => resolve(false));
    xhr.addEventListener("timeout", () => resolve(false));
    xhr.open("POST", url);
    xhr.timeout = 30_000;
    xhr.send(new FormData());
  });
}
