// oauth-sign ships CommonJS without typings; this file gives the one function the emulator uses
// a type, without an ambient declaration that every consumer of the sources would need.
import { createRequire } from "node:module";

/** Parameter values; an array stands for a repeated parameter. */
export type OAuthParams = Record<string, string | readonly string[]>;

interface OAuthSign {
  hmacsign(
    httpMethod: string,
    baseUri: string,
    params: OAuthParams,
    consumerSecret: string,
    tokenSecret?: string,
  ): string;
}

const oauthSign = createRequire(import.meta.url)("oauth-sign") as OAuthSign;

/** The base64 HMAC-SHA1 signature of the RFC 5849 signature base string (oauth-sign). */
export const hmacsign: OAuthSign["hmacsign"] = (...args) => oauthSign.hmacsign(...args);
