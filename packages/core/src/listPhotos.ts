import { isRecord, siteDomain } from "./apiFields.js";
import { fetchApi } from "./fetchApi.js";
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
 */
export async function listPhotos(
  site: string,
  apiVersion: ApiVersion,
  query: Record<string, string>,
  signal: AbortSignal | undefined,
  fetchImpl?: typeof fetch,
): Promise<ListedPhoto[]> {
  const params: Record<string, string> =
    apiVersion === "legacy" ? { ...query, format: "json", raw: "1" } : { ...query };
  // Anonymous legacy answers may be cached for up to 30 minutes; a fresh `time` busts that.
  params.time = String(Date.now());
  const value = await fetchApi(apiUrl(site, apiVersion, "photo/list", params), {
    signal,
    fetch: fetchImpl,
  });
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
