// What the token endpoint logs: enough to operate it (outcome, status, timing, sizes), nothing
// that could be replayed (no upload token, secret, signature, header value or file name).

/** One line of the endpoint's log. Never holds a token, secret, signature or header value. */
export interface TokenLogEntry {
  event: "upload-token";
  /** The HTTP method of the incoming request. */
  method: string;
  /** `issued`: a token went to the browser; `refused`: the request was turned away. */
  outcome: "issued" | "refused" | "upstream-error" | "internal-error";
  /** The status the endpoint answered with. */
  status: number;
  /** The error code of a refusal (`missing_csrf_header`, `invalid_field`, …). */
  code?: string;
  /** The request field a 422 is about. */
  field?: string;
  /** TwentyThree's own error code, e.g. `invalid_signature` (never its message). */
  upstreamCode?: string;
  /** When TwentyThree answered with a redirect: the origin of its `Location` (never the path or query). */
  redirectOrigin?: string;
  /** For a 500: the class of the error (`TypeError`), never its message. */
  errorName?: string;
  /** The declared size of the file the token is for. */
  fileSize?: number;
  /** How many uploads the token allows. */
  maxUploads?: number;
  durationMs: number;
}

/** Receives one entry per request. */
export type TokenLogger = (entry: TokenLogEntry) => void;

/** The default logger: one JSON line per request on stdout. */
export function logJsonLine(entry: TokenLogEntry): void {
  console.log(JSON.stringify(entry));
}
