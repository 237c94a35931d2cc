import { UploadError } from "./errors.js";
import { parseRedeemResponse } from "./parseRedeemResponse.js";
import { probeCors } from "./probeCors.js";
import { redeemForm } from "./redeemForm.js";
import { sendXhr } from "./sendXhr.js";
import { apiUrl } from "./siteUrls.js";
import type { Transport, TransportRequest } from "./types.js";

/** Options of {@link createXhrTransport}. */
export interface XhrTransportOptions {
  /**
   * When the connection fails before any byte was sent, probe the site's CORS support (one
   * preflighted POST without a file, cached) so that a refused preflight is reported as kind `"cors"` rather
   * than `"network"`. Default: `true`.
   */
  detectCors?: boolean;
}

/**
 * Sends each file in one multipart POST (`upload_token`, the request's `fields`, then `file`)
 * straight to `https://<site>/api[/2]/photo/redeem-upload-token`, with byte progress.
 *
 * Needs the site to answer CORS preflights (upload progress listeners force one) and to allow
 * this origin on its answers, including the 301 to return_url; use `"auto"` to fall back to the
 * iframe transport where it does not.
 *
 * Progress is reported in file bytes (`total` = the file's size), scaled from the request body.
 * Failures are `UploadError`s: `aborted`, `network` (`ambiguous` when the body had been sent),
 * `cors`, `http`, `token-invalid`, `file-rejected`; an unknown successful answer is a
 * `ResponseFormatError`.
 */
export function createXhrTransport(options: XhrTransportOptions = {}): Transport {
  const detectCors = options.detectCors ?? true;
  return async (request: TransportRequest) => {
    const url = apiUrl(request.site, request.apiVersion, "photo/redeem-upload-token");
    const size = request.file.size;
    let sentAny = false;
    request.onProgress({ loaded: 0, total: size });
    try {
      const response = await sendXhr({
        url,
        body: redeemForm(request, request.file),
        signal: request.signal,
        onUploadProgress(loaded, total) {
          if (loaded > 0) sentAny = true;
          const fraction = total ? Math.min(1, loaded / total) : 0;
          request.onProgress({ loaded: Math.round(fraction * size), total: size });
        },
        onBodySent: () => request.onBodySent(),
        redirects: request.token.returnUrl !== null && !request.token.backgroundReturn,
      });
      return await parseRedeemResponse(response);
    } catch (error) {
      if (
        detectCors &&
        !sentAny &&
        error instanceof UploadError &&
        error.kind === "network" &&
        !error.ambiguous &&
        !isOffline() &&
        !(await probeCors(request.site, request.apiVersion))
      ) {
        throw corsError(error);
      }
      throw error;
    }
  };
}

function isOffline(): boolean {
  return typeof navigator !== "undefined" && navigator.onLine === false;
}

function corsError(cause: UploadError): UploadError {
  return new UploadError(
    "cors",
    "The video site does not allow uploads from this page (it sends no CORS headers). Nothing was uploaded.",
    { cause },
  );
}
