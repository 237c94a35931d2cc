import { CallbackHandler, UploadProvider, UploadQueue } from "@twentythree-upload/react";
import { BrowserRouter, Link, Route, Routes, useLocation } from "react-router";

// The route at return_url. React Router does not watch history.replaceState, so `search` keeps
// TwentyThree's parameters after CallbackHandler has removed them from the address bar.
function UploadCallbackPage() {
  const { search } = useLocation();
  return (
    <CallbackHandler search={search}>
      {(state) => {
        switch (state.status) {
          case "pending":
            return <p>Finishing the upload…</p>;
          case "handed-off":
            return <p>Upload finished. You can close this window.</p>;
          case "success":
            // verified: false means this tab never received the upload token (a forged link).
            return state.verified === false ? (
              <p>We could not confirm this upload. Check your videos list.</p>
            ) : (
              <Link to={`/videos/${state.result.photoId}`}>Your video is in.</Link>
            );
          case "error":
            // errorMessage comes from the URL, and anyone can write one into a link: show it (as
            // text) only for an upload this tab started.
            return state.verified && state.result ? (
              <p>Upload failed: {state.result.errorMessage}</p>
            ) : (
              <p>The upload failed. Please try again.</p>
            );
        }
      }}
    </CallbackHandler>
  );
}

export function App() {
  return (
    <UploadProvider site="videos.example.com" token="/api/upload-token">
      <BrowserRouter>
        <Routes>
          <Route path="/" element={<UploadQueue accept="video/*" />} />
          <Route path="/upload/callback" element={<UploadCallbackPage />} />
        </Routes>
      </BrowserRouter>
    </UploadProvider>
  );
}
