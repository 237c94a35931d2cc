import { CallbackHandler, UploadProvider, UploadQueue } from "@twentythree-upload/react";
import "@twentythree-upload/react/styles.css";
import { useState } from "react";

// Now with your own token endpoint. The site is the only setting the browser needs: the
// emulator while you develop, your TwentyThree domain in production.
const site = import.meta.env.VITE_TWENTYTHREE_SITE ?? "http://127.0.0.1:8023";

// TwentyThree redirects here after a plain form post, or inside the iframe fallback. Read the
// query once: CallbackHandler removes TwentyThree's parameters from the address bar.
function CallbackPage() {
  const [search] = useState(() => window.location.search);
  return <CallbackHandler search={search} />;
}

export default function App() {
  const isCallback = window.location.pathname === "/upload/callback";
  return (
    <UploadProvider site={site} token="/api/upload-token">
      <main>
        <h1>Upload a video</h1>
        {isCallback ? <CallbackPage /> : <UploadQueue accept="video/*" />}
      </main>
    </UploadProvider>
  );
}
