import { readApiInput } from "./apiInput.js";
import type { ApiCall } from "./emulatorContext.js";
import type { StoredUpload } from "./emulatorState.js";
import { renderError, renderOk } from "./formats.js";
import { hasPermission, verifyRequest } from "./oauthVerify.js";
import type { Reply } from "./reply.js";

/**
 * One photo as photo/list reports it: legacy values are strings, v2 values numbers where numeric.
 * Only fields TwentyThree documents for photo/list (DD photo-list.md, the v2 OpenAPI schema): no
 * byte size of the uploaded file and no file name, which a client might otherwise match on.
 */
function photoFields(upload: StoredUpload, nowMs: number): Record<string, string | number> {
  const encoded = Date.parse(upload.encodedAt) <= nowMs ? 1 : 0;
  const created = Date.parse(upload.storedAt);
  return {
    photo_id: Number(upload.photoId),
    tree_id: Number(upload.treeId),
    token: upload.token,
    title: upload.title,
    content: upload.description,
    tags: upload.tags,
    album_id: upload.albumId,
    published_p: upload.publish ? 1 : 0,
    publish_date_ansi: upload.publishDate,
    absolute_url: upload.absoluteUrl,
    video_p: 1,
    video_encoded_p: encoded,
    placeholder_p: 0,
    creation_date_ansi: new Date(created).toISOString().replace("T", " ").slice(0, 19),
    creation_date_epoch: Math.floor(created / 1000),
  };
}

const strings = (fields: Record<string, string | number>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));

/**
 * `photo/list` by `photo_id` + `token` (any object, published or not), by `upload_token` (what was
 * uploaded with it; no credentials needed, unpublished included: our assumption), or, without
 * either, the published photos (everything for a signed caller with `read`).
 */
export async function photoList(call: ApiCall): Promise<Reply> {
  const read = await readApiInput(call);
  if (!read.ok) return read.reply;
  const { input, style } = read;
  const { params } = input;
  const auth = verifyRequest(
    {
      req: call.req,
      api: call.api,
      baseUrl: call.baseUrl,
      query: input.query,
      signedBody: input.signedBody,
    },
    call.ctx.options,
    call.ctx.nonces,
  );
  if (!auth.ok) return renderError(style, 401, auth.code, auth.message);
  const level = auth.level === "none" ? "anonymous" : auth.level;
  const visible = call.ctx.state.uploads.filter((u) => !u.deleted);
  const photoId = params.get("photo_id");
  const uploadToken = params.get("upload_token");
  let photos: StoredUpload[];
  if (photoId !== undefined && photoId !== "") {
    const token = params.get("token");
    photos = visible.filter((u) => u.photoId === photoId);
    const match = photos[0];
    if (match && token !== undefined && token !== match.token) {
      return renderError(
        style,
        403,
        "invalid_photo_token",
        "The token does not match this photo.",
        level,
      );
    }
    if (token === undefined && !hasPermission(level, "read"))
      photos = photos.filter((u) => u.publish);
  } else if (uploadToken !== undefined && uploadToken !== "") {
    call.record.uploadToken = uploadToken;
    photos = visible.filter((u) => u.uploadToken === uploadToken);
  } else {
    photos = hasPermission(level, "read") ? visible : visible.filter((u) => u.publish);
  }
  const now = Date.now();
  const fields = photos.map((u) => photoFields(u, now));
  const count = String(fields.length);
  return renderOk(style, {
    permissionLevel: level,
    attributes: { p: "1", size: count, total_count: count },
    xml: {
      photo: fields.map((f) =>
        Object.fromEntries(Object.entries(f).map(([k, v]) => [`@_${k}`, String(v)])),
      ),
    },
    json: { photos: fields.map(strings) },
    data: fields,
  });
}
