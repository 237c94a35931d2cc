import { createAutoTransport, createUploader } from "@twentythree-upload/core";

// One request per file up to 500 MB; above that, 16 MiB chunks, two at a time (fewer than the
// default 3, as two files upload at once below), each chunk retried up to five times (after 2 s,
// 4 s, 8 s…) before the attempt fails. Where the site sends no CORS headers, "auto" uses the
// iframe fallback instead, whatever the size.
const transport = createAutoTransport({
  chunkedFrom: 500 * 1024 * 1024,
  chunked: {
    chunkSize: 16 * 1024 * 1024,
    parallel: 2,
    chunkRetries: 5,
    retryDelayMs: (retry) => Math.min(2000 * 2 ** (retry - 1), 30_000),
  },
});

export const uploader = createUploader({
  site: "videos.example.com",
  token: "/api/upload-token",
  transport,
  concurrency: 2,
  // A chunk retry waits without progress: keep the stall timeout above the longest wait.
  stallTimeoutMs: 60_000,
  // The final chunk makes TwentyThree assemble the file: give the answer time.
  responseTimeoutMs: 20 * 60_000,
});
