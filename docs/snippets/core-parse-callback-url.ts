import { CallbackError, parseCallbackUrl } from "@twentythree-upload/core";

// On your return_url page, opened directly (no iframe, no popup).
try {
  const callback = parseCallbackUrl(window.location.href);
  const status = document.querySelector("#status");
  if (status) {
    // error_message is attacker-controllable: render it as text, never as HTML.
    status.textContent =
      callback.status === "success"
        ? `Uploaded video ${callback.photoId} (theme: ${callback.params.theme ?? "default"})`
        : `Upload failed: ${callback.errorMessage}`;
  }
  // The URL carries the upload token and the video's token: drop them from the address bar and history.
  history.replaceState(history.state, "", window.location.pathname);
} catch (error) {
  if (!(error instanceof CallbackError)) throw error;
  console.error(error.code, error.message); // e.g. "missing_field", "The upload callback has no token."
}
