// OAuth 1.0a (HMAC-SHA1) verification as TwentyThree documents it: the oauth_* parameters come
// from the Authorization header, the query string or a url-encoded body; query and url-encoded
// body parameters are signed, multipart bodies are not. v2 also takes a Bearer token.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { hmacsign } from "./oauthSign.js";
import type { ApiGeneration, PermissionLevel } from "./controlTypes.js";
import type { ResolvedOptions } from "./emulatorOptions.js";

/** Who is calling. */
export type AuthResult =
  | { ok: true; level: PermissionLevel; method: "oauth" | "bearer" | "none" }
  | { ok: false; code: "invalid_signature" | "missing_authentication"; message: string };

/** What the verifier needs to know about one request. */
export interface SignedRequest {
  req: IncomingMessage;
  api: ApiGeneration;
  /** `http://host[:port]/path` as the client addressed it. */
  baseUrl: string;
  query: readonly (readonly [string, string])[];
  /** Only url-encoded body pairs (multipart bodies are not signed). */
  signedBody: readonly (readonly [string, string])[];
}

/** Remembers nonces for the timestamp window so that a replayed request is refused. */
export class NonceStore {
  private readonly seen = new Map<string, number>();
  /** `false` when the nonce was already used; otherwise remembers it until `expiresAtMs`. */
  use(key: string, expiresAtMs: number, nowMs = Date.now()): boolean {
    for (const [k, until] of this.seen) if (until < nowMs) this.seen.delete(k);
    if (this.seen.has(key)) return false;
    this.seen.set(key, expiresAtMs);
    return true;
  }
  clear(): void {
    this.seen.clear();
  }
}

/** Parses `OAuth k="v", …`; returns `null` for any other scheme. */
export function parseOAuthHeader(header: string | undefined): Map<string, string> | null {
  if (header === undefined || !/^OAuth\s/i.test(header)) return null;
  const params = new Map<string, string>();
  for (const match of header.slice(6).matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)) {
    const [, key = "", value = ""] = match;
    try {
      params.set(decodeURIComponent(key), decodeURIComponent(value));
    } catch {
      params.set(key, value);
    }
  }
  return params;
}

function oauthPairs(pairs: SignedRequest["query"]): Map<string, string> {
  return new Map(pairs.filter(([k]) => k.startsWith("oauth_")));
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const invalid = (message: string): AuthResult => ({
  ok: false,
  code: "invalid_signature",
  message,
});

/** Verifies the request's credentials; `none` level when it carries none. */
export function verifyRequest(
  request: SignedRequest,
  options: ResolvedOptions,
  nonces: NonceStore,
): AuthResult {
  const authorization = request.req.headers.authorization;
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? "");
  if (bearer && request.api === "v2") {
    return safeEqual(bearer[1]?.trim() ?? "", options.bearerToken)
      ? { ok: true, level: options.permissionLevel, method: "bearer" }
      : { ok: false, code: "missing_authentication", message: "The bearer token is not valid." };
  }
  const fromHeader = parseOAuthHeader(authorization);
  const oauth = fromHeader ?? oauthPairs(request.query);
  if (fromHeader === null && oauth.size === 0) {
    for (const [k, v] of oauthPairs(request.signedBody)) oauth.set(k, v);
  }
  if (!oauth.has("oauth_signature")) return { ok: true, level: "none", method: "none" };
  return verifyOAuth(request, oauth, fromHeader !== null, options, nonces);
}

function verifyOAuth(
  request: SignedRequest,
  oauth: Map<string, string>,
  inHeader: boolean,
  options: ResolvedOptions,
  nonces: NonceStore,
): AuthResult {
  const { credentials } = options;
  const method = oauth.get("oauth_signature_method") ?? "";
  if (method !== "HMAC-SHA1") {
    return invalid(`Only HMAC-SHA1 signatures are supported; got "${method.slice(0, 20)}".`);
  }
  if (oauth.has("oauth_version") && oauth.get("oauth_version") !== "1.0") {
    return invalid("oauth_version must be 1.0.");
  }
  if (oauth.get("oauth_consumer_key") !== credentials.consumerKey) {
    return invalid("The consumer key is not known to this site.");
  }
  const token = oauth.get("oauth_token");
  if (token !== undefined && token !== credentials.accessToken) {
    return invalid("The access token is not known to this site.");
  }
  const params: Record<string, string[]> = {};
  const add = (k: string, v: string) => (params[k] ??= []).push(v);
  for (const [k, v] of [...request.query, ...request.signedBody]) {
    if (k !== "oauth_signature") add(k, v);
  }
  if (inHeader) {
    for (const [k, v] of oauth) if (k !== "oauth_signature" && k !== "realm") add(k, v);
  }
  const expected = hmacsign(
    request.req.method ?? "GET",
    request.baseUrl,
    params,
    credentials.consumerSecret,
    token === undefined ? "" : credentials.accessTokenSecret,
  );
  if (!safeEqual(expected, oauth.get("oauth_signature") ?? "")) {
    return invalid("The API signature is invalid.");
  }
  const timestamp = Number(oauth.get("oauth_timestamp"));
  const windowMs = options.timestampWindowSeconds * 1000;
  if (!Number.isInteger(timestamp) || Math.abs(timestamp * 1000 - Date.now()) > windowMs) {
    return invalid("oauth_timestamp is missing or too far from the current time.");
  }
  const nonce = oauth.get("oauth_nonce") ?? "";
  if (nonce === "") return invalid("oauth_nonce is missing.");
  const key = `${credentials.consumerKey}\n${token ?? ""}\n${timestamp}\n${nonce}`;
  if (!nonces.use(key, timestamp * 1000 + windowMs + 1000)) {
    return invalid("This oauth_nonce was already used: the request looks like a replay.");
  }
  // Without an access token the consumer alone is only an anonymous caller.
  return {
    ok: true,
    level: token === undefined ? "anonymous" : options.permissionLevel,
    method: "oauth",
  };
}

const ORDER: readonly PermissionLevel[] = ["none", "anonymous", "read", "write", "admin", "super"];

/** `level` is at least `required`. */
export function hasPermission(level: PermissionLevel, required: PermissionLevel): boolean {
  return ORDER.indexOf(level) >= ORDER.indexOf(required);
}
