import { abortReason } from "./abortedError.js";
import { apiErrorOf } from "./apiErrorOf.js";
import { isRecord, siteDomain } from "./apiFields.js";
import { ResponseFormatError, UploadError } from "./errors.js";
import { fetchApi } from "./fetchApi.js";
import { knownCorsResult } from "./probeCors.js";
import { apiUrl } from "./siteUrls.js";
import type { ApiVersion } from "./types.js";

/** One photo (video) of a photo/list answer, with its site's domain when the answer named it. */
export interface ListedPhoto {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly domain: string | null;
}

/**
 * Calls photo/list with `query` (anonymously; JSON in both API generations) and returns its
 * photos: legacy `photos: […]` (or a single `photo`), v2 `data: […]`.
 *
 * When fetch cannot read the answer (a network error: the site sends no CORS headers, or cannot
 * be reached) and `jsonpFallback` is on, it asks again as JSONP (see loadJsonp), unless the
 * browser is offline or the CORS probe found that the site allows CORS.
 */
export async function listPhotos(
  site: string,
  apiVersion: ApiVersion,
  query: Record<string, string>,
  signal: AbortSignal | undefined,
  fetchImpl?: typeof fetch,
  jsonpFallback = true,
): Promise<ListedPhoto[]> {
  const isLegacy = apiVersion === "legacy";
  // Anonymous legacy answers may be cached for up to 30 minutes; a fresh `time` busts that.
  const params = { ...query, ...(isLegacy && { format: "json" }), time: String(Date.now()) };
  let value: unknown;
  try {
    const raw = isLegacy ? { raw: "1" } : {};
    value = await fetchApi(apiUrl(site, apiVersion, "photo/list", { ...params, ...raw }), {
      signal,
      fetch: fetchImpl,
    });
  } catch (error) {
    // JSONP is for sites without CORS: not for a site the CORS probe found to allow it (its
    // failure is a network one, and a script would fail alike), nor while offline.
    const canRetry =
      error instanceof UploadError &&
      error.kind === "network" &&
      typeof document !== "undefined" &&
      navigator.onLine !== false &&
      knownCorsResult(site, apiVersion) !== "allowed";
    if (!canRetry || !jsonpFallback) throw error;
    // Downloaded on first use: only sites without CORS need it. Code that cannot be downloaded
    // leaves the site unreadable, as it was.
    const { loadJsonp } = await import("./loadJsonp.js").catch(() => Promise.reject(error));
    // `callback` implies JSON; the answer is the same envelope, errors included.
    const outcome = await loadJsonp(apiUrl(site, apiVersion, "photo/list", params), signal);
    if (!outcome.ok) {
      const { kind, message } = outcome;
      throw kind === "format"
        ? new ResponseFormatError(message, "")
        : new UploadError(kind, message, { cause: outcome.cause ?? abortReason(signal) ?? error });
    }
    const apiError = apiErrorOf(outcome.value, null);
    if (apiError) throw apiError;
    value = outcome.value;
  }
  const record = isRecord(value) ? value : {};
  const domain = siteDomain(record);
  const photos: unknown[] = [];
  for (const key of ["photos", "photo", "data"]) {
    const entry = record[key];
    if (Array.isArray(entry)) photos.push(...(entry as unknown[]));
    else if (isRecord(entry)) photos.push(entry);
  }
  return photos.filter(isRecord).map((fields) => ({ fields, domain }));
}
