// A transport that sends nothing: for tests and stories. Deterministic (timers only, no
// randomness), so it behaves the same under fake timers. It keeps a record of what was "stored",
// refuses used-up or expired tokens like TwentyThree, and offers a matching `findUploads`.
import { UploadError, type UploadErrorKind } from "./errors.js";
import type {
  FindUploads,
  Transport,
  TransportRequest,
  UploadResult,
  UploadToken,
} from "./types.js";

/** A scripted failure of one attempt. */
export interface MockFailure {
  /** The error kind, or `"stall"`: stop making progress and never answer (until aborted). */
  readonly kind: UploadErrorKind | "stall";
  /** HTTP status for kind `"http"`. Default: `503`. */
  readonly status?: number;
  /** Sets the error's `retryAfterMs`, as a `Retry-After` header would. Default: none. */
  readonly retryAfterMs?: number;
  /** The error message. Default: a generic sentence for the kind. */
  readonly message?: string;
  /**
   * When it happens: `"connect"` before any byte (no progress at all), `"sending"` halfway
   * through the body, `"response"` after the whole body was sent. Default: `"response"` for
   * `http`, token and file errors, `"sending"` for the others.
   */
  readonly at?: "connect" | "sending" | "response";
  /**
   * Store the file before failing (an answer lost after TwentyThree stored it). Default: `false`.
   */
  readonly stored?: boolean;
  /** The error's `ambiguous` flag. Default: `true` when `stored`, or for `network`/`timeout` at `"response"`. */
  readonly ambiguous?: boolean;
}

/** One call of the mock transport. */
export interface MockTransportCall {
  /** The file of this call. */
  readonly file: Blob;
  /** The file name the uploader passed ({@link TransportRequest}'s `fileName`). */
  readonly fileName: string;
  /** The token the call was given. */
  readonly token: UploadToken;
  /** 1 for the first call with this file. */
  readonly attempt: number;
  /** 1 for the transport's first call. */
  readonly call: number;
}

/** A file the mock stored. */
export interface MockUpload {
  /** The file name the call was given. */
  readonly fileName: string;
  /** The file's size in bytes. */
  readonly size: number;
  /** The upload token it was stored with. */
  readonly uploadToken: string;
  /**
   * The stored result: what the call resolved with, or (a failure after storing) what `findUploads`
   * finds.
   */
  readonly result: UploadResult;
}

/** Options of {@link createMockTransport}. */
export interface MockTransportOptions {
  /** Time to send a whole body. Default: `1000` ms. */
  readonly durationMs?: number;
  /** Progress events while sending (after the initial 0). Default: `10`. */
  readonly progressSteps?: number;
  /** Time between the body being sent and the answer. Default: `0` ms. */
  readonly responseDelayMs?: number;
  /**
   * Scripted failures: entry `i` applies to attempt `i + 1` of every file (`null` succeeds), or a
   * function of the call. Default: every attempt succeeds.
   */
  readonly failures?:
    readonly (MockFailure | null)[] | ((call: MockTransportCall) => MockFailure | null | undefined);
  /** Fields of a successful result. Default: sequential `photoId`s from `"1"`. */
  readonly result?: (call: MockTransportCall) => Partial<UploadResult>;
  /**
   * Refuse expired and used-up tokens (`token-expired`, `token-invalid`) like TwentyThree.
   * Default: `true`.
   */
  readonly checkTokens?: boolean;
}

/** The mock: a {@link Transport} with a record of its calls and of what it stored. */
export interface MockTransport extends Transport {
  /** Every call, in order. */
  readonly calls: readonly MockTransportCall[];
  /** Every stored file, in order. */
  readonly uploads: readonly MockUpload[];
  /** Lists what was stored with a token, like `photo/list?upload_token=`. */
  readonly findUploads: FindUploads;
}

const defaultAt = (kind: MockFailure["kind"]) =>
  kind === "http" ||
  kind === "token-expired" ||
  kind === "token-invalid" ||
  kind === "file-rejected"
    ? "response"
    : "sending";

/**
 * Creates a mock transport for tests and stories: progress in steps, scripted failures per
 * attempt, results, and a `findUploads` over what it stored.
 *
 * @example
 * const transport = createMockTransport({ failures: [{ kind: "http", status: 503 }] });
 * const uploader = createUploader({ site: "example.com", token: createMockTokenSource(), transport });
 */
export function createMockTransport(options: MockTransportOptions = {}): MockTransport {
  const durationMs = options.durationMs ?? 1000;
  const steps = Math.max(1, options.progressSteps ?? 10);
  const responseDelayMs = options.responseDelayMs ?? 0;
  const calls: MockTransportCall[] = [];
  const uploads: MockUpload[] = [];
  const attemptsByFile = new WeakMap<Blob, number>();
  const usesByToken = new Map<string, number>();

  const failureFor = (call: MockTransportCall): MockFailure | null => {
    const { failures } = options;
    if (typeof failures === "function") {
      return failures(call) ?? null;
    }
    return failures?.[call.attempt - 1] ?? null;
  };

  const store = (request: TransportRequest, call: MockTransportCall): UploadResult => {
    const number = String(uploads.length + 1);
    const result: UploadResult = {
      photoId: number,
      treeId: number,
      token: `video-secret-${number}`,
      domain: null,
      params: {},
      ...options.result?.(call),
    };
    const key = request.token.uploadToken;
    usesByToken.set(key, (usesByToken.get(key) ?? 0) + 1);
    uploads.push({ fileName: request.fileName, size: request.file.size, uploadToken: key, result });
    return result;
  };

  const tokenFailure = (token: UploadToken): MockFailure | null => {
    if (options.checkTokens === false) {
      return null;
    }
    if (token.validUntil.getTime() <= Date.now()) {
      return { kind: "token-expired", message: "The upload token has expired." };
    }
    if ((usesByToken.get(token.uploadToken) ?? 0) >= token.maxUploads) {
      return { kind: "token-invalid", message: "The upload token is invalid or already used." };
    }
    return null;
  };

  const transport = (request: TransportRequest) =>
    new Promise<UploadResult>((resolve, reject) => {
      const attempt = (attemptsByFile.get(request.file) ?? 0) + 1;
      attemptsByFile.set(request.file, attempt);
      const call: MockTransportCall = {
        file: request.file,
        fileName: request.fileName,
        token: request.token,
        attempt,
        call: calls.length + 1,
      };
      calls.push(call);
      const scripted = failureFor(call);
      const at = scripted ? (scripted.at ?? defaultAt(scripted.kind)) : null;
      const size = request.file.size;
      const timers = new Set<ReturnType<typeof setTimeout>>();
      const later = (ms: number, run: () => void) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          run();
        }, ms);
        timers.add(timer);
      };
      const onAbort = () => {
        timers.forEach(clearTimeout);
        timers.clear();
        reject(new UploadError("aborted", "The upload was canceled."));
      };
      const fail = (failure: MockFailure, isAfterBody: boolean) => {
        const kind = failure.kind;
        if (kind === "stall") {
          return; // never answers: only an abort ends it
        }
        request.signal.removeEventListener("abort", onAbort);
        if (failure.stored) {
          store(request, call);
        }
        const ambiguous =
          failure.ambiguous ??
          (failure.stored === true || (isAfterBody && (kind === "network" || kind === "timeout")));
        reject(
          new UploadError(kind, failure.message ?? `Mock ${kind} failure.`, {
            ambiguous,
            status: kind === "http" ? (failure.status ?? 503) : (failure.status ?? null),
            retryAfterMs: failure.retryAfterMs ?? null,
          }),
        );
      };
      if (request.signal.aborted) {
        onAbort();
        return;
      }
      request.signal.addEventListener("abort", onAbort, { once: true });

      if (scripted && at === "connect") {
        later(0, () => fail(scripted, false));
        return;
      }
      request.onProgress({ loaded: 0, total: size });
      const stopAt = scripted && at === "sending" ? Math.ceil(steps / 2) : steps;
      for (let step = 1; step <= stopAt; step += 1) {
        later((durationMs * step) / steps, () => {
          request.onProgress({ loaded: Math.round((size * step) / steps), total: size });
          if (step < stopAt) {
            return;
          }
          if (scripted && at === "sending") {
            fail(scripted, false);
            return;
          }
          request.onBodySent();
          later(responseDelayMs, () => {
            const failure = scripted ?? tokenFailure(request.token);
            if (failure) {
              fail(failure, true);
              return;
            }
            request.signal.removeEventListener("abort", onAbort);
            resolve(store(request, call));
          });
        });
      }
    });

  const findUploads: FindUploads = async ({ token }) =>
    uploads
      .filter((upload) => upload.uploadToken === token.uploadToken)
      .map((upload) => upload.result);

  return Object.assign(transport, { calls, uploads, findUploads });
}
