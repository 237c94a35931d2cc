import type { ListedPhoto } from "./listPhotos.js";

/**
 * The processing status of `photoId` in a photo/list answer (the listed video with that id, or
 * the only one listed), or `null` when it is not listed. Imports nothing at run time, so the
 * lazily loaded encoding wait can use it without pulling the engine's modules into a shared chunk.
 */
export function listedPhotoStatus(
  photos: readonly ListedPhoto[],
  photoId: string,
): { readonly encoded: boolean } | null {
  const photo = photos.find(({ fields }) => String(fields.photo_id) === photoId) ?? photos[0];
  if (!photo) return null;
  const encoded = photo.fields.video_encoded_p;
  return { encoded: encoded === true || encoded === 1 || encoded === "1" || encoded === "t" };
}
