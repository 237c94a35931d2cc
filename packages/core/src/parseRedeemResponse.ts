import { fieldText, isRecord, siteDomain } from "./apiFields.js";
import { apiErrorOf } from "./apiErrorOf.js";
import { decodeApiBody } from "./decodeApiBody.js";
import { excerptOf } from "./excerptOf.js";
import { CallbackError, ResponseFormatError, UploadError } from "./errors.js";
import { appParams, parseCallbackUrl } from "./parseCallbackUrl.js";
import { parseRetryAfter } from "./parseRetryAfter.js";
import { redactSecrets } from "./redactSecrets.js";
import type { UploadResult } from "./types.js";

/** What came back from redeem-upload-token, as a transport saw it. */
export interface RedeemResponse {
  /** HTTP status of the final response. */
  status: number;
  /** The response body as text. */
  body: string;
  /**
   * The final URL after redirects (XHR `responseURL`, fetch `response.url`), if known.
   * Default: unknown.
   */
  url?: string | null;
  /** `Content-Type` of the final response, if known. Default: unknown. */
  contentType?: string | null;
  /**
   * `Retry-After` of the final response, if the server sent one and CORS exposed it. Default: none.
   */
  retryAfter?: string | null;
}

const TOKEN_PROBLEM = /token/i;
const TOKEN_WORDING =
  /\b(?:invalid|expired|consumed|used|not valid|no longer valid|unknown|does not exist|not found|missing)\b/i;

/**
 * Reads the upload result from whatever redeem-upload-token answered (reference §2.2–2.4):
 * - a followed 301 to return_url (`url` carries the callback's parameters);
 * - v2 JSON `{"status":"ok","data":{"photo_id","tree_id","token"}}` (and legacy JSON/XML
 *   bodies carrying `photo_id`);
 * - the background-mode line `ok <domain> <tree_id> <photo_id> <token> <callback_url>` or
 *   `error <message>`;
 * - a bare photo id;
 * - the plain-text error for an invalid, consumed or expired token.
 *
 * @throws UploadError `file-rejected` (TwentyThree's words in `serverMessage`) for an
 *   `error_message` callback, an `error …` line or an error envelope about the file;
 *   `token-invalid` when TwentyThree refused the token (its words in `serverMessage`); `http` for
 *   other error statuses (with `retryAfterMs` when readable).
 * @throws CallbackError when a redirect carried a broken callback (e.g. no `photo_id`).
 * @throws ResponseFormatError for a successful status with a body of no known shape.
 */
export async function parseRedeemResponse(response: RedeemResponse): Promise<UploadResult> {
  const fromRedirect = callbackOf(response.url);
  if (fromRedirect) return fromRedirect;

  const body = response.body.replace(/^\uFEFF/, "").trim();
  const decoded = await decodeApiBody(body);
  if (decoded.ok) return fromData(decoded.value, response);

  const line = /^(ok|error)(?:\s+([\s\S]*))?$/i.exec(body);
  if (line?.[1]?.toLowerCase() === "ok") return fromBackgroundLine(line[2] ?? "", response);
  if (line?.[1]?.toLowerCase() === "error") {
    const message = (line[2] ?? "").trim();
    throw isTokenProblem(message)
      ? tokenInvalid(response.status, message)
      : fileRejected(message, response.status);
  }
  if (/^\d+$/.test(body) && isSuccess(response.status)) {
    return { photoId: body, treeId: null, token: null, domain: null, params: {} };
  }
  if (decoded.reason === "plain text" && isTokenProblem(body)) {
    throw tokenInvalid(response.status, body);
  }
  throw statusError(response, decoded.reason);
}

/** A followed redirect to return_url: the result is in its query. */
function callbackOf(url: string | null | undefined): UploadResult | null {
  if (!url) return null;
  let callback;
  try {
    callback = parseCallbackUrl(url);
  } catch (error) {
    // No callback parameters: there was no redirect (or not to return_url); read the body.
    if (error instanceof CallbackError && error.code === "invalid_callback") return null;
    throw error;
  }
  if (callback.status === "error") throw fileRejected(callback.errorMessage, null);
  const { photoId, treeId, token, domain, params } = callback;
  return { photoId, treeId, token, domain, params };
}

function fromData(value: unknown, response: RedeemResponse): UploadResult {
  const apiError = apiErrorOf(value, response.status);
  if (apiError) {
    const { status } = response;
    if (
      status === 401 ||
      status === 403 ||
      isTokenProblem(`${apiError.code} ${apiError.message}`)
    ) {
      throw tokenInvalid(status, apiError.message);
    }
    if (status === 404 || status === 408 || status === 429 || status >= 500) {
      throw statusError(response, "an error", apiError.message);
    }
    throw fileRejected(apiError.message, status);
  }
  const record = resultRecord(value);
  if (!record || !isSuccess(response.status))
    throw statusError(response, "JSON of an unknown shape");
  const photoId = fieldText(record.photo_id);
  if (!photoId) throw statusError(response, "an answer without photo_id");
  return {
    photoId,
    treeId: fieldText(record.tree_id),
    token: fieldText(record.token),
    domain: siteDomain(value),
    params: {},
  };
}

/** `{data:{photo_id}}` (v2), `{upload:{…}}` / `{photo:{…}}` / `{photos:[…]}` (legacy) or flat. */
function resultRecord(value: unknown): Record<string, unknown> | null {
  if (!isRecord(value)) return null;
  for (const key of ["data", "upload", "photo", "photos"]) {
    const nested = Array.isArray(value[key]) ? (value[key] as unknown[])[0] : value[key];
    if (isRecord(nested) && "photo_id" in nested) return nested;
  }
  return "photo_id" in value ? value : null;
}

/** `ok <domain> <tree_id> <photo_id> <token> <callback_url>` (background_return_p=1). */
function fromBackgroundLine(rest: string, response: RedeemResponse): UploadResult {
  const [domain, treeId, photoId, token, callbackUrl] = rest.trim().split(/\s+/);
  if (!domain || !treeId || !photoId || !token || !/^\d+$/.test(photoId)) {
    throw statusError({ ...response, status: 200 }, "an incomplete `ok` line");
  }
  const query = callbackUrl?.includes("?") ? callbackUrl.slice(callbackUrl.indexOf("?") + 1) : "";
  const params = appParams(new URLSearchParams(query.split("#", 1)[0]));
  return { photoId, treeId, token, domain, params };
}

function isTokenProblem(text: string): boolean {
  return TOKEN_PROBLEM.test(text) && TOKEN_WORDING.test(text);
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

const ALREADY_USED = /\b(?:already\s+(?:been\s+)?used|consumed|used\s+up)\b/i;

/**
 * TwentyThree refused the token; its words are kept (without tokens) in `serverMessage`.
 * "Already used" is ambiguous: browsers silently re-send a POST whose connection broke on a
 * reused socket, so the use may well have been this very upload's first, stored, try.
 */
function tokenInvalid(status: number | null, text: string): UploadError {
  const used = ALREADY_USED.test(text);
  return new UploadError(
    "token-invalid",
    used
      ? "TwentyThree says the upload token was already used; an earlier try of this upload may have stored the file."
      : "TwentyThree refused the upload token: it is invalid, already used or expired.",
    { status, ambiguous: used, serverMessage: redactSecrets(text) || null },
  );
}

function fileRejected(serverMessage: string, status: number | null): UploadError {
  return new UploadError("file-rejected", "TwentyThree did not accept the file.", {
    status,
    serverMessage: redactSecrets(serverMessage) || null,
  });
}

function statusError(
  response: RedeemResponse,
  what: string,
  serverMessage: string | null = null,
): UploadError | ResponseFormatError {
  const { status } = response;
  if (isSuccess(status)) {
    const excerpt = excerptOf(response.body);
    return new ResponseFormatError(
      `TwentyThree's answer to the upload has no result: received ${what}${excerpt ? `: ${JSON.stringify(excerpt)}` : ""}.`,
      excerpt,
    );
  }
  const reason =
    status === 429 ? " (too many requests)" : status === 503 ? " (temporarily unavailable)" : "";
  return new UploadError("http", `TwentyThree answered the upload with HTTP ${status}${reason}.`, {
    status,
    retryAfterMs: parseRetryAfter(response.retryAfter),
    serverMessage,
  });
}
