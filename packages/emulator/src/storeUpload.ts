import { rename } from "node:fs/promises";
import type { EmulatorContext } from "./emulatorContext.js";
import type { StoredToken, StoredUpload } from "./emulatorState.js";
import type { ReceivedFile } from "./redeemForm.js";

/** Where an upload came from besides its bytes. */
export interface UploadOrigin {
  /** Token extras merged with the redeem POST's extras (repeated in the callback). */
  extra: Record<string, string>;
  resumableIdentifier: string | null;
  chunks: number | null;
  /** Overrides the part's file name (resumableFilename). */
  fileName?: string;
}

/**
 * Consumes one use of the token and moves a complete file into the uploads folder. The use is
 * taken synchronously, before any await, so two racing requests cannot both use the last one.
 */
export async function storeUpload(
  ctx: EmulatorContext,
  token: StoredToken,
  file: ReceivedFile,
  origin: UploadOrigin,
): Promise<StoredUpload> {
  token.uploadsUsed += 1;
  const ids = ctx.state.newPhotoIds();
  const fileName = origin.fileName ?? file.fileName;
  const destination = ctx.data.uploadPath(ids.photoId, fileName);
  try {
    await rename(file.path, destination);
  } catch (error) {
    token.uploadsUsed -= 1;
    throw error;
  }
  const now = Date.now();
  const upload: StoredUpload = {
    ...ids,
    uploadToken: token.uploadToken,
    api: token.api,
    fileName,
    contentType: file.contentType,
    size: file.size,
    sha256: file.sha256,
    title: token.title,
    description: token.description,
    tags: token.tags,
    albumId: token.albumId,
    publish: token.publish,
    publishDate: token.publishDate,
    absoluteUrl: token.absoluteUrl,
    extra: origin.extra,
    resumableIdentifier: origin.resumableIdentifier,
    chunks: origin.chunks,
    storedAt: new Date(now).toISOString(),
    encodedAt: new Date(now + ctx.options.encodingDelayMs).toISOString(),
    deleted: false,
    callback: null,
    path: destination,
  };
  ctx.state.uploads.push(upload);
  return upload;
}
