import { apiUrl } from "./siteUrls.js";
import type { ApiVersion } from "./types.js";

const probes = new Map<string, Promise<boolean>>();

/**
 * Whether the site lets this page read its answers to uploads, i.e. answers CORS preflights for
 * redeem-upload-token. Sends one `OPTIONS` request (a method that is always preflighted) and no
 * upload bytes. The answer is cached per redeem URL for the life of the page, so call it early to
 * warm it up (e.g. when the upload UI mounts).
 *
 * A failure while the browser reports being offline is not cached.
 *
 * @returns `true` when CORS works (XHR with progress can be used), `false` when it is refused
 *   (fall back to the iframe transport).
 */
export function probeCors(
  site: string,
  apiVersion: ApiVersion = "legacy",
  options: { fetch?: typeof fetch } = {},
): Promise<boolean> {
  const url = apiUrl(site, apiVersion, "photo/redeem-upload-token");
  const cached = probes.get(url);
  if (cached) return cached;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const probe = fetchImpl(url, { method: "OPTIONS", cache: "no-store", credentials: "omit" }).then(
    () => true,
    () => {
      // Offline looks like a refused preflight; don't remember it as "no CORS".
      if (typeof navigator !== "undefined" && navigator.onLine === false) probes.delete(url);
      return false;
    },
  );
  probes.set(url, probe);
  return probe;
}
