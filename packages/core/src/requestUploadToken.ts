import { apiErrorOf } from "./apiErrorOf.js";
import { decodeApiBody } from "./decodeApiBody.js";
import { abortedError } from "./abortedError.js";
import { TokenRequestError, TwentyThreeUploadError } from "./errors.js";
import { isPromiseLike } from "./isPromiseLike.js";
import { parseTokenObject, parseUploadToken } from "./parseUploadToken.js";
import { rememberReceivedTokenSoon } from "./receivedTokens.js";
import { redactSecrets } from "./redactSecrets.js";
import type { TokenSource, UploadToken, UploadTokenRequest } from "./types.js";
import { withDeadline } from "./withDeadline.js";

/** Options of {@link requestUploadToken}. */
export interface RequestUploadTokenOptions {
  /** Cancels the request; the promise then rejects with an `UploadError` of kind `"aborted"`. Default: none. */
  signal?: AbortSignal;
  /** Extra headers for a URL source (e.g. your own CSRF token). Default: none. */
  headers?: Readonly<Record<string, string>>;
  /** The `fetch` to use for a URL source. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * Gives up when no token came within this many milliseconds (a `TokenRequestError` with
   * `status: null`), even from a token function that ignores its signal. Default: none.
   */
  timeoutMs?: number;
}

/**
 * The header every token request carries. A cross-origin page can only send a custom header
 * after a CORS preflight, so a token endpoint that requires it (and answers no preflight) cannot
 * be driven by another site: this is the CSRF defence contract with token endpoints.
 */
export const TOKEN_REQUEST_HEADER = {
  /** The header's name and its fixed value. */
  "X-Requested-With": "twentythree-upload",
} as const;

/**
 * Gets a fresh upload token from the app. The library never calls get-upload-token on
 * TwentyThree itself: that needs write credentials, which belong on a server.
 *
 * - A URL source is POSTed `request` as JSON (same-origin credentials, `X-Requested-With:
 *   twentythree-upload`); whatever it returns is parsed with `parseUploadToken`.
 * - A function source is called with `(request, { signal })`; an `UploadToken` it returns is
 *   validated, a raw body or parsed object is parsed.
 *
 * In a browser, the tab remembers a fingerprint of the token (`rememberReceivedToken`; the storage write waits for the next task), so that
 * `<CallbackHandler>` can flag a callback for a token this tab never received.
 *
 * @throws UploadError `aborted` when `signal` aborts.
 * @throws TokenRequestError when the endpoint is unreachable or does not answer within
 *   `timeoutMs` (`status: null`), answers an HTTP error (its JSON `{ error, message }` in
 *   `serverCode`/`serverMessage`), or the function throws or does not settle within `timeoutMs`.
 * @throws TwentyThreeApiError when the answer is TwentyThree's error envelope.
 * @throws ResponseFormatError when the answer is not a token (e.g. a login page).
 */
export async function requestUploadToken(
  source: TokenSource,
  request: UploadTokenRequest,
  options: RequestUploadTokenOptions = {},
): Promise<UploadToken> {
  return startTokenRequest(source, request, options);
}

/**
 * @internal {@link requestUploadToken} for the uploader: a token function that returns a token
 * (not a promise) gets its token checked and returned in the same task, so that the upload
 * request goes out before the page does anything else (e.g. React rendering the pick). Throws
 * or rejects with the same errors.
 */
export function startTokenRequest(
  source: TokenSource,
  request: UploadTokenRequest,
  options: RequestUploadTokenOptions = {},
  // The warm-up's canned token must not count as received (a callback naming it is forged).
  isReal = true,
): UploadToken | Promise<UploadToken> {
  const signal = options.signal ?? new AbortController().signal;
  if (signal.aborted) throw abortedError(signal);
  const isFunction = typeof source === "function";
  const token = withDeadline(
    signal,
    options.timeoutMs,
    (inner) =>
      typeof source === "function"
        ? fromFunction(source, request, inner)
        : fromEndpoint(source, request, inner, options),
    (ms) =>
      new TokenRequestError(
        isFunction ? "token_source_failed" : "token_endpoint_unreachable",
        `The token ${isFunction ? "function" : "endpoint"} did not answer within ${ms / 1000} s.`,
      ),
  );
  const received = (token: UploadToken) => {
    // So that a return_url page can tell a callback for this tab's upload from a forged one.
    if (isReal) rememberReceivedTokenSoon(token.uploadToken);
    return token;
  };
  return isPromiseLike(token) ? token.then(received) : received(token);
}

function fromFunction(
  source: Extract<TokenSource, (...args: never[]) => unknown>,
  request: UploadTokenRequest,
  signal: AbortSignal,
): UploadToken | Promise<UploadToken> {
  const failed = (error: unknown): never => {
    if (signal.aborted) throw abortedError(signal);
    if (error instanceof TwentyThreeUploadError) throw error;
    throw new TokenRequestError("token_source_failed", "The token function failed.", {
      cause: error,
    });
  };
  const parse = (result: UploadToken | string | object): UploadToken | Promise<UploadToken> => {
    if (signal.aborted) throw abortedError(signal);
    // Text needs decoding (XML loads its parser on demand); an object is checked at once.
    return typeof result === "string" ? parseUploadToken(result) : parseTokenObject(result);
  };
  let result: ReturnType<typeof source>;
  try {
    result = source(request, { signal });
  } catch (error) {
    return failed(error);
  }
  return isPromiseLike(result) ? Promise.resolve(result).then(parse, failed) : parse(result);
}

async function fromEndpoint(
  url: string | URL,
  request: UploadTokenRequest,
  signal: AbortSignal,
  options: RequestUploadTokenOptions,
): Promise<UploadToken> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  let status: number;
  let text: string;
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: {
        "Content-Type": "application/json",
        ...TOKEN_REQUEST_HEADER,
        ...options.headers,
      },
      body: JSON.stringify(request),
      signal,
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw abortedError(signal);
    throw new TokenRequestError(
      "token_endpoint_unreachable",
      "The token endpoint could not be reached (offline, or it does not allow this page).",
      { cause: error },
    );
  }
  if (status < 200 || status > 299) throw await endpointError(status, text);
  return parseUploadToken(text, { status });
}

/** An error status: TwentyThree's envelope passed through, or the endpoint's `{ error, message }`. */
async function endpointError(status: number, text: string): Promise<Error> {
  const decoded = await decodeApiBody(text);
  const value = decoded.ok ? decoded.value : null;
  const apiError = apiErrorOf(value, status);
  if (apiError) return apiError;
  const record =
    value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const serverCode = typeof record.error === "string" ? record.error : null;
  const serverMessage =
    typeof record.message === "string" && record.message.trim() !== ""
      ? redactSecrets(record.message.trim())
      : null;
  return new TokenRequestError(
    "token_endpoint_error",
    `The token endpoint answered with HTTP ${status}${serverMessage ? `: ${serverMessage}` : "."}`,
    { status, serverCode, serverMessage },
  );
}
