// Every error the library throws is a TwentyThreeUploadError with a stable `code`, and its message
// never contains an upload token (tokens are credentials).

/** Base class: `code` is stable and meant for programs; `message` is for people. */
export class TwentyThreeUploadError extends Error {
  /** A stable snake_case code, e.g. `invalid_options`; see docs/troubleshooting.md for each. */
  declare readonly code: string;
  /**
   * The library throws this class itself for some codes (e.g. `invalid_options`) and a subclass
   * for the others.
   *
   * @param code The stable code.
   * @param message A sentence for people. Never put an upload token in it.
   * @param options `cause`: the underlying error, if any.
   */
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** TwentyThree answered with its error envelope (`status="error"`), e.g. `invalid_signature`. */
export class TwentyThreeApiError extends TwentyThreeUploadError {
  /** HTTP status when known (legacy errors come with 200). */
  declare readonly status: number | null;
  /**
   * Made by the library's parsers from TwentyThree's error envelope.
   *
   * @param code TwentyThree's error code.
   * @param message TwentyThree's message.
   * @param status The HTTP status, when known. Default: `null`.
   */
  constructor(code: string, message: string, status: number | null = null) {
    super(code, message);
    this.status = status;
  }
}

/**
 * A body that is not any shape we know (an HTML error page, an empty body, truncated XML…).
 * `received` is a short, token-free excerpt of what came back.
 */
export class ResponseFormatError extends TwentyThreeUploadError {
  /** A short excerpt of the body that came back, with tokens removed, for diagnosis. */
  declare readonly received: string;
  /**
   * Always has the code `unrecognized_response`.
   *
   * @param message What was expected and what came instead.
   * @param received A short, token-free excerpt of the body.
   */
  constructor(message: string, received: string) {
    super("unrecognized_response", message);
    this.received = received;
  }
}

/** A return_url callback that is neither success nor error, lacks a field, or is not trusted. */
export class CallbackError extends TwentyThreeUploadError {}

/**
 * What went wrong with an upload, in kinds a UI can act on:
 * - `network`: the connection failed (offline, reset, DNS…);
 * - `timeout`: stalled while sending, or no answer before the deadline;
 * - `http`: an HTTP error status (`status`, maybe `retryAfterMs`);
 * - `token-expired`: the token's `valid_until` passed;
 * - `token-invalid`: TwentyThree refused the token (invalid or already consumed);
 * - `file-rejected`: TwentyThree refused the file (e.g. unsupported type); not retried;
 * - `cors`: the site does not allow this origin to read its answers;
 * - `aborted`: canceled by the app or the user.
 */
export type UploadErrorKind =
  | "network"
  | "timeout"
  | "http"
  | "token-expired"
  | "token-invalid"
  | "file-rejected"
  | "cors"
  | "aborted";

/** A failed upload attempt. */
export class UploadError extends TwentyThreeUploadError {
  /** What went wrong, in terms a UI can act on; `code` is `upload_<kind>` (`-` becomes `_`). */
  declare readonly kind: UploadErrorKind;
  /**
   * The body was (or may have been) fully sent before the failure, so TwentyThree may have
   * stored the file and consumed the token: reconcile before retrying.
   */
  declare readonly ambiguous: boolean;
  /** HTTP status, when there was one. */
  declare readonly status: number | null;
  /** From `Retry-After`, when the server sent one and CORS let us read it. */
  declare readonly retryAfterMs: number | null;
  /** TwentyThree's own message (e.g. `error_message`), to be shown as text only. */
  declare readonly serverMessage: string | null;
  /**
   * A custom {@link Transport} rejects with one of these, so that the uploader can decide
   * whether to retry and whether to reconcile.
   *
   * @param kind What went wrong.
   * @param message A sentence for people. Never put an upload token in it.
   * @param details The fields of the same name (each default: `false` for `ambiguous`, else
   *   `null`), and `cause`, the underlying error.
   */
  constructor(
    kind: UploadErrorKind,
    message: string,
    details: {
      ambiguous?: boolean;
      status?: number | null;
      retryAfterMs?: number | null;
      serverMessage?: string | null;
      cause?: unknown;
    } = {},
  ) {
    super(`upload_${kind.replace("-", "_")}`, message, { cause: details.cause });
    this.kind = kind;
    this.ambiguous = details.ambiguous ?? false;
    this.status = details.status ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.serverMessage = details.serverMessage ?? null;
  }
}

/**
 * The app's token endpoint or token function did not produce a token. `code` is
 * `token_endpoint_unreachable` (no answer: offline, DNS, CORS; `status` is `null`),
 * `token_endpoint_error` (an HTTP error status) or `token_source_failed` (the token function
 * threw). A retry may help when `status` is `null`, 408, 429 or 5xx.
 */
export class TokenRequestError extends TwentyThreeUploadError {
  /** HTTP status of the endpoint's answer, or `null` when there was none. */
  declare readonly status: number | null;
  /** The endpoint's own error code (its JSON `error` field), when it sent one. */
  declare readonly serverCode: string | null;
  /** The endpoint's own message (its JSON `message` field), to be shown as text only. */
  declare readonly serverMessage: string | null;
  /**
   * Thrown by `requestUploadToken`; a token function may throw one itself to pass on a status.
   *
   * @param code Which of the three failures this is.
   * @param message A sentence for people. Never put an upload token in it.
   * @param details The fields of the same name (each default: `null`), and `cause`, the
   *   underlying error.
   */
  constructor(
    code: "token_endpoint_unreachable" | "token_endpoint_error" | "token_source_failed",
    message: string,
    details: {
      status?: number | null;
      serverCode?: string | null;
      serverMessage?: string | null;
      cause?: unknown;
    } = {},
  ) {
    super(code, message, { cause: details.cause });
    this.status = details.status ?? null;
    this.serverCode = details.serverCode ?? null;
    this.serverMessage = details.serverMessage ?? null;
  }
}
