import { abortReason } from "./abortedError.js";
import { UploadError } from "./errors.js";
import type { RedeemResponse } from "./parseRedeemResponse.js";

/** One multipart POST through XMLHttpRequest (the only browser API with upload progress). */
export interface SendXhrOptions {
  url: string;
  body: FormData;
  signal: AbortSignal;
  /** Upload progress of the whole request body (multipart overhead included). */
  onUploadProgress(loaded: number, total: number | null): void;
  /** The whole body has been sent. */
  onBodySent(): void;
  /**
   * The answer will be a redirect (a token with return_url, not in background mode). Chromium
   * fires no upload events for a fast request that ends in a redirect, so then a failure can
   * not be proven to have happened before the body was sent: it is reported as `ambiguous`.
   */
  redirects: boolean;
}

/**
 * Sends the form and resolves with whatever came back, whatever its status. Rejects with an
 * {@link UploadError}: `aborted` when the signal aborts, `network` when no answer arrived.
 * Both are `ambiguous` once the whole body was sent: the server may have stored the file.
 */
export function sendXhr(options: SendXhrOptions): Promise<RedeemResponse & { url: string }> {
  const { signal } = options;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let bodySent = false;
    const onAbort = () => xhr.abort();
    const settle = () => signal.removeEventListener("abort", onAbort);

    // Listening on xhr.upload makes a cross-origin request preflighted: that is the price of
    // byte progress, and why the site must answer CORS preflights for this transport.
    xhr.upload.addEventListener("progress", (event) => {
      options.onUploadProgress(event.loaded, event.lengthComputable ? event.total : null);
    });
    const markSent = (loaded: number, total: number | null) => {
      if (bodySent) return;
      bodySent = true;
      // Chromium may skip the last progress event on fast links: report the end here.
      options.onUploadProgress(loaded, total);
      options.onBodySent();
    };
    let bodySize: number | null = null;
    xhr.upload.addEventListener("loadstart", (event) => {
      if (event.lengthComputable) bodySize = event.total;
    });
    xhr.upload.addEventListener("load", (event) => {
      markSent(event.loaded, event.lengthComputable ? event.total : null);
    });
    xhr.addEventListener("load", () => {
      // An answer means the body was consumed, even when no upload event said so (redirects).
      markSent(bodySize ?? 1, bodySize ?? 1);
      settle();
      resolve({
        status: xhr.status,
        body: xhr.responseText,
        url: xhr.responseURL || options.url,
        contentType: xhr.getResponseHeader("Content-Type"),
        // Readable only when the server exposes it (Access-Control-Expose-Headers).
        retryAfter: exposedHeader(xhr, "retry-after"),
      });
    });
    xhr.addEventListener("error", () => {
      settle();
      const ambiguous = bodySent || options.redirects;
      reject(
        new UploadError(
          "network",
          ambiguous
            ? "The connection failed after the file was sent, or while TwentyThree was answering; it may have stored the file."
            : "The connection failed before the file was sent.",
          { ambiguous },
        ),
      );
    });
    xhr.addEventListener("abort", () => {
      settle();
      reject(abortError(signal, bodySent));
    });

    if (signal.aborted) {
      reject(abortError(signal, false));
      return;
    }
    signal.addEventListener("abort", onAbort, { once: true });
    xhr.open("POST", options.url);
    xhr.send(options.body);
  });
}

/**
 * A response header, or `null` when absent or not exposed to this page. Asking
 * `getResponseHeader` for a header CORS does not expose makes Chromium log an error ("Refused to
 * get unsafe header") on every upload; `getAllResponseHeaders` lists only what may be read.
 */
function exposedHeader(xhr: XMLHttpRequest, name: string): string | null {
  for (const line of xhr.getAllResponseHeaders().split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name) {
      return line.slice(colon + 1).trim();
    }
  }
  return null;
}

function abortError(signal: AbortSignal, bodySent: boolean): UploadError {
  return new UploadError(
    "aborted",
    bodySent
      ? "The upload was canceled after the file was sent; TwentyThree may have stored it."
      : "The upload was canceled.",
    { ambiguous: bodySent, cause: abortReason(signal) },
  );
}
