import { TwentyThreeApiError } from "./errors.js";
import { listedPhotoStatus } from "./listedPhotoStatus.js";
import { listPhotos } from "./listPhotos.js";
import type { ApiVersion } from "./types.js";

/** Options of {@link getPhotoStatus}. */
export interface GetPhotoStatusOptions {
  /** The TwentyThree site: a domain or an origin URL (see `siteOrigin`). */
  site: string;
  /** API generation. Default: `"legacy"`. */
  apiVersion?: ApiVersion;
  /** The video's `photo_id` from the upload result. */
  photoId: string;
  /** The video's own token (from the upload result), which grants access even when unpublished. */
  token: string;
  /** Cancels the request (`UploadError` `aborted`). Default: none. */
  signal?: AbortSignal;
  /** The `fetch` to use. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * Ask through JSONP (a `<script>` from the site) when fetch cannot read the answer because the
   * site sends no CORS headers. Default: `true`.
   */
  jsonpFallback?: boolean;
}

/** What TwentyThree says about an uploaded video's processing. */
export interface PhotoStatus {
  /** `video_encoded_p` is 1: the video has been transcoded and can be played. */
  readonly encoded: boolean;
}

/**
 * Whether an uploaded video has finished encoding, from `photo/list?photo_id=…&token=…` (no
 * credentials needed; get-transcoding-progress would need `read`).
 *
 * @throws TwentyThreeApiError `no_such_photo` when the list has no such video, or TwentyThree's
 *   own error; UploadError `network`/`http`/`aborted` when it cannot be asked.
 */
export async function getPhotoStatus(options: GetPhotoStatusOptions): Promise<PhotoStatus> {
  const photos = await listPhotos(
    options.site,
    options.apiVersion ?? "legacy",
    { photo_id: options.photoId, token: options.token },
    options.signal,
    options.fetch,
    options.jsonpFallback,
  );
  const status = listedPhotoStatus(photos, options.photoId);
  if (!status) {
    throw new TwentyThreeApiError("no_such_photo", "TwentyThree does not list this video (yet).");
  }
  return status;
}
