// The iframe transport's implementation, loaded on demand by the auto transport (see
// transportKit.ts for why it takes core's functions as `kit` rather than importing them).
import type { UploadError } from "./errors.js";
import type { TransportKit } from "./transportKit.js";
import type { Transport, TransportRequest, UploadResult } from "./types.js";

/** @internal {@link createIframeTransport} with the core functions it uses passed in. */
export function iframeTransport(kit: TransportKit): Transport {
  return (request) => {
    if (typeof document === "undefined" || typeof window === "undefined") {
      return Promise.reject(
        new kit.TwentyThreeUploadError(
          "unsupported_environment",
          "The iframe transport needs a browser.",
        ),
      );
    }
    return upload(kit, request);
  };
}

function upload(kit: TransportKit, request: TransportRequest): Promise<UploadResult> {
  const { apiUrl, isCallbackMessage, parseRedeemResponse, redeemForm } = kit;
  const { signal } = request;
  if (signal.aborted) return Promise.reject(abortError(kit, signal, false));
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
      if (!isOurs(kit, href, request)) return;
      finish(() => parseRedeemResponse({ status: 200, body: "", url: href }));
    };
    const onLoad = () => {
      const href = readableHref(iframe);
      // The frame's own initial about:blank, before the form's navigation: not an answer.
      if (href === "about:blank") return;
      // Let a message posted during the page's load win; it is dispatched before `load`.
      setTimeout(() => {
        if (href !== null && isOurs(kit, href, request)) {
          finish(() => parseRedeemResponse({ status: 200, body: "", url: href }));
        } else {
          finish(() => Promise.reject(unreadable(kit)));
        }
      }, 0);
    };
    const onAbort = () => {
      if (settled) return;
      settled = true;
      cleanUp();
      reject(abortError(kit, signal, true));
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
    // The browser says nothing more until the answer: from here the file may be stored.
    request.onSubmitted?.();
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
function isOurs(kit: TransportKit, href: string, request: TransportRequest): boolean {
  try {
    return kit.parseCallbackUrl(href).uploadToken === request.token.uploadToken;
  } catch {
    return false;
  }
}

function unreadable(kit: TransportKit): UploadError {
  return new kit.UploadError(
    "network",
    "The upload finished, but its result could not be read (the token's return_url is not a page of this site). TwentyThree may have stored the file.",
    { ambiguous: true },
  );
}

function abortError(kit: TransportKit, signal: AbortSignal, submitted: boolean): UploadError {
  return new kit.UploadError(
    "aborted",
    submitted
      ? "The upload was canceled; TwentyThree may already have stored the file."
      : "The upload was canceled.",
    { ambiguous: submitted, cause: kit.abortReason(signal) },
  );
}
