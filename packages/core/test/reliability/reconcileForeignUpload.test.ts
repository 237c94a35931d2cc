// Reconciliation must credit a file only with its own upload. A token endpoint that hands out a
// token someone else already used (a cached answer, a bug) makes TwentyThree answer "already
// used", which also happens when the browser silently re-sent this very upload; the listing
// tells the two apart by the stored size. Before the check, the other file's video was shown as
// this file's success, and this file was never stored.
import { afterEach, describe, expect, it, vi } from "vitest";
import { UploadError } from "../../src/errors.js";
import { findUploads } from "../../src/findUploads.js";
import { parseUploadToken } from "../../src/parseUploadToken.js";
import type { FindUploads, Transport } from "../../src/types.js";
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

describe("reconciliation after 'already used'", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("does not credit another file's upload (a different stored size): one refresh, then a clear error", async () => {
    const transport = vi.fn(alreadyUsed);
    const foreign: FindUploads = async () => [
      { photoId: "77", treeId: "1", token: "v", domain: null, params: { size: "5" } },
    ];
    const { uploader, onSuccess, onError, item } = setupUploader({
      transport,
      findUploads: foreign,
    });
    const [id] = uploader.add(videoFiles(1, 1000));
    await vi.waitFor(() => expect(item(id)?.status).toBe("failed"));
    expect(item(id)).toMatchObject({ result: null, error: { kind: "token-invalid" } });
    expect(transport).toHaveBeenCalledTimes(2);
    expect(onSuccess).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledOnce();
  });

  it("credits its own upload (the same size) or one whose size the site does not report", async () => {
    for (const params of [{ size: "1000" }, {}]) {
      const transport = vi.fn(alreadyUsed);
      const own: FindUploads = async () => [
        { photoId: "88", treeId: "1", token: "v", domain: null, params },
      ];
      const { uploader, item } = setupUploader({ transport, findUploads: own });
      const [id] = uploader.add(videoFiles(1, 1000));
      await vi.waitFor(() => expect(item(id)?.status).toBe("succeeded"));
      expect(item(id)?.result?.photoId).toBe("88");
      expect(transport).toHaveBeenCalledTimes(1);
      uploader.destroy();
    }
  });

  it("findUploads passes the size photo/list reports on in params", async () => {
    const body = JSON.stringify({
      status: "ok",
      photos: [{ photo_id: "5", tree_id: "6", token: "k", size: "1234" }],
    });
    vi.stubGlobal("fetch", () => Promise.resolve(new Response(body)));
    const token = await parseUploadToken({ upload_token: "t", valid_until: "1700000000" });
    const signal = new AbortController().signal;
    expect(await findUploads({ token, site: "v.example", apiVersion: "legacy", signal })).toEqual([
      { photoId: "5", treeId: "6", token: "k", domain: null, params: { size: "1234" } },
    ]);
  });
});
