// Minimal typings for oauth-sign (the package ships none); only what the emulator calls.
declare module "oauth-sign" {
  /** Parameter values; an array stands for a repeated parameter. */
  export type OAuthParams = Record<string, string | readonly string[]>;
  /** The base64 HMAC-SHA1 signature of the RFC 5849 signature base string. */
  export function hmacsign(
    httpMethod: string,
    baseUri: string,
    params: OAuthParams,
    consumerSecret: string,
    tokenSecret?: string,
  ): string;
  /** RFC 3986 percent-encoding. */
  export function rfc3986(value: string): string;
}
