import { createAutoTransport, UploadProvider, UploadQueue } from "@twentythree-upload/react";

// Once, at module scope: XHR with byte progress where the site allows CORS, Resumable.js chunks
// for files of 200 MB and more, the hidden-iframe form post where CORS is refused.
const transport = createAutoTransport({
  chunkedFrom: 200 * 1024 * 1024,
  chunked: { chunkSize: 16 * 1024 * 1024 },
});

export function Uploads() {
  return (
    <UploadProvider site="videos.example.com" token="/api/upload-token" transport={transport}>
      <UploadQueue accept="video/*" />
    </UploadProvider>
  );
}

// Or a built-in by name: "auto" (the default), "xhr", "chunked" or "iframe".
export function IframeOnlyUploads() {
  return <UploadQueue site="videos.example.com" token="/api/upload-token" transport="iframe" />;
}
