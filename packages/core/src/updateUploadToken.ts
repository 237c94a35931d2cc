import { fetchApi } from "./fetchApi.js";
import { apiUrl } from "./siteUrls.js";
import type { ApiVersion, UploadMeta } from "./types.js";

/** Options of {@link updateUploadToken}. */
export interface UpdateUploadTokenOptions {
  /** The TwentyThree site: a domain or an origin URL (see `siteOrigin`). */
  site: string;
  /** API generation. Default: `"legacy"`. */
  apiVersion?: ApiVersion;
  /** The token the video is being (or was) uploaded with. */
  uploadToken: string;
  /** What to change; fields left out are not sent. `publishDate` and `extra` are not supported here. */
  meta: Pick<UploadMeta, "title" | "description" | "tags" | "albumId" | "publish">;
  /**
   * Selects the file when one token (`max_uploads` > 1) carries several chunked uploads.
   * Default: none (every file uploaded with the token).
   */
  resumableIdentifier?: string;
  /** Cancels the request (`UploadError` `aborted`). Default: none. */
  signal?: AbortSignal;
  /** The `fetch` to use. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/**
 * Changes the title, description, tags, album or publish state of a video that is being or has
 * been uploaded with `uploadToken` (photo/update-upload-token). Needs no secrets: the upload token
 * is the proof, so this can run in the browser, e.g. when the user edits the title mid-upload.
 * The request is a url-encoded POST (a CORS "simple" request); reading the answer needs the site
 * to send CORS headers.
 *
 * @throws TwentyThreeApiError for TwentyThree's error envelope (e.g. an unknown token);
 *   UploadError `network`/`http`/`aborted` when it cannot be asked.
 */
export async function updateUploadToken(options: UpdateUploadTokenOptions): Promise<void> {
  const apiVersion = options.apiVersion ?? "legacy";
  const body = new URLSearchParams({ upload_token: options.uploadToken });
  const { meta } = options;
  if (meta.title !== undefined) body.set("title", meta.title);
  if (meta.description !== undefined) body.set("description", meta.description);
  if (meta.tags !== undefined) body.set("tags", meta.tags);
  if (meta.albumId !== undefined) body.set("album_id", meta.albumId);
  if (meta.publish !== undefined) body.set("publish", meta.publish ? "1" : "0");
  if (options.resumableIdentifier !== undefined) {
    body.set("resumableIdentifier", options.resumableIdentifier);
  }
  if (apiVersion === "legacy") {
    body.set("format", "json");
    body.set("raw", "1");
  }
  await fetchApi(apiUrl(options.site, apiVersion, "photo/update-upload-token"), {
    method: "POST",
    body,
    signal: options.signal,
    fetch: options.fetch,
  });
}
