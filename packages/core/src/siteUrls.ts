import { TwentyThreeUploadError } from "./errors.js";
import type { ApiVersion } from "./types.js";

/**
 * The origin of a TwentyThree site: a bare domain becomes `https://<domain>`; a URL keeps its
 * scheme, host and port (`"http://127.0.0.1:8023"` for the emulator). A path, query or fragment
 * in `site` is ignored.
 *
 * @throws TwentyThreeUploadError (`invalid_site`) when `site` is empty, not a domain or URL, or
 *   uses a scheme other than `http:`/`https:`.
 */
export function siteOrigin(site: string): string {
  const trimmed = site.trim();
  const candidate = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw invalidSite(site, "it is not a domain or URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalidSite(site, "only http and https are supported");
  }
  if (trimmed === "" || url.hostname === "" || url.username || url.password) {
    throw invalidSite(site, "it is not a domain or URL");
  }
  return url.origin;
}

/**
 * The URL of an API method on a site, e.g.
 * `apiUrl("videos.example.com", "v2", "photo/redeem-upload-token")` →
 * `https://videos.example.com/api/2/photo/redeem-upload-token`.
 *
 * @param method The method path without a leading slash (`"photo/list"`).
 * @param query Query parameters to append (values are encoded).
 */
export function apiUrl(
  site: string,
  apiVersion: ApiVersion,
  method: string,
  query: Readonly<Record<string, string>> = {},
): string {
  const base = apiVersion === "v2" ? "/api/2/" : "/api/";
  const url = new URL(`${base}${method.replace(/^\/+/, "")}`, siteOrigin(site));
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.href;
}

function invalidSite(site: string, reason: string): TwentyThreeUploadError {
  const shown = site.length > 80 ? `${site.slice(0, 80)}…` : site;
  return new TwentyThreeUploadError(
    "invalid_site",
    `The site ${JSON.stringify(shown)} is not usable: ${reason}. Use a domain such as "videos.example.com" or an origin such as "http://127.0.0.1:8023".`,
  );
}
