import type { IncomingMessage } from "node:http";
import type { EndpointName } from "./controlTypes.js";

/**
 * Whether a request is a probe: a redeem POST whose multipart body is empty (no token, no file),
 * told from its headers before a byte of the body is read. That is what the CORS probe of
 * `@twentythree-upload/core` sends (an XHR POST of `new FormData()`), and it can never be an
 * upload. Browsers and Node serialize an empty form as the closing delimiter alone,
 * `--<boundary>--` and a CRLF.
 */
export function isProbe(req: IncomingMessage, endpoint: EndpointName): boolean {
  if (endpoint !== "photo/redeem-upload-token" || req.method !== "POST") return false;
  const type = req.headers["content-type"] ?? "";
  const match = /^multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(type);
  const boundary = match?.[1] ?? match?.[2];
  const length = Number(req.headers["content-length"]);
  if (boundary === undefined || !Number.isInteger(length)) return false;
  const delimiter = `--${boundary}--`.length;
  return length === delimiter || length === delimiter + 2;
}
