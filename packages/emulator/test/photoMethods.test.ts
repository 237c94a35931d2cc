// photo/list, photo/update-upload-token, v2 photo/delete-upload-token and crossdomain.xml.
import { describe, expect, it, vi } from "vitest";
import { createEmulatorClient } from "../src/client.js";
import type { UploadRecord } from "../src/controlTypes.js";
import { random, redeem, uploadForm, useEmulator } from "./helpers.js";

type Photo = Record<string, string>;

async function upload(
  base: string,
  params: Record<string, string | number> = {},
  api: "legacy" | "v2" = "legacy",
): Promise<UploadRecord> {
  const client = createEmulatorClient(base);
  const token = await client.createToken({ api }, params);
  await redeem(base, uploadForm(token.uploadToken, { bytes: random(100) }), api);
  const stored = (await client.uploads()).find((u) => u.uploadToken === token.uploadToken);
  if (!stored) throw new Error("not stored");
  return stored;
}

async function listLegacy(
  base: string,
  query: string,
): Promise<{ photos: Photo[]; status: string; code?: string }> {
  return (await (await fetch(`${base}/api/photo/list?format=json&raw&${query}`)).json()) as {
    photos: Photo[];
    status: string;
  };
}

describe("photo/list", () => {
  const slow = useEmulator({ encodingDelayMs: 3_600_000 });
  const fast = useEmulator({ encodingDelayMs: 50 });

  it("finds an upload by photo_id + token, unpublished included, with string values on legacy", async () => {
    const stored = await upload(slow().url, { publish: 0, title: "Hidden" });
    const body = await listLegacy(slow().url, `photo_id=${stored.photoId}&token=${stored.token}`);
    expect(body.status).toBe("ok");
    expect(body.photos).toHaveLength(1);
    expect(body.photos[0]).toMatchObject({
      photo_id: stored.photoId,
      tree_id: stored.treeId,
      token: stored.token,
      title: "Hidden",
      published_p: "0",
      video_encoded_p: "0",
    });
    expect(Object.values(body.photos[0] ?? {}).every((v) => typeof v === "string")).toBe(true);
    const withoutToken = await listLegacy(slow().url, `photo_id=${stored.photoId}`);
    expect(withoutToken.photos).toEqual([]);
    const wrongToken = await listLegacy(slow().url, `photo_id=${stored.photoId}&token=nope`);
    expect(wrongToken).toMatchObject({ status: "error", code: "invalid_photo_token" });
  });

  it("finds uploads by upload_token without credentials (our assumption), as XML by default", async () => {
    const stored = await upload(slow().url, { publish: 0 });
    const xml = await (
      await fetch(`${slow().url}/api/photo/list?upload_token=${stored.uploadToken}`)
    ).text();
    expect(xml).toMatch(
      /<response status="ok" permission_level="anonymous" cached="0" p="1" size="1" total_count="1">/,
    );
    expect(xml).toContain(`photo_id="${stored.photoId}"`);
  });

  it("answers v2 with data: [...] and numbers, and supports JSONP", async () => {
    const stored = await upload(slow().url, {}, "v2");
    const body = (await (
      await fetch(`${slow().url}/api/2/photo/list?upload_token=${stored.uploadToken}`)
    ).json()) as { data: Record<string, unknown>[]; total_count: number };
    expect(body).toMatchObject({ status: "ok", total_count: 1 });
    expect(body.data[0]).toMatchObject({
      photo_id: Number(stored.photoId),
      video_encoded_p: 0,
      published_p: 1,
    });
    const jsonp = await (
      await fetch(`${slow().url}/api/photo/list?upload_token=${stored.uploadToken}&callback=got`)
    ).text();
    expect(jsonp).toMatch(/^got\(\{"status":"ok".*"photos":\[/);
  });

  it("reports only documented fields: nothing about the uploaded file's size or name", async () => {
    // DD photo-list.md and the v2 OpenAPI schema: `size` is the page size of the envelope, and
    // no field gives the uploaded file's bytes or name. A client must not match uploads on them.
    const documented = new Set([
      ...["photo_id", "tree_id", "token", "title", "content", "tags", "album_id"],
      ...["published_p", "publish_date_ansi", "absolute_url", "video_p", "video_encoded_p"],
      ...["placeholder_p", "creation_date_ansi", "creation_date_epoch"],
    ]);
    const legacy = await upload(slow().url, { title: "Same title" });
    const v2 = await upload(slow().url, { title: "Same title" }, "v2");
    const listed = [
      ...(await listLegacy(slow().url, `upload_token=${legacy.uploadToken}`)).photos,
      ...(
        (await (
          await fetch(`${slow().url}/api/2/photo/list?upload_token=${v2.uploadToken}`)
        ).json()) as { data: Photo[] }
      ).data,
    ];
    expect(listed).toHaveLength(2);
    for (const photo of listed) {
      expect(Object.keys(photo).filter((key) => !documented.has(key))).toEqual([]);
    }
  });

  it("turns video_encoded_p to 1 after the configured delay", async () => {
    const stored = await upload(fast().url);
    await vi.waitFor(async () => {
      const body = await listLegacy(fast().url, `photo_id=${stored.photoId}&token=${stored.token}`);
      expect(body.photos[0]?.video_encoded_p).toBe("1");
    });
  });
});

describe("photo/update-upload-token and v2 photo/delete-upload-token", () => {
  const emulator = useEmulator();

  it("updates the metadata of the token and of what was uploaded with it, without OAuth", async () => {
    const stored = await upload(emulator().url, { title: "Before" });
    const response = await fetch(`${emulator().url}/api/photo/update-upload-token`, {
      method: "POST",
      body: new URLSearchParams({
        upload_token: stored.uploadToken,
        title: "After <b>x</b>",
        tags: "a b",
        publish: "0",
        format: "json",
        raw: "1",
      }),
    });
    expect(await response.json()).toMatchObject({
      status: "ok",
      message: "The token information was updated",
      uploadtoken: { title: "After x", tags: "a b", publish: "0" },
    });
    const [after] = (await createEmulatorClient(emulator().url).uploads()).filter(
      (u) => u.uploadToken === stored.uploadToken,
    );
    expect(after).toMatchObject({ title: "After x", tags: "a b", publish: false });
  });

  it("refuses update-upload-token without or with an unknown token", async () => {
    const missing = await (
      await fetch(`${emulator().url}/api/photo/update-upload-token?title=x`)
    ).text();
    expect(missing).toContain('code="token_required"');
    const unknown = await fetch(
      `${emulator().url}/api/2/photo/update-upload-token?upload_token=nope`,
    );
    expect(unknown.status).toBe(404);
  });

  it("deletes an upload by photo_id with the upload token as proof (v2 only)", async () => {
    const stored = await upload(emulator().url, {}, "v2");
    const legacy = await (
      await fetch(
        `${emulator().url}/api/photo/delete-upload-token?upload_token=${stored.uploadToken}&photo_id=${stored.photoId}`,
      )
    ).text();
    expect(legacy).toContain('code="unknown_method"');
    const response = await fetch(
      `${emulator().url}/api/2/photo/delete-upload-token?upload_token=${stored.uploadToken}&photo_id=${stored.photoId}`,
    );
    expect(await response.json()).toMatchObject({
      status: "ok",
      data: { photo_ids: [Number(stored.photoId)] },
    });
    const list = await listLegacy(emulator().url, `upload_token=${stored.uploadToken}`);
    expect(list.photos).toEqual([]);
    const record = (await createEmulatorClient(emulator().url).uploads()).find(
      (u) => u.photoId === stored.photoId,
    );
    expect(record?.deleted).toBe(true);
  });

  it("retires the token itself when given neither photo_id nor resumableIdentifier", async () => {
    const token = await createEmulatorClient(emulator().url).createToken({ api: "v2" });
    await fetch(
      `${emulator().url}/api/2/photo/delete-upload-token?upload_token=${token.uploadToken}`,
    );
    const response = await redeem(
      emulator().url,
      uploadForm(token.uploadToken, { bytes: random(5) }),
      "v2",
    );
    expect(response.status).toBe(403);
    expect((await createEmulatorClient(emulator().url).token(token.uploadToken)).state).toBe(
      "deleted",
    );
  });
});

describe("crossdomain.xml", () => {
  const emulator = useEmulator();

  it("grants Flash access to the API and nothing at the root", async () => {
    const api = await fetch(`${emulator().url}/api/crossdomain.xml`);
    expect(api.headers.get("content-type")).toMatch(/^text\/x-cross-domain-policy/);
    expect(await api.text()).toContain('<allow-access-from domain="*"');
    expect(await (await fetch(`${emulator().url}/crossdomain.xml`)).text()).not.toContain(
      "allow-access-from",
    );
  });
});
