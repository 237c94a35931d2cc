import { describe, expect, it, vi } from "vitest";
import { setupUploader, videoFiles } from "../test/uploaderHarness.js";
import { listPhotos } from "./listPhotos.js";

// The encoding wait's code is a separate chunk, downloaded when the first stored file starts
// waiting. Here that download fails (as on a page whose server went away).
vi.mock("./waitForEncoding.js", () => {
  throw new TypeError("Failed to fetch dynamically imported module");
});
vi.mock("./listPhotos.js", () => ({ listPhotos: vi.fn() }));

describe("createUploader: the encoding wait's code cannot be downloaded", () => {
  it("skips the wait: the stored file succeeds once, as after a timeout", async () => {
    const { uploader, item, onSuccess, onError } = setupUploader({
      waitForEncoding: { intervalMs: 1000, timeoutMs: 60_000 },
      mock: { durationMs: 10, progressSteps: 1 },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.waitFor(() => expect(item(id)?.status).toBe("succeeded"));
    expect(item(id)?.result).toMatchObject({ photoId: "1" });
    expect(onSuccess).toHaveBeenCalledOnce();
    expect(onError).not.toHaveBeenCalled();
    expect(vi.mocked(listPhotos)).not.toHaveBeenCalled();
    uploader.destroy();
  });
});
