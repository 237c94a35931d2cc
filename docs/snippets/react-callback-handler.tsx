import { CallbackHandler } from "@twentythree-upload/react";

// The route at return_url. With a router, pass the query it parsed (`search`); without one the
// handler reads window.location. It removes TwentyThree's parameters (they include the upload
// token) from the address bar, and inside the iframe fallback it hands the result to the page
// that started the upload.
export function UploadCallbackRoute({ search }: { search: string }) {
  return (
    <CallbackHandler
      site="videos.example.com"
      search={search}
      onSuccess={(result) => console.log("video", result.photoId, "in album", result.params.album)}
      onError={(error, result, { verified }) => console.warn(error.code, verified)}
    >
      {(state) => {
        switch (state.status) {
          case "pending":
          case "handed-off":
            return <p>One moment…</p>;
          case "success":
            return <p>Uploaded. Your video id is {state.result.photoId}.</p>;
          case "error":
            // errorMessage comes from the URL: anyone can write one into a link. Show it (React
            // renders it as text) only for an upload this tab started.
            return (
              <p role="alert">
                Upload failed
                {state.verified && state.result ? `: ${state.result.errorMessage}` : "."}
              </p>
            );
        }
      }}
    </CallbackHandler>
  );
}
