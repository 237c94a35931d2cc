import { readApiInput } from "./apiInput.js";
import type { PermissionLevel } from "./controlTypes.js";
import type { ApiCall, EmulatorContext } from "./emulatorContext.js";
import type { StoredToken } from "./emulatorState.js";
import { type OkBody, type ResponseStyle, renderError, renderOk } from "./formats.js";
import { hasPermission, verifyRequest } from "./oauthVerify.js";
import type { Reply } from "./reply.js";
import { buildToken } from "./tokenParams.js";

/** The token as get-upload-token (and update-upload-token) answer it, in every format. */
export function tokenBody(token: StoredToken, level: PermissionLevel, message: string): OkBody {
  // Legacy: the seed's elements in the seed's order, then what the seed's example did not set.
  const legacy: Record<string, string> = {
    upload_token: token.uploadToken,
    title: token.title,
    description: token.description,
    publish: token.publish ? "1" : "0",
    tags: token.tags,
    user_id: token.userId,
    album_id: token.albumId,
    max_uploads: String(token.maxUploads),
    valid_minutes: String(token.validMinutes),
    valid_until: String(token.validUntil),
    return_url: token.returnUrl,
    background_return_p: token.backgroundReturn ? "1" : "0",
    absolute_url: token.absoluteUrl,
  };
  const albumNumber = /^\d+$/.test(token.albumId) ? Number(token.albumId) : token.albumId;
  return {
    message,
    permissionLevel: level,
    xml: legacy,
    json: { uploadtoken: legacy },
    data: {
      description: token.description,
      valid_minutes: token.validMinutes,
      album_id: albumNumber,
      max_uploads: token.maxUploads,
      tags: token.tags,
      publish: token.publish ? "t" : "f",
      absolute_url: token.absoluteUrl,
      return_url: token.returnUrl,
      title: token.title,
      user_id: Number(token.userId),
      valid_until: token.validUntil,
      publish_date: token.publishDate,
      upload_token: token.uploadToken,
      background_return_p: token.backgroundReturn,
      token_tags: "",
      crossposted_p: false,
    },
  };
}

/** Validates, stores and renders a new token for a caller of `level`. */
export function issueToken(
  ctx: EmulatorContext,
  style: ResponseStyle,
  params: ReadonlyMap<string, string>,
  level: PermissionLevel,
): { reply: Reply; token: StoredToken | null } {
  const built = buildToken(ctx.state, style.api, params, level);
  if (!built.ok) {
    const { status, code, message } = built.error;
    return { reply: renderError(style, status, code, message, level), token: null };
  }
  ctx.state.tokens.set(built.token.uploadToken, built.token);
  const body = tokenBody(built.token, level, "The upload token is ready to use");
  return { reply: renderOk(style, body), token: built.token };
}

/** `photo/get-upload-token`: OAuth-signed (or v2 Bearer), needs `write`. */
export async function getUploadToken(call: ApiCall): Promise<Reply> {
  const read = await readApiInput(call);
  if (!read.ok) return read.reply;
  const { input, style } = read;
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
  if (!hasPermission(auth.level, "write")) {
    if (call.api === "v2" && auth.level === "none") {
      return renderError(
        style,
        401,
        "missing_authentication",
        "The request could not be authenticated.",
      );
    }
    const message =
      "You don't have the necessary permissions to perform this action (required level: 'write')";
    return renderError(style, 403, "permission_denied", message, auth.level);
  }
  const { reply, token } = issueToken(call.ctx, style, input.params, auth.level);
  if (token) call.record.uploadToken = token.uploadToken;
  return reply;
}
