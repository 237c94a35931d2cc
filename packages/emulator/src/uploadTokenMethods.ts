// photo/update-upload-token (both generations) and v2 photo/delete-upload-token: the upload
// token itself is the credential, so no OAuth is needed.
import { readApiInput } from "./apiInput.js";
import type { ApiCall } from "./emulatorContext.js";
import type { StoredToken } from "./emulatorState.js";
import { type ResponseStyle, renderError, renderOk } from "./formats.js";
import { tokenBody } from "./getUploadToken.js";
import type { Reply } from "./reply.js";
import { cleanDescription, stripTags } from "./tokenParams.js";

type Found =
  | { ok: true; token: StoredToken; params: ReadonlyMap<string, string>; style: ResponseStyle }
  | { ok: false; reply: Reply };

async function findToken(call: ApiCall): Promise<Found> {
  const read = await readApiInput(call);
  if (!read.ok) return read;
  const { style, input } = read;
  const value = input.params.get("upload_token");
  if (value === undefined || value === "") {
    return {
      ok: false,
      reply: renderError(style, 400, "token_required", "The upload_token parameter is required."),
    };
  }
  call.record.uploadToken = value;
  const token = call.ctx.state.tokens.get(value);
  if (!token || token.deleted) {
    const code = call.api === "v2" ? "no_such_object" : "invalid_input";
    return { ok: false, reply: renderError(style, 404, code, "The upload token is invalid.") };
  }
  return { ok: true, token, params: input.params, style };
}

/**
 * Updates title, description, tags, album_id and publish of the token (future uploads) and of what
 * was uploaded with it (only the file with `resumableIdentifier`, when given). Works on expired and
 * used tokens too: it is how metadata is edited after the upload.
 */
export async function updateUploadToken(call: ApiCall): Promise<Reply> {
  const found = await findToken(call);
  if (!found.ok) return found.reply;
  const { token, params, style } = found;
  const albumId = params.get("album_id");
  if (albumId !== undefined && albumId !== "" && !/^\d+(\s*,\s*\d+)*$/.test(albumId)) {
    return renderError(
      style,
      400,
      "invalid_album",
      "album_id must be one or more numeric ids, comma-separated.",
    );
  }
  const publish = params.get("publish");
  if (publish !== undefined && publish !== "0" && publish !== "1") {
    return renderError(style, 400, "invalid_input", "publish must be 0 or 1.");
  }
  const changes: Partial<
    Pick<StoredToken, "title" | "description" | "tags" | "albumId" | "publish">
  > = {};
  if (params.has("title")) changes.title = stripTags(params.get("title") ?? "");
  if (params.has("description"))
    changes.description = cleanDescription(params.get("description") ?? "");
  if (params.has("tags")) changes.tags = params.get("tags") ?? "";
  if (albumId !== undefined) changes.albumId = albumId;
  if (publish !== undefined) changes.publish = publish === "1";
  Object.assign(token, changes);
  const identifier = params.get("resumableIdentifier");
  for (const upload of call.ctx.state.uploadsForToken(token.uploadToken)) {
    if (identifier === undefined || upload.resumableIdentifier === identifier)
      Object.assign(upload, changes);
  }
  return renderOk(style, tokenBody(token, "none", "The token information was updated"));
}

/**
 * v2: deletes the upload `photo_id` made with this token, or the file `resumableIdentifier`
 * (pending chunks included); with neither, retires the token itself.
 */
export async function deleteUploadToken(call: ApiCall): Promise<Reply> {
  const found = await findToken(call);
  if (!found.ok) return found.reply;
  const { token, params, style } = found;
  const { state, chunks } = call.ctx;
  const photoId = params.get("photo_id");
  const identifier = params.get("resumableIdentifier");
  const uploads = state.uploadsForToken(token.uploadToken);
  let deleted: string[] = [];
  if (photoId !== undefined && photoId !== "") {
    const upload = uploads.find((u) => u.photoId === photoId);
    if (!upload)
      return renderError(
        style,
        404,
        "no_such_photo",
        "No upload with this photo_id was made with this token.",
      );
    upload.deleted = true;
    deleted = [upload.photoId];
  } else if (identifier !== undefined && identifier !== "") {
    const session = chunks.get(token.uploadToken, identifier);
    if (session && !session.completion) await chunks.discard(session);
    for (const upload of uploads.filter((u) => u.resumableIdentifier === identifier)) {
      upload.deleted = true;
      deleted.push(upload.photoId);
    }
  } else {
    token.deleted = true;
  }
  return renderOk(style, {
    message: "The upload was deleted",
    permissionLevel: "none",
    xml: { photo_id: deleted.join(",") },
    json: { photo_ids: deleted },
    data: { upload_token: token.uploadToken, photo_ids: deleted.map(Number) },
  });
}
