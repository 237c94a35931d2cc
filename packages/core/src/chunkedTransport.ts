// The chunked transport's implementation, loaded on demand by the auto transport (see
// transportKit.ts for why it takes core's functions as `kit` rather than importing them).
import type { ChunkedTransportOptions } from "./createChunkedTransport.js";
import type { UploadError } from "./errors.js";
import type { RedeemResponse } from "./parseRedeemResponse.js";
import type { TransportKit } from "./transportKit.js";
import type { Transport, TransportRequest } from "./types.js";

// Each chunk costs a request and a round trip before its worker sends the next one; 16 MiB keeps
// that under a few percent (docs/benchmarks.md: 5 MiB chunks ran at ~0.8× a single request on
// loopback, 16 MiB at ~1.0×) while a dropped connection re-sends at most 16 MiB per chunk in
// flight. TwentyThree's CLI uses 5 MiB; the server takes whole files in one request, so size
// is not its limit.
const DEFAULT_CHUNK_SIZE = 16 * 1024 * 1024;

/** @internal {@link createChunkedTransport} with the core functions it uses passed in. */
export function chunkedTransport(kit: TransportKit, options: ChunkedTransportOptions): Transport {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE));
  const parallel = Math.max(1, Math.floor(options.parallel ?? 3));
  const chunkRetries = Math.max(0, Math.floor(options.chunkRetries ?? 3));
  const delayFor =
    typeof options.retryDelayMs === "function"
      ? options.retryDelayMs
      : (retry: number) =>
          typeof options.retryDelayMs === "number"
            ? options.retryDelayMs
            : Math.min(1000 * 2 ** (retry - 1), 30_000);
  const detectCors = options.detectCors ?? true;
  return (request) =>
    new ChunkedUpload(kit, request, {
      chunkSize,
      parallel,
      chunkRetries,
      delayFor,
      detectCors,
    }).run();
}

interface Settings {
  chunkSize: number;
  parallel: number;
  chunkRetries: number;
  delayFor: (retry: number) => number;
  detectCors: boolean;
}

class ChunkedUpload {
  private readonly url: string;
  private readonly size: number;
  private readonly count: number;
  private readonly identifier: string;
  /** Stops sibling chunks when one fails for good, and follows the request's signal. */
  private readonly controller = new AbortController();
  private readonly sent = new Map<number, number>();
  private anyBytes = false;
  private finalBodySent = false;

  constructor(
    private readonly kit: TransportKit,
    private readonly request: TransportRequest,
    private readonly settings: Settings,
  ) {
    this.url = kit.apiUrl(request.site, request.apiVersion, "photo/redeem-upload-token");
    this.size = request.file.size;
    this.count = Math.max(1, Math.floor(this.size / settings.chunkSize));
    this.identifier = `${this.size}-${request.fileName.replace(/[^\w-]/g, "")}-${randomId()}`;
  }

  async run() {
    const { signal } = this.request;
    const follow = () => this.kit.forwardAbort(this.controller, signal);
    if (signal.aborted) follow();
    signal.addEventListener("abort", follow, { once: true });
    this.request.onProgress({ loaded: 0, total: this.size });
    try {
      const others = Array.from({ length: this.count - 1 }, (_, index) => index + 1);
      const worker = async () => {
        for (let number = others.shift(); number !== undefined; number = others.shift()) {
          await this.send(number);
        }
      };
      const workers = Math.min(this.settings.parallel, others.length);
      await Promise.all(Array.from({ length: workers }, worker));
      // The final chunk makes TwentyThree assemble and store the file: send it only when every
      // other chunk is in, so that a failure earlier never leaves a half-registered upload.
      return await this.kit.parseRedeemResponse(await this.send(this.count));
    } catch (error) {
      this.controller.abort();
      throw signal.aborted ? this.abortError(signal) : error;
    } finally {
      signal.removeEventListener("abort", follow);
    }
  }

  /** Sends one chunk (1-based) with retries; resolves with the answer of a successful try. */
  private async send(number: number): Promise<RedeemResponse> {
    const { UploadError, parseRedeemResponse, redeemForm, sendXhr } = this.kit;
    const final = number === this.count;
    const start = (number - 1) * this.settings.chunkSize;
    const end = final ? this.size : start + this.settings.chunkSize;
    for (let retry = 0; ; retry += 1) {
      if (retry > 0) await this.wait(this.settings.delayFor(retry));
      let response: RedeemResponse;
      try {
        response = await sendXhr({
          url: this.url,
          body: redeemForm(
            this.request,
            this.request.file.slice(start, end),
            this.fields(number, end - start),
          ),
          signal: this.controller.signal,
          onUploadProgress: (loaded, total) => {
            if (loaded > 0) this.anyBytes = true;
            this.sent.set(
              number,
              Math.round((end - start) * (total ? Math.min(1, loaded / total) : 0)),
            );
            this.report();
          },
          // Only the final chunk's answer is TwentyThree's outcome (and maybe a redirect).
          redirects:
            final && this.request.token.returnUrl !== null && !this.request.token.backgroundReturn,
          onBodySent: () => {
            if (!final) return;
            this.finalBodySent = true;
            this.request.onBodySent();
          },
        });
      } catch (error) {
        if (!(error instanceof UploadError) || error.kind !== "network") throw error;
        // Nothing is stored before the final chunk, so only its failure after sending is ambiguous.
        if (error.ambiguous && final) throw error;
        if (!this.anyBytes && (await this.corsRefused())) throw corsError(this.kit, error);
        if (retry >= this.settings.chunkRetries) throw notAmbiguous(this.kit, error);
        this.sent.set(number, 0);
        continue;
      }
      if (response.status === 500) throw await rejection(this.kit, response, this.request);
      // A 5xx to the final chunk may come from a gateway that gave up while TwentyThree stored
      // the file: never send it again here; the uploader looks the upload up first.
      const retryable =
        response.status === 408 || response.status === 429 || (response.status >= 500 && !final);
      const ok = response.status >= 200 && response.status < 300;
      if (!ok && retryable && retry < this.settings.chunkRetries) {
        this.sent.set(number, 0);
        continue;
      }
      if (!final && !ok) await parseRedeemResponse(response); // throws the mapped error
      this.sent.set(number, end - start);
      this.report();
      return response;
    }
  }

  private fields(number: number, currentSize: number): Record<string, string> {
    const { file, fileName } = this.request;
    return {
      resumableChunkNumber: String(number),
      resumableChunkSize: String(this.settings.chunkSize),
      resumableCurrentChunkSize: String(currentSize),
      resumableTotalSize: String(this.size),
      resumableType: file.type,
      resumableIdentifier: this.identifier,
      resumableFilename: fileName,
      resumableRelativePath: fileName,
      resumableTotalChunks: String(this.count),
    };
  }

  private report() {
    let loaded = 0;
    for (const bytes of this.sent.values()) loaded += bytes;
    this.request.onProgress({ loaded: Math.min(loaded, this.size), total: this.size });
  }

  private async corsRefused(): Promise<boolean> {
    if (!this.settings.detectCors) return false;
    if (typeof navigator !== "undefined" && navigator.onLine === false) return false;
    return !(await this.kit.probeCors(this.request.site, this.request.apiVersion));
  }

  private wait(ms: number): Promise<void> {
    const signal = this.controller.signal;
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(this.abortError(signal));
      const timer = setTimeout(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(this.abortError(signal));
      };
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  private abortError(signal: AbortSignal): UploadError {
    return new this.kit.UploadError(
      "aborted",
      this.finalBodySent
        ? "The upload was canceled after the file was sent; TwentyThree may have stored it."
        : "The upload was canceled.",
      { ambiguous: this.finalBodySent, cause: this.kit.abortReason(signal) },
    );
  }
}

/**
 * A 500 on a chunk: the file is not supported; keep TwentyThree's words if it sent any, without
 * tokens (a body may echo the upload token, and apps show `serverMessage`).
 */
async function rejection(
  kit: TransportKit,
  response: RedeemResponse,
  request: TransportRequest,
): Promise<UploadError> {
  try {
    await kit.parseRedeemResponse({ ...response, url: null });
  } catch (error) {
    if (error instanceof kit.UploadError && error.kind !== "http") return error;
  }
  const text = response.body.trim();
  const serverMessage =
    text && text.length <= 300 && !/^[<{[]/.test(text)
      ? kit.redactSecrets(text, [request.token.uploadToken])
      : null;
  return new kit.UploadError("file-rejected", "TwentyThree did not accept the file.", {
    status: 500,
    serverMessage,
  });
}

function notAmbiguous(kit: TransportKit, error: UploadError): UploadError {
  return new kit.UploadError(error.kind, error.message, { status: error.status, cause: error });
}

function corsError(kit: TransportKit, cause: UploadError): UploadError {
  return new kit.UploadError(
    "cors",
    "The video site does not allow uploads from this page (it sends no CORS headers). Nothing was uploaded.",
    { cause },
  );
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
