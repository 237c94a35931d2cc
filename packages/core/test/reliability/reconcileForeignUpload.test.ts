// Reconciliation must credit a file only with its own upload. photo/list tells uploads apart by
// their upload token alone (it reports neither the file's size nor its name), so when a token
// lists uploads the uploader cannot tell apart, or another item used the same token, nothing is
// credited and nothing is sent again: the item fails saying the file may have arrived.
// (Before, the emulator's invented `size` field decided, which the real photo/list never sends.)
import { afterEach, describe, expect, it, vi } from "vitest";
import { UploadError } from "../../src/errors.js";
import { findUploads } from "../../src/findUploads.js";
import { parseUploadToken } from "../../src/parseUploadToken.js";
import type { FindUploads, Transport, UploadResult } from "../../src/types.js";
import { setupUploader, videoFiles } from "../uploaderHarness.js";

/** TwentyThree's answer to a token that was already used. */
const alreadyUsed: Transport = (request) => {
  request.onProgress({ loaded: 0, total: request.file.size });
  request.onProgress({ loaded: request.file.size, total: request.file.size });
  request.onBodySent();
  return Promise.reject(
    new UploadError("token-invalid", "TwentyThree says the upload token was already used.", {
      ambiguous: true,
      status: 403,
    }),
  );
};

const upload = (photoId: string): UploadResult => ({
  photoId,
  treeId: "1",
  token: "v",
  domain: null,
  params: {},
});

describe("reconciliation after 'already used'", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("credits the one upload its own token lists (the browser re-sent the stored request)", async () => {
    const transport = vi.fn(alreadyUsed);
    const { uploader, item } = setupUploader({
      transport,
      findUploads: async () => [upload("88")],
    });
    const [id] = uploader.add(videoFiles(1, 1000));
    await vi.waitFor(() => expect(item(id)?.status).toBe("succeeded"));
    expect(item(id)?.result?.photoId).toBe("88");
    expect(transport).toHaveBeenCalledTimes(1);
    uploader.destroy();
  });

  it("credits none of several uploads it cannot tell apart, and sends nothing again", async () => {
    const transport = vi.fn(alreadyUsed);
    const { uploader, onSuccess, onError, item } = setupUploader({
      transport,
      findUploads: async () => [upload("77"), upload("78")],
    });
    const [id] = uploader.add(videoFiles(1, 1000));
    await vi.waitFor(() => expect(item(id)?.status).toBe("failed"));
    expect(item(id)).toMatchObject({
      result: null,
      error: { kind: "token-invalid", ambiguous: true },
    });
    expect(item(id)?.error?.message).toMatch(/may have arrived.*Check the video site/);
    // One refresh of the token is allowed, but the second attempt looks first and stops there.
    expect(transport).toHaveBeenCalledTimes(1);
    expect(onSuccess).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledOnce();
    uploader.destroy();
  });

  it("credits no upload whose title is another file's (a used token handed out again)", async () => {
    for (const [title, credited] of [
      ["someone else's video", false],
      ["", false],
      ["clip-0", true],
    ] as const) {
      const transport = vi.fn(alreadyUsed);
      const listed = { ...upload("66"), params: { title } };
      const { uploader, item } = setupUploader({ transport, findUploads: async () => [listed] });
      const [id] = uploader.add(videoFiles(1, 1000));
      await vi.waitFor(() => expect(item(id)?.status).toBe(credited ? "succeeded" : "failed"));
      expect(item(id)?.result).toEqual(credited ? { ...upload("66"), params: {} } : null);
      if (!credited) expect(item(id)?.error).toMatchObject({ ambiguous: true });
      expect(transport).toHaveBeenCalledTimes(1);
      uploader.destroy();
    }
  });

  it("a person's Retry of an unclear item sends it, and a transient failure of that send is retried", async () => {
    let calls = 0;
    const transport = vi.fn<Transport>(async (request) => {
      calls += 1;
      if (calls === 1) return alreadyUsed(request);
      if (calls === 2) {
        // The connection fails before any byte was sent: nothing stored, retried by itself.
        throw new UploadError("network", "The connection failed.", { ambiguous: false });
      }
      request.onProgress({ loaded: request.file.size, total: request.file.size });
      request.onBodySent();
      return upload("95");
    });
    const { uploader, item } = setupUploader({
      transport,
      findUploads: async () => [upload("77"), upload("78")],
      retry: { jitter: false, baseDelayMs: 10, maxDelayMs: 10 },
    });
    const [id] = uploader.add(videoFiles(1, 1000));
    await vi.waitFor(() => expect(item(id)?.status).toBe("failed"));
    expect(item(id)?.error?.message).toMatch(/may have arrived/);
    // The person checked the site and sends the file anyway.
    uploader.retry(id);
    await vi.waitFor(() => expect(item(id)?.status).toBe("succeeded"));
    expect(item(id)?.result?.photoId).toBe("95");
    expect(transport).toHaveBeenCalledTimes(3);
    uploader.destroy();
  });

  it("credits nothing while another item of this uploader used the same token", async () => {
    // A token source that hands both files one token (e.g. a cache keyed by title).
    const token = {
      upload_token: "same-token-for-both",
      valid_until: Math.floor(Date.now() / 1000) + 3600,
    };
    let release = () => {};
    const first = new Promise<void>((resolve) => (release = resolve));
    // File 0 is stored but its answer waits; file 1 is refused as "already used" meanwhile.
    const transport = vi.fn<Transport>(async (request) => {
      if (request.fileName === "clip-1.mov") return alreadyUsed(request);
      request.onProgress({ loaded: request.file.size, total: request.file.size });
      request.onBodySent();
      await first;
      return upload("90");
    });
    const findUploads = vi.fn<FindUploads>(async () => [upload("90")]);
    const { uploader, item } = setupUploader({
      transport,
      findUploads,
      token: () => token,
      concurrency: 2,
    });
    const [a, b] = uploader.add(videoFiles(2, 1000));
    await vi.waitFor(() => expect(item(b)?.status).toBe("failed"));
    release();
    await vi.waitFor(() => expect(item(a)?.status).toBe("succeeded"));
    expect(item(a)?.result?.photoId).toBe("90");
    expect(item(b)).toMatchObject({ result: null, error: { ambiguous: true } });
    expect(findUploads).toHaveBeenCalled();
    uploader.destroy();
  });

  it("findUploads ignores a `size` field (photo/list has none for the file) and passes the title", async () => {
    const body = JSON.stringify({
      status: "ok",
      size: "1",
      photos: [
        { photo_id: "5", tree_id: "6", token: "k", size: "1234" },
        { photo_id: "7", title: "" },
      ],
    });
    vi.stubGlobal("fetch", () => Promise.resolve(new Response(body)));
    const token = await parseUploadToken({ upload_token: "t", valid_until: "1700000000" });
    const signal = new AbortController().signal;
    expect(await findUploads({ token, site: "v.example", apiVersion: "legacy", signal })).toEqual([
      { photoId: "5", treeId: "6", token: "k", domain: null, params: {} },
      { photoId: "7", treeId: null, token: null, domain: null, params: { title: "" } },
    ]);
  });
});
