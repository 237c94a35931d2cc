import {
  createMockTokenSource,
  createMockTransport,
  createUploader,
} from "@twentythree-upload/core";

// An uploader that sends nothing: for unit tests, stories and demos.
export async function demo() {
  const transport = createMockTransport({
    durationMs: 2000, // each body takes 2 s, in 10 progress steps
    progressSteps: 10,
    // Per attempt of every file: the first fails with a 503, the second succeeds.
    failures: [{ kind: "http", status: 503, retryAfterMs: 1000 }],
  });
  const token = createMockTokenSource();
  const uploader = createUploader({
    site: "videos.example.com",
    token,
    transport,
    findUploads: transport.findUploads, // reconciliation sees what the mock "stored"
  });
  uploader.add([new File(["not really a video"], "clip.mov", { type: "video/quicktime" })]);

  await new Promise<void>((resolve) => {
    const unsubscribe = uploader.subscribe(() => {
      if (uploader.getSnapshot().counts.succeeded === 1) {
        unsubscribe();
        resolve();
      }
    });
  });
  console.log(transport.calls.length, transport.uploads.length, token.requests.length); // 2 1 2
  uploader.destroy();
}

// A file whose answer is lost after it was stored: the uploader finds it instead of re-sending.
export const lostAnswer = createMockTransport({
  failures: (call) =>
    call.attempt === 1 ? { kind: "network", at: "response", stored: true } : null,
});
