import { TwentyThreeUploadError, UploadError } from "./errors.js";
import { isCallbackMessage } from "./handOffCallback.js";
import { parseCallbackUrl } from "./parseCallbackUrl.js";
import { parseRedeemResponse } from "./parseRedeemResponse.js";
import { redeemForm } from "./redeemForm.js";
import { apiUrl } from "./siteUrls.js";
import type { Transport, TransportRequest, UploadResult } from "./types.js";

/**
 * The fallback for sites that send no CORS headers: a real form POST into a hidden iframe, the
 * seed's own flow. TwentyThree's 301 brings the frame to return_url; when that page is on this
 * page's origin, the result is read from the frame's URL once it loads, or from the message the
 * page posts with `handOffCallback()` (whichever comes first).
 *
 * There is no byte progress: progress is reported once as `{ loaded: 0, total: null }`
 * (indeterminate), and `onBodySent` is called when the answer arrives.
 *
 * When the answer cannot be read (no return_url, a cross-origin return_url, TwentyThree's plain
 * text token error), the outcome is unknown: the promise rejects with a `network` error marked
 * `ambiguous`, so the uploader can reconcile (`findUploads`) instead of blindly retrying.
 *
 * Works under a strict CSP (`hidden` attributes, no inline styles); needs `form-action` and
 * `frame-src` to allow the site. Browser only.
 */
export function createIframeTransport(): Transport {
  return (request) => {
    if (typeof document === "undefined" || typeof window === "undefined") {
      return Promise.reject(
        new TwentyThreeUploadError(
          "unsupported_environment",
          "The iframe transport needs a browser.",
        ),
      );
    }
    return upload(request);
  };
}

function upload(request: TransportRequest): Promise<UploadResult> {
  const { signal } = request;
  if (signal.aborted) return Promise.reject(abortError(signal, false));
  const name = `twentythree-upload-${Math.random().toString(36).slice(2)}`;
  const iframe = document.createElement("iframe");
  iframe.name = name;
  iframe.title = "Upload";
  iframe.hidden = true;
  iframe.tabIndex = -1;
  const form = document.createElement("form");
  form.hidden = true;
  form.method = "post";
  form.enctype = "multipart/form-data";
  form.acceptCharset = "UTF-8";
  form.target = name;
  form.action = apiUrl(request.site, request.apiVersion, "photo/redeem-upload-token");
  appendFields(form, redeemForm(request, request.file));

  return new Promise<UploadResult>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => Promise<UploadResult>) => {
      if (settled) return;
      settled = true;
      cleanUp();
      request.onBodySent();
      outcome().then(resolve, reject);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source !== iframe.contentWindow || event.origin !== window.location.origin) return;
      if (!isCallbackMessage(event.data)) return;
      const { href } = event.data;
      if (!isOurs(href, request)) return;
      finish(() => parseRedeemResponse({ status: 200, body: "", url: href }));
    };
    const onLoad = () => {
      const href = readableHref(iframe);
      // The frame's own initial about:blank, before the form's navigation: not an answer.
      if (href === "about:blank") return;
      // Let a message posted during the page's load win; it is dispatched before `load`.
      setTimeout(() => {
        if (href !== null && isOurs(href, request)) {
          finish(() => parseRedeemResponse({ status: 200, body: "", url: href }));
        } else {
          finish(() => Promise.reject(unreadable()));
        }
      }, 0);
    };
    const onAbort = () => {
      if (settled) return;
      settled = true;
      cleanUp();
      reject(abortError(signal, true));
    };
    const cleanUp = () => {
      window.removeEventListener("message", onMessage);
      iframe.removeEventListener("load", onLoad);
      signal.removeEventListener("abort", onAbort);
      // Removing the frame also stops a navigation (the upload) still in progress.
      iframe.remove();
      form.remove();
    };

    document.body.append(iframe, form);
    window.addEventListener("message", onMessage);
    signal.addEventListener("abort", onAbort, { once: true });
    request.onProgress({ loaded: 0, total: null });
    iframe.addEventListener("load", onLoad);
    form.submit();
  });
}

/** Copies the multipart fields into form inputs; the file goes in through a DataTransfer. */
function appendFields(form: HTMLFormElement, data: FormData) {
  for (const [name, value] of data) {
    const input = document.createElement("input");
    input.name = name;
    if (typeof value === "string") {
      input.type = "hidden";
      input.value = value;
    } else {
      input.type = "file";
      const transfer = new DataTransfer();
      transfer.items.add(value);
      input.files = transfer.files;
    }
    form.append(input);
  }
}

/** The frame's URL when it is on this page's origin, `null` when the browser hides it. */
function readableHref(iframe: HTMLIFrameElement): string | null {
  try {
    return iframe.contentWindow?.location.href ?? null;
  } catch {
    return null;
  }
}

/** A callback for this request's token (not some other upload's, nor a page without one). */
function isOurs(href: string, request: TransportRequest): boolean {
  try {
    return parseCallbackUrl(href).uploadToken === request.token.uploadToken;
  } catch {
    return false;
  }
}

function unreadable(): UploadError {
  return new UploadError(
    "network",
    "The upload finished, but its result could not be read (the token's return_url is not a page of this site). TwentyThree may have stored the file.",
    { ambiguous: true },
  );
}

function abortError(signal: AbortSignal, submitted: boolean): UploadError {
  return new UploadError(
    "aborted",
    submitted
      ? "The upload was canceled; TwentyThree may already have stored the file."
      : "The upload was canceled.",
    { ambiguous: submitted, cause: signal.reason },
  );
}
