import { fieldText } from "./apiFields.js";
import { listPhotos } from "./listPhotos.js";
import type { FindUploads, UploadResult } from "./types.js";

/**
 * The default reconciliation hook: asks TwentyThree which uploads were stored with a token
 * (`photo/list?upload_token=…`), e.g. after an upload whose answer was lost. Needs no
 * credentials: the upload token is the proof.
 *
 * Reads the answer with fetch; where that fails (the site sends no CORS headers), through JSONP
 * unless `jsonpFallback` is `false`; never while offline, nor on a site the CORS probe found to
 * allow CORS.
 *
 * @returns The uploads stored with the token (empty when none). `params.title` is the listed
 *   title, when photo/list reports one; photo/list reports nothing of the file itself (no size,
 *   no name), so reconciliation credits an upload only when nothing else could be its.
 * @throws UploadError `network` when the site cannot be asked (offline; no CORS headers and
 *   JSONP off or refused), `http`/`aborted`; TwentyThreeApiError for its error envelope. The
 *   uploader then reports the outcome as unknown instead of retrying blindly.
 */
export const findUploads: FindUploads = async (context) => {
  const { token, site, apiVersion, signal } = context;
  const photos = await listPhotos(
    site,
    apiVersion,
    { upload_token: token.uploadToken },
    signal,
    undefined,
    context.jsonpFallback,
  );
  const results: UploadResult[] = [];
  for (const { fields, domain } of photos) {
    const photoId = fieldText(fields.photo_id);
    if (!photoId) continue;
    const { title } = fields;
    results.push({
      photoId,
      treeId: fieldText(fields.tree_id),
      token: fieldText(fields.token),
      domain,
      // An empty title is a title too (another file's upload may have none).
      params: typeof title === "string" ? { title } : {},
    });
  }
  return results;
};
