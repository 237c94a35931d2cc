import { CallbackHandler } from "@twentythree-upload/react";
import { useLocation } from "react-router";
import { SessionResults } from "../SessionResults.js";

/**
 * The return_url page. TwentyThree redirects here after an upload posted by a plain form (or
 * inside the iframe fallback, where `<CallbackHandler>` hands the result to the page that
 * started it). It also lists the uploads that finished in this session.
 */
export function CallbackPage() {
  const { search } = useLocation();
  const isCallback = new URLSearchParams(search).has("upload_token");
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      {isCallback ? (
        <CallbackHandler search={search}>
          {(state) => {
            switch (state.status) {
              case "pending":
                return "Reading the result…";
              case "handed-off":
                return "Upload finished.";
              case "success":
                return <>Uploaded: video {state.result.photoId}.</>;
              case "error":
                return state.result
                  ? `The upload failed: ${state.result.errorMessage}`
                  : state.error.message;
            }
          }}
        </CallbackHandler>
      ) : null}
      <SessionResults />
    </section>
  );
}
