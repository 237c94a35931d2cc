import { UploadQueue } from "@twentythree-upload/react";

// Every file in chunks of 8 MiB: the uploader's `chunkSize` option sizes the "chunked"
// transport. Give a stall timeout longer than a chunk takes on a slow connection's worst retry.
export function LargeFileUploads() {
  return (
    <UploadQueue
      site="videos.example.com"
      token="/api/upload-token"
      accept="video/*"
      transport="chunked"
      chunkSize={8 * 1024 * 1024}
      stallTimeoutMs={60_000}
    />
  );
}
