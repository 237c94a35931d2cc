// src/uploads.test.ts: the engine's policies in Node with fake timers, no network at all.
import {
  createMockTokenSource,
  createMockTransport,
  createUploader,
} from "@twentythree-upload/core";
import { afterEach, beforeEach, expect, it, vi } from "vitest";

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

it("retries a broken connection with a fresh token, then succeeds", async () => {
  // Attempt 1 of every file loses its connection halfway; attempt 2 goes through.
  const transport = createMockTransport({
    durationMs: 1000,
    failures: [{ kind: "network", at: "sending" }],
  });
  const token = createMockTokenSource();
  const uploader = createUploader({
    site: "videos.example.com",
    token,
    transport,
    findUploads: transport.findUploads,
    retry: { retries: 1, baseDelayMs: 2000, jitter: false },
  });
  uploader.add([new File(["not really a video"], "clip.mp4", { type: "video/mp4" })]);

  await vi.advanceTimersByTimeAsync(1000); // halfway through attempt 1, plus the backoff starts
  expect(uploader.getSnapshot().items[0]?.status).toBe("retrying");
  await vi.advanceTimersByTimeAsync(5000);

  const [item] = uploader.getSnapshot().items;
  expect(item?.status).toBe("succeeded");
  expect(item?.attempt).toBe(2);
  expect(transport.uploads).toHaveLength(1); // stored once
  expect(token.requests).toHaveLength(2); // a token that may have been used is never reused
  uploader.destroy();
});
