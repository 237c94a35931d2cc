// How redeem-upload-token answers once it knows the result (reference §2.2–2.4): a 301 to
// return_url, a background call plus a text line, or (without return_url) a JSON/XML body.
import type { ApiCall } from "./emulatorContext.js";
import type { StoredToken, StoredUpload, TokenProblem } from "./emulatorState.js";
import { renderError, renderOk, responseStyle } from "./formats.js";
import { type Reply, textReply } from "./reply.js";

/** The result to report. */
export type Outcome =
  | { ok: true; upload: StoredUpload }
  | { ok: false; code: string; message: string; v2Status: number };

/** Plain-text answers for unusable tokens (TwentyThree documents only "a plain, unstyled error message"). */
export const TOKEN_ERROR_MESSAGES: Readonly<Record<TokenProblem | "missing", string>> = {
  missing: "The upload_token parameter is missing.",
  invalid: "The upload token is invalid.",
  expired: "The upload token has expired.",
  consumed: "The upload token has already been used.",
};

/** The plain, unstyled answer to a missing, invalid, expired or consumed token: no redirect. */
export function tokenErrorReply(call: ApiCall, problem: TokenProblem | "missing"): Reply {
  const status = problem === "missing" ? 400 : call.ctx.options.tokenErrorStatus;
  return textReply(status, TOKEN_ERROR_MESSAGES[problem]);
}

/** Longest callback sent as a GET; longer ones are POSTed (reference §1.2, return_url). */
export const MAX_CALLBACK_URL = 1500;

const RESERVED = new Set([
  "domain",
  "upload_token",
  "photo_id",
  "tree_id",
  "token",
  "error_message",
]);

/** Fields of the redeem POST that are protocol, not extras. */
const NOT_EXTRA = new Set([
  "upload_token",
  "format",
  "raw",
  "callback",
  "varname",
  "fields",
  "time",
]);

/** The redeem POST's own extra fields (repeated in the callback after the token's extras). */
export function redeemExtras(
  fields: readonly (readonly [string, string])[],
): Record<string, string> {
  const extras: Record<string, string> = {};
  for (const [name, value] of fields) {
    if (NOT_EXTRA.has(name) || name.startsWith("resumable") || name.startsWith("oauth_")) continue;
    if (!(name in extras)) extras[name] = value;
  }
  return extras;
}

/** Token extras then redeem extras, never shadowing the parameters TwentyThree adds. */
export function mergeExtras(
  token: StoredToken,
  fromRedeem: Record<string, string>,
): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...token.extra, ...fromRedeem })) {
    if (!RESERVED.has(k)) merged[k] = v;
  }
  return merged;
}

/** Form encoding as in the seed (`The+file+type+isn't+supported`): spaces as `+`, `'` kept. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, "+");
}

/** return_url with parameters added, keeping its own query and fragment. */
export function appendQuery(base: string, params: readonly (readonly [string, string])[]): string {
  const hashAt = base.indexOf("#");
  const head = hashAt === -1 ? base : base.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : base.slice(hashAt);
  const query = params.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&");
  if (query === "") return base;
  const joiner = !head.includes("?") ? "?" : /[?&]$/.test(head) ? "" : "&";
  return `${head}${joiner}${query}${hash}`;
}

/** The parameters TwentyThree adds to return_url, in the seed's order, then the extras. */
export function callbackParams(
  call: ApiCall,
  token: StoredToken,
  outcome: Outcome,
  extras: Record<string, string>,
): [string, string][] {
  const params: [string, string][] = [
    ["domain", call.domain],
    ["upload_token", token.uploadToken],
  ];
  if (outcome.ok) {
    const { photoId, treeId, token: secret } = outcome.upload;
    params.push(["photo_id", photoId], ["tree_id", treeId], ["token", secret]);
  } else {
    params.push(["error_message", outcome.message]);
  }
  return [...params, ...Object.entries(extras)];
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A callback too long for a GET becomes a self-submitting POST form (with a button for no-JS). */
function postFormReply(action: string, params: readonly (readonly [string, string])[]): Reply {
  const inputs = params
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("");
  const body = `<!doctype html><html><head><meta charset="utf-8"><title>Returning</title></head><body onload="document.forms[0].submit()"><form method="post" action="${escapeHtml(action)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form></body></html>`;
  return { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" }, body };
}

/** Makes the background call (GET, or POST when too long) and records what happened. */
async function callInBackground(
  call: ApiCall,
  url: string,
  post: { action: string; params: readonly (readonly [string, string])[] } | null,
  upload: StoredUpload | null,
): Promise<void> {
  const method: "GET" | "POST" = post ? "POST" : "GET";
  const record = {
    mode: "background" as const,
    url: post ? post.action : url,
    method,
    status: null as number | null,
    error: null as string | null,
  };
  try {
    const response = await fetch(record.url, {
      method,
      redirect: "manual",
      headers: {
        "User-Agent": "TwentyThree-Emulator background callback",
        "X-TwentyThree-Emulator": "background",
      },
      signal: AbortSignal.timeout(call.ctx.options.callbackTimeoutMs),
      ...(post ? { body: new URLSearchParams(post.params.map(([k, v]) => [k, v])) } : {}),
    });
    await response.arrayBuffer();
    record.status = response.status;
  } catch (error) {
    record.error = error instanceof Error ? error.message : String(error);
  }
  if (upload) upload.callback = record;
}

/** Answers the redeem request for a known, usable token. */
export async function renderOutcome(
  call: ApiCall,
  token: StoredToken,
  outcome: Outcome,
  formValues: ReadonlyMap<string, string>,
  extras: Record<string, string>,
): Promise<Reply> {
  if (token.returnUrl !== "") {
    const params = callbackParams(call, token, outcome, extras);
    const url = appendQuery(token.returnUrl, params);
    const tooLong = url.length > MAX_CALLBACK_URL;
    const upload = outcome.ok ? outcome.upload : null;
    if (token.backgroundReturn) {
      await callInBackground(
        call,
        url,
        tooLong ? { action: token.returnUrl, params } : null,
        upload,
      );
      if (!outcome.ok) return textReply(200, `error ${outcome.message}`);
      const { photoId, treeId, token: secret } = outcome.upload;
      const called = tooLong ? token.returnUrl : url;
      return textReply(200, `ok ${call.domain} ${treeId} ${photoId} ${secret} ${called}`);
    }
    if (upload)
      upload.callback = {
        mode: "redirect",
        url: tooLong ? token.returnUrl : url,
        method: tooLong ? "POST" : "GET",
        status: null,
        error: null,
      };
    if (tooLong) return postFormReply(token.returnUrl, params);
    return {
      status: 301,
      headers: { Location: url, "Content-Type": "text/plain; charset=utf-8" },
      body: "",
    };
  }
  const { style } = responseStyle(call.api, formValues, call.domain, call.endpointPath);
  if (!outcome.ok)
    return renderError(style, outcome.v2Status, outcome.code, outcome.message, "anonymous");
  const { photoId, treeId, token: secret } = outcome.upload;
  const legacy = { photo_id: photoId, tree_id: treeId, token: secret };
  return renderOk(style, {
    message: "The file was successfully uploaded",
    permissionLevel: call.api === "v2" ? "none" : "anonymous",
    xml: legacy,
    json: { upload: legacy },
    data: { photo_id: Number(photoId), tree_id: Number(treeId), token: secret },
  });
}
