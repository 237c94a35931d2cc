import { describe, expect, it } from "vitest";
import { TwentyThreeApiError, UploadError } from "./errors.js";
import { findUploads } from "./findUploads.js";
import { getPhotoStatus } from "./getPhotoStatus.js";
import { parseUploadToken } from "./parseUploadToken.js";
import { updateUploadToken } from "./updateUploadToken.js";

// Response shapes from the reference (§5); the real round trips run against the emulator in
// apiHelpers.browser.test.ts.
function fakeFetch(status: number, body: string, seen: Request[] = []): typeof fetch {
  return (input, init) => {
    seen.push(new Request(input, init));
    return Promise.resolve(new Response(body, { status }));
  };
}

const token = await parseUploadToken({ upload_token: "tok123", valid_until: "1700000000" });
const signal = new AbortController().signal;

describe("findUploads", () => {
  it("asks legacy photo/list by upload_token as bare JSON and maps the photos", async () => {
    const seen: Request[] = [];
    const body = JSON.stringify({
      status: "ok",
      site: { domain: "videos.example.com" },
      photos: [
        { photo_id: "1", tree_id: "2", token: "k", video_encoded_p: "0" },
        { title: "no id" },
      ],
    });
    const original = globalThis.fetch;
    globalThis.fetch = fakeFetch(200, body, seen);
    try {
      const results = await findUploads({
        token,
        site: "videos.example.com",
        apiVersion: "legacy",
        signal,
      });
      expect(results).toEqual([
        { photoId: "1", treeId: "2", token: "k", domain: "videos.example.com", params: {} },
      ]);
    } finally {
      globalThis.fetch = original;
    }
    const url = new URL(seen[0]?.url ?? "");
    expect(url.origin + url.pathname).toBe("https://videos.example.com/api/photo/list");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      upload_token: "tok123",
      format: "json",
      raw: "1",
    });
    expect(url.searchParams.get("time")).toMatch(/^\d+$/);
  });

  it("reads v2 data lists and returns [] when nothing was stored", async () => {
    const original = globalThis.fetch;
    try {
      globalThis.fetch = fakeFetch(
        200,
        JSON.stringify({ status: "ok", data: [{ photo_id: 7, tree_id: 8, token: "t" }] }),
      );
      expect(
        await findUploads({ token, site: "https://v.example", apiVersion: "v2", signal }),
      ).toEqual([{ photoId: "7", treeId: "8", token: "t", domain: null, params: {} }]);
      globalThis.fetch = fakeFetch(200, JSON.stringify({ status: "ok", data: [] }));
      expect(
        await findUploads({ token, site: "https://v.example", apiVersion: "v2", signal }),
      ).toEqual([]);
    } finally {
      globalThis.fetch = original;
    }
  });

  it("throws typed errors when the list cannot be read", async () => {
    const original = globalThis.fetch;
    try {
      globalThis.fetch = () => Promise.reject(new TypeError("Failed to fetch"));
      await expect(
        findUploads({ token, site: "v.example", apiVersion: "legacy", signal }),
      ).rejects.toMatchObject({
        kind: "network",
      });
      globalThis.fetch = fakeFetch(503, "busy");
      await expect(
        findUploads({ token, site: "v.example", apiVersion: "legacy", signal }),
      ).rejects.toBeInstanceOf(UploadError);
      globalThis.fetch = fakeFetch(
        200,
        '{"status":"error","code":"permission_denied","message":"No"}',
      );
      await expect(
        findUploads({ token, site: "v.example", apiVersion: "legacy", signal }),
      ).rejects.toBeInstanceOf(TwentyThreeApiError);
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe("getPhotoStatus", () => {
  it.each([
    ["1", true],
    ["0", false],
    [1, true],
    [true, true],
  ])("reads video_encoded_p %j as encoded=%j", async (flag, encoded) => {
    const body = JSON.stringify({
      status: "ok",
      photos: [{ photo_id: "5", video_encoded_p: flag }],
    });
    const result = await getPhotoStatus({
      site: "v.example",
      photoId: "5",
      token: "k",
      fetch: fakeFetch(200, body),
    });
    expect(result).toEqual({ encoded });
  });

  it("throws no_such_photo for an empty list", async () => {
    const body = JSON.stringify({ status: "ok", data: [] });
    await expect(
      getPhotoStatus({
        site: "v.example",
        apiVersion: "v2",
        photoId: "5",
        token: "k",
        fetch: fakeFetch(200, body),
      }),
    ).rejects.toMatchObject({ code: "no_such_photo" });
  });
});

describe("updateUploadToken", () => {
  it("POSTs only the given fields, url-encoded, and surfaces TwentyThree's errors", async () => {
    const seen: Request[] = [];
    await updateUploadToken({
      site: "v.example",
      uploadToken: "tok123",
      meta: { title: "New", publish: false },
      fetch: fakeFetch(200, '{"status":"ok","message":"The token information was updated"}', seen),
    });
    expect(seen[0]?.method).toBe("POST");
    expect(seen[0]?.url).toBe("https://v.example/api/photo/update-upload-token");
    expect(Object.fromEntries(new URLSearchParams(await seen[0]?.text()))).toEqual({
      upload_token: "tok123",
      title: "New",
      publish: "0",
      format: "json",
      raw: "1",
    });
    await expect(
      updateUploadToken({
        site: "v.example",
        apiVersion: "v2",
        uploadToken: "x",
        meta: {},
        fetch: fakeFetch(
          404,
          '{"status":"error","code":"invalid_token","message":"Unknown token"}',
        ),
      }),
    ).rejects.toMatchObject({ name: "TwentyThreeApiError", code: "invalid_token", status: 404 });
  });
});
