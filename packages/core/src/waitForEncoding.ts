// The optional wait for encoding after a stored upload (`waitForEncoding`), downloaded on first
// use by the uploader, so apps that never turn it on do not ship it. It imports no engine module
// at run time (photo/list comes in `kit`): bundlers then give it a chunk of its own instead of
// moving the engine's shared modules into a common chunk that every page would load.
import { listedPhotoStatus } from "./listedPhotoStatus.js";
import type { listPhotos } from "./listPhotos.js";
import { pollEncoding } from "./pollEncoding.js";
import type { ApiVersion } from "./types.js";

/** Options of {@link waitForEncoding}. */
export interface WaitForEncodingOptions {
  readonly site: string;
  readonly apiVersion: ApiVersion;
  readonly photoId: string;
  /** The video's own token (from the upload result). */
  readonly token: string;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

/**
 * Polls photo/list every `intervalMs` until the video is encoded (`true`), `timeoutMs` passes or
 * `signal` aborts (`false`). A video not listed yet, like a failed request, counts as not encoded.
 */
export function waitForEncoding(
  kit: { readonly listPhotos: typeof listPhotos },
  options: WaitForEncodingOptions,
): Promise<boolean> {
  const { site, apiVersion, photoId, token } = options;
  return pollEncoding({
    ...options,
    check: async (signal) =>
      listedPhotoStatus(
        await kit.listPhotos(site, apiVersion, { photo_id: photoId, token }, signal),
        photoId,
      )?.encoded ?? false,
  });
}
