// Start latency: with a token at hand, add() hands the file to the transport before it returns,
// so that an app's render of the pick (React flushes a change event's updates before any
// microtask) does not delay the upload request.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createMockTokenSource } from "./createMockTokenSource.js";
import { createMockTransport } from "./createMockTransport.js";
import { createUploader } from "./createUploader.js";
import type { UploadToken, UploadTokenRequest } from "./types.js";

afterEach(() => vi.useRealTimers());

function heldToken(uploadToken: string): UploadToken {
  return {
    uploadToken,
    title: "",
    description: "",
    publish: true,
    tags: "",
    userId: null,
    albumId: null,
    maxUploads: 1,
    validMinutes: 60,
    validUntil: new Date(Date.now() + 3_600_000),
    returnUrl: null,
    backgroundReturn: false,
    extra: {},
  };
}

const file = () => new File([new Uint8Array(100)], "clip.mov", { type: "video/quicktime" });

describe("createUploader: starting in the same task", () => {
  it("sends at once when the token function returns a token it holds", async () => {
    const transport = createMockTransport({ durationMs: 10 });
    const requests: UploadTokenRequest[] = [];
    const uploader = createUploader({
      site: "videos.example.com",
      transport,
      token: (request) => {
        requests.push(request);
        return heldToken("held-1");
      },
    });
    uploader.add([file()]);
    // No await in between: the transport already has the file and the held token.
    expect(transport.calls.map((call) => call.token.uploadToken)).toEqual(["held-1"]);
    expect(requests).toHaveLength(1);
    expect(uploader.getSnapshot().items[0]?.status).toBe("uploading");
    await vi.waitFor(() => expect(uploader.getSnapshot().items[0]?.status).toBe("succeeded"));
    uploader.destroy();
  });

  it("also for a raw answer object (TwentyThree's JSON) returned at once", () => {
    const transport = createMockTransport({ durationMs: 10 });
    const uploader = createUploader({
      site: "videos.example.com",
      transport,
      token: () => ({
        status: "ok",
        data: { upload_token: "raw-1", valid_until: Math.floor(Date.now() / 1000) + 3600 },
      }),
    });
    uploader.add([file()]);
    expect(transport.calls.map((call) => call.token.uploadToken)).toEqual(["raw-1"]);
    uploader.destroy();
  });

  it("waits for a token function that returns a promise, as before", async () => {
    const transport = createMockTransport({ durationMs: 10 });
    const uploader = createUploader({
      site: "videos.example.com",
      transport,
      token: createMockTokenSource(),
    });
    uploader.add([file()]);
    expect(transport.calls).toHaveLength(0);
    await vi.waitFor(() => expect(transport.calls).toHaveLength(1));
    uploader.destroy();
  });

  it("fails the item with a typed error when a token function throws or returns garbage at once", async () => {
    const transport = createMockTransport({ durationMs: 10 });
    const throwing = createUploader({
      site: "videos.example.com",
      transport,
      retry: false,
      token: () => {
        throw new Error("no session");
      },
    });
    const garbage = createUploader({
      site: "videos.example.com",
      transport,
      retry: false,
      token: () => ({ nope: true }),
    });
    throwing.add([file()]);
    garbage.add([file()]);
    await vi.waitFor(() => {
      expect(throwing.getSnapshot().items[0]?.status).toBe("failed");
      expect(garbage.getSnapshot().items[0]?.status).toBe("failed");
    });
    expect(throwing.getSnapshot().items[0]?.error?.message).toMatch(/token function failed/i);
    expect(garbage.getSnapshot().items[0]?.error?.message).toMatch(/no upload_token/);
    expect(transport.calls).toHaveLength(0);
    throwing.destroy();
    garbage.destroy();
  });

  it("reports a token function's failure only after add() returned the item's id", async () => {
    const transport = createMockTransport({ durationMs: 10 });
    let tokenCalls = 0;
    let returned: readonly string[] | null = null;
    const seenByOnError: (readonly string[] | null)[] = [];
    const uploader = createUploader({
      site: "videos.example.com",
      transport,
      retry: false,
      token: () => {
        tokenCalls += 1;
        return undefined as unknown as UploadToken;
      },
      onError: () => seenByOnError.push(returned),
    });
    const ids = uploader.add([file()]);
    returned = ids;
    const [id = ""] = ids;
    // Nothing settled, and nothing asked again, inside add(): its caller gets the id first.
    expect(uploader.getSnapshot().byId.get(id)?.status).not.toBe("failed");
    expect(tokenCalls).toBe(1);
    await vi.waitFor(() => expect(uploader.getSnapshot().byId.get(id)?.status).toBe("failed"));
    // One fresh token after "invalid", then the verdict; onError saw add()'s return value.
    expect(tokenCalls).toBe(2);
    expect(seenByOnError).toEqual([[id]]);
    expect(transport.calls).toHaveLength(0);
    uploader.destroy();
  });
});
