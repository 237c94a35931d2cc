import { createUploader, isRetryableError } from "@twentythree-upload/core";

export const uploader = createUploader({
  site: "videos.example.com",
  apiVersion: "v2",
  token: async (request, { signal }) => {
    // request: { title, …meta, fileName, fileSize, fileType } (or { maxUploads } when shared)
    const response = await fetch("/api/upload-token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
      signal,
    });
    return response.text(); // any shape TwentyThree or your endpoint returns is parsed
  },
  meta: (file) => ({ title: file.name?.replace(/\.\w+$/, "") ?? "Untitled", albumId: "123" }),
  transport: "auto",
  autoStart: false, // files wait in `queued` until start()
  concurrency: 2,
  accept: ["video/*", ".mkv"],
  minSize: 1024,
  maxSize: 2 * 1024 ** 3,
  maxFiles: 20,
  retry: {
    retries: 3,
    baseDelayMs: 2000,
    maxDelayMs: 60_000,
    // Don't hammer a site that says it is overloaded; everything else as built in.
    shouldRetry: (error, attempt) =>
      isRetryableError(error) && !(error.status === 503 && attempt > 1),
  },
  stallTimeoutMs: 45_000,
  responseTimeoutMs: 15 * 60_000,
  tokenStrategy: "per-file",
  tokenExpiryMarginMs: 2 * 60_000,
  waitForEncoding: { intervalMs: 10_000, timeoutMs: 60 * 60_000 },
  onSuccess: (item) => console.log(`${item.name} is video ${item.result?.photoId}`),
  onError: (item) => console.warn(`${item.name}: ${item.error?.message}`),
});

// Options can change later (e.g. from React props); in-flight uploads keep going.
uploader.setOptions({ concurrency: 4 });
uploader.start();
