import { CallbackHandler, useLabels } from "@twentythree-upload/react";
import { useLocation } from "react-router";
import { SessionResults } from "../SessionResults.js";

/**
 * The return_url page. TwentyThree redirects here after an upload posted by a plain form (or
 * inside the iframe fallback, where `<CallbackHandler>` hands the result to the page that
 * started it). It also lists the uploads that finished in this session.
 */
export function CallbackPage() {
  const { search } = useLocation();
  const labels = useLabels();
  const isCallback = new URLSearchParams(search).has("upload_token");
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      {isCallback ? (
        <CallbackHandler search={search}>
          {(state) => {
            switch (state.status) {
              case "pending":
                return labels.callbackWorking;
              case "handed-off":
                return labels.callbackHandedOff;
              case "success":
                // `verified: false`: this tab never received that upload token, so the link may
                // be forged. Never show it as a plain success; confirm it on your server first.
                return state.verified === false
                  ? (labels.callbackUnverified?.(state.result.photoId) ??
                      `${labels.uploaded(state.result.photoId)} (not confirmed)`)
                  : labels.uploaded(state.result.photoId);
              case "error":
                // error_message comes from the link: show it only for a token this tab received.
                if (!state.result) return state.error.message;
                return state.verified === true
                  ? labels.callbackFailed(state.result.errorMessage)
                  : (labels.callbackFailedUnverified ?? "The upload failed.");
            }
          }}
        </CallbackHandler>
      ) : null}
      <SessionResults />
    </section>
  );
}
