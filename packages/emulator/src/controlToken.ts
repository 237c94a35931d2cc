// POST /__emulator/token: a dev/test stand-in for an app's own token endpoint. It issues a token
// without OAuth (with the emulator's credentials' permission level) and answers exactly as
// get-upload-token would; legacy answers default to `format=json&raw` here.
import { BodyTooLargeError, readText } from "./bodyMeter.js";
import type { ApiGeneration } from "./controlTypes.js";
import type { ApiCall } from "./emulatorContext.js";
import { renderError, responseStyle } from "./formats.js";
import { issueToken } from "./getUploadToken.js";
import { hasPermission } from "./oauthVerify.js";
import { MultipartError, mediaType, readMultipartFields } from "./readParams.js";
import { type Reply, jsonReply } from "./reply.js";

const CAMEL: Record<string, string> = {
  title: "title",
  description: "description",
  albumId: "album_id",
  tags: "tags",
  publishDate: "publish_date",
  maxUploads: "max_uploads",
};

class RequestError extends Error {}

function scalar(name: string, value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  throw new RequestError(`${name} must be a string, number or boolean.`);
}

/** camelCase UploadTokenRequest fields, then the query string, then `params`: later ones win. */
function collectParams(body: Record<string, unknown>, query: URLSearchParams): Map<string, string> {
  const params = new Map<string, string>();
  for (const [key, name] of Object.entries(CAMEL)) {
    if (body[key] !== undefined) params.set(name, scalar(key, body[key]));
  }
  if (body.publish !== undefined) {
    if (typeof body.publish !== "boolean") throw new RequestError("publish must be a boolean.");
    params.set("publish", body.publish ? "1" : "0");
  }
  const extra = body.extra;
  if (extra !== undefined) {
    if (typeof extra !== "object" || extra === null || Array.isArray(extra)) {
      throw new RequestError("extra must be an object of strings.");
    }
    for (const [k, v] of Object.entries(extra)) params.set(k, scalar(`extra.${k}`, v));
  }
  for (const [k, v] of query) params.set(k, v);
  const explicit = body.params;
  if (explicit !== undefined) {
    if (typeof explicit !== "object" || explicit === null || Array.isArray(explicit)) {
      throw new RequestError("params must be an object of snake_case API parameters.");
    }
    for (const [k, v] of Object.entries(explicit)) params.set(k, scalar(`params.${k}`, v));
  }
  if (body.api !== undefined) params.set("api", scalar("api", body.api));
  return params;
}

async function readBody(call: ApiCall): Promise<Record<string, unknown>> {
  const type = mediaType(call.req);
  if (type === "multipart/form-data")
    return Object.fromEntries(await readMultipartFields(call.req, call.body));
  const text = await readText(call.body, 1024 * 1024);
  if (type === "application/x-www-form-urlencoded")
    return Object.fromEntries(new URLSearchParams(text));
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RequestError("The body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new RequestError("The body must be a JSON object (an UploadTokenRequest).");
  }
  return parsed as Record<string, unknown>;
}

/** Issues a token without OAuth; see the module comment. */
export async function issueControlToken(call: ApiCall): Promise<Reply> {
  if (call.req.method !== "POST" && call.req.method !== "GET") {
    return jsonReply(
      405,
      { error: "Use POST (or GET) for /__emulator/token." },
      { Allow: "GET, POST" },
    );
  }
  let params: Map<string, string>;
  try {
    params = collectParams(
      call.req.method === "POST" ? await readBody(call) : {},
      call.url.searchParams,
    );
  } catch (error) {
    if (
      error instanceof RequestError ||
      error instanceof MultipartError ||
      error instanceof BodyTooLargeError
    ) {
      return jsonReply(400, { status: "error", code: "invalid_input", message: error.message });
    }
    throw error;
  }
  const apiParam = params.get("api") ?? "legacy";
  params.delete("api");
  if (apiParam !== "legacy" && apiParam !== "v2") {
    return jsonReply(400, {
      status: "error",
      code: "invalid_input",
      message: 'api must be "legacy" or "v2".',
    });
  }
  const api: ApiGeneration = apiParam;
  if (api === "legacy" && !["format", "callback", "varname", "raw"].some((k) => params.has(k))) {
    params.set("format", "json");
    params.set("raw", "");
  }
  const endpointPath =
    api === "v2" ? "/api/2/photo/get-upload-token" : "/api/photo/get-upload-token";
  const { style, formatError } = responseStyle(api, params, call.domain, endpointPath);
  if (formatError !== null) return renderError(style, 400, "invalid_input", formatError);
  const level = call.ctx.options.permissionLevel;
  if (!hasPermission(level, "write")) {
    const message =
      "You don't have the necessary permissions to perform this action (required level: 'write')";
    return renderError(style, 403, "permission_denied", message, level);
  }
  const { reply, token } = issueToken(call.ctx, style, params, level);
  if (token) call.record.uploadToken = token.uploadToken;
  return reply;
}
