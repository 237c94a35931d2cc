import { createMockTokenSource, createMockTransport, UploadQueue } from "@twentythree-upload/react";

// In your own tests and stories: the real components on a transport that sends nothing.
export function QueueUnderTest() {
  return (
    <UploadQueue
      site="videos.example.com"
      token={createMockTokenSource()}
      transport={createMockTransport({ durationMs: 500, failures: [{ kind: "network" }] })}
      retry={false}
    />
  );
}
