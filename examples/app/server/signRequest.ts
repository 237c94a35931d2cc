// OAuth 1.0a (HMAC-SHA1) signing of a get-upload-token call with the oauth-1.0a library. Only GET
// query parameters and url-encoded POST bodies are covered by the signature (TwentyThree's
// oauth.md), so the parameters are sent as one of those, never as JSON or multipart.
import { createHmac } from "node:crypto";
import OAuth from "oauth-1.0a";
import type { TwentyThreeCredentials } from "./tokenHandlerOptions.js";

/** A request ready for `fetch`. Holds the Authorization header: never log it. */
export interface SignedRequest {
  url: string;
  init: { method: "GET" | "POST"; headers: Record<string, string>; body?: string };
}

function hmacSha1(baseString: string, key: string): string {
  return createHmac("sha1", key).update(baseString).digest("base64");
}

/**
 * Signs `params` for `method` on `endpoint` (a URL without a query). A GET carries them in the
 * query string, a POST in an `application/x-www-form-urlencoded` body; both are encoded the way
 * the signature base string encodes them (RFC 3986), so the server computes the same base string.
 */
export function signRequest(
  method: "GET" | "POST",
  endpoint: string,
  params: Readonly<Record<string, string>>,
  credentials: TwentyThreeCredentials,
): SignedRequest {
  const oauth = new OAuth({
    consumer: { key: credentials.consumerKey, secret: credentials.consumerSecret },
    signature_method: "HMAC-SHA1",
    hash_function: hmacSha1,
  });
  const authorization = oauth.authorize(
    { url: endpoint, method, data: params },
    { key: credentials.accessToken, secret: credentials.accessTokenSecret },
  );
  const encoded = Object.entries(params)
    .map(([key, value]) => `${oauth.percentEncode(key)}=${oauth.percentEncode(value)}`)
    .join("&");
  const headers: Record<string, string> = {
    ...oauth.toHeader(authorization),
    Accept: "application/json",
  };
  if (method === "GET") {
    return { url: encoded ? `${endpoint}?${encoded}` : endpoint, init: { method, headers } };
  }
  headers["Content-Type"] = "application/x-www-form-urlencoded";
  return { url: endpoint, init: { method, headers, body: encoded } };
}
