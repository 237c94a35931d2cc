import { handOffCallback, parseCallbackUrl } from "@twentythree-upload/core";

// The whole script of a return_url page that serves the iframe fallback (and popups).
if (!handOffCallback()) {
  // Opened directly, e.g. after a plain form POST: show the result here.
  const callback = parseCallbackUrl(window.location.href);
  document.body.textContent =
    callback.status === "success" ? "Upload complete." : `Upload failed: ${callback.errorMessage}`;
}
