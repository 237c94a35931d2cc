// Calls get-upload-token and checks the answer. Both API generations are handled: legacy answers
// HTTP 200 even for errors (`status: "error"` in the body), v2 uses HTTP statuses as well. What
// reaches the browser is TwentyThree's own JSON, trimmed to the status and the token object, so
// the library's parser reads it like a direct answer.
import type { Refusal } from "./refusal.js";
import type { ResolvedTokenHandlerOptions } from "./tokenHandlerOptions.js";
import { signRequest } from "./signRequest.js";

export type UpstreamResult =
  | { ok: true; body: Record<string, unknown>; token: Record<string, unknown> }
  | { ok: false; refusal: Refusal; upstreamCode?: string; redirectOrigin?: string };

const MAX_UPSTREAM_BYTES = 256 * 1024;
const ERROR_CODE = /^[a-z][a-z0-9_]{0,63}$/;

function upstreamError(message: string, upstreamCode?: string): UpstreamResult {
  const refusal: Refusal = { status: 502, error: "upstream_error", message };
  return upstreamCode === undefined ? { ok: false, refusal } : { ok: false, refusal, upstreamCode };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads the body as it arrives, giving up as soon as it passes the cap (`null`): a site that
 * streams without end must not fill the server's memory, nor hold the request until the
 * deadline. Rejects when reading fails (the deadline passed, or the connection broke).
 */
async function readCapped(response: Response): Promise<string | null> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_UPSTREAM_BYTES) {
    void response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > MAX_UPSTREAM_BYTES) {
      void reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** The origin of a `Location` header: its path and query may carry a signature or a token. */
function originOf(location: string | null, base: string): string | undefined {
  if (location === null) return undefined;
  try {
    const { origin } = new URL(location, base);
    return origin === "null" ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** Parses legacy (`var visual = {…};` or raw) or v2 JSON. */
function parseJson(text: string): unknown {
  const unwrapped = text
    .trim()
    .replace(/^var\s+[A-Za-z_$][\w$]*\s*=\s*/, "")
    .replace(/;\s*$/, "");
  try {
    return JSON.parse(unwrapped) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Signs and sends get-upload-token with `params`.
 *
 * @param signal Aborts the call when the browser goes away; the timeout is added here.
 */
export async function fetchUploadToken(
  options: ResolvedTokenHandlerOptions,
  params: Readonly<Record<string, string>>,
  signal?: AbortSignal,
): Promise<UpstreamResult> {
  const signed = signRequest(options.upstreamMethod, options.endpoint, params, options.credentials);
  const timeout = AbortSignal.timeout(options.upstreamTimeoutMs);
  let response: Response;
  try {
    response = await options.fetch(signed.url, {
      ...signed.init,
      // Not followed (a signed request goes to one host), but seen: a redirect is a
      // configuration mistake to name, not a network failure.
      redirect: "manual",
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch {
    // The error may quote the URL (which carries the signature on a GET): do not pass it on.
    return timeout.aborted
      ? upstreamError("TwentyThree did not answer in time.", "timeout")
      : upstreamError("Could not reach TwentyThree.", "network");
  }

  if (response.status >= 300 && response.status < 400) {
    void response.body?.cancel().catch(() => undefined);
    const refusal: Refusal = {
      status: 502,
      error: "upstream_error",
      message: "TwentyThree redirected the request; set TWENTYTHREE_SITE to the site's own domain.",
    };
    const origin = originOf(response.headers.get("location"), signed.url);
    return origin === undefined
      ? { ok: false, refusal, upstreamCode: "redirect" }
      : { ok: false, refusal, upstreamCode: "redirect", redirectOrigin: origin };
  }

  let text: string | null;
  try {
    text = await readCapped(response);
  } catch {
    // The deadline covers the whole answer: a site that sends its headers and then stalls has
    // not answered in time either.
    return timeout.aborted
      ? upstreamError("TwentyThree did not answer in time.", "timeout")
      : upstreamError("The connection to TwentyThree broke during its answer.", "network");
  }
  if (text === null) {
    return upstreamError(
      `TwentyThree answered HTTP ${response.status} with more than ${MAX_UPSTREAM_BYTES / 1024} KiB, ` +
        "far more than a token.",
      "response_too_large",
    );
  }
  const body = parseJson(text);
  if (!isRecord(body)) {
    return upstreamError(
      `TwentyThree answered HTTP ${response.status} with something other than JSON.`,
      "unrecognized_response",
    );
  }
  if (body.status === "error" || !response.ok) {
    const code =
      typeof body.code === "string" && ERROR_CODE.test(body.code) ? body.code : undefined;
    // TwentyThree's message is not repeated: it is meant for the integrator (it is logged as a
    // code), and the browser has no use for details of the server's credentials.
    return upstreamError(
      `TwentyThree refused to issue an upload token${code ? ` (${code})` : ""}.`,
      code ?? `http_${response.status}`,
    );
  }
  const key = options.apiVersion === "v2" ? "data" : "uploadtoken";
  const token = body[key];
  if (
    body.status !== "ok" ||
    !isRecord(token) ||
    typeof token.upload_token !== "string" ||
    token.upload_token === ""
  ) {
    return upstreamError(
      "TwentyThree's answer did not contain an upload token.",
      "unrecognized_response",
    );
  }
  const trimmed: Record<string, unknown> = { status: "ok", [key]: token };
  if (typeof body.message === "string") trimmed.message = body.message;
  return { ok: true, body: trimmed, token };
}
