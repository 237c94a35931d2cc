import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulatorClient } from "../src/client.js";
import { TOKEN_ERROR_MESSAGES } from "../src/index.js";
import { newToken, queryOf, random, redeem, sha256, uploadForm, useEmulator } from "./helpers.js";

const RETURN_URL = "http://www.example.com/upload/callback?theme=green";

describe("redeem-upload-token with a return_url (seed steps 3 and 4)", () => {
  const emulator = useEmulator();

  it("stores the file and answers 301 to return_url with the seed's parameters, keeping theme=green", async () => {
    const token = await newToken(emulator().url, { return_url: RETURN_URL, title: "My title" });
    const bytes = random(256 * 1024);
    const response = await redeem(
      emulator().url,
      uploadForm(token, { bytes, name: "clip.mp4", type: "video/mp4" }),
    );
    expect(response.status).toBe(301);
    const location = response.headers.get("location") ?? "";
    expect(location.startsWith("http://www.example.com/upload/callback?theme=green&")).toBe(true);
    const params = queryOf(location);
    const upload = emulator()
      .uploads()
      .find((u) => u.uploadToken === token);
    expect(upload).toBeDefined();
    expect(params).toEqual({
      theme: "green",
      domain: new URL(emulator().url).host,
      upload_token: token,
      photo_id: upload?.photoId,
      tree_id: upload?.treeId,
      token: upload?.token,
    });
    expect(upload).toMatchObject({
      size: bytes.length,
      sha256: sha256(bytes),
      fileName: "clip.mp4",
      contentType: "video/mp4",
      title: "My title",
    });
  });

  it("repeats extra parameters from the token request and from the redeem POST", async () => {
    const token = await newToken(emulator().url, { return_url: RETURN_URL, client_ref: "42" });
    const response = await redeem(
      emulator().url,
      uploadForm(token, { bytes: random(10) }, { note: "from form" }),
    );
    expect(queryOf(response.headers.get("location") ?? "")).toMatchObject({
      client_ref: "42",
      note: "from form",
      theme: "green",
    });
  });

  it("reports a refused file type with error_message, stores nothing and keeps the token usable", async () => {
    const token = await newToken(emulator().url, { return_url: RETURN_URL });
    const refused = await redeem(
      emulator().url,
      uploadForm(token, {
        bytes: random(100),
        name: "setup.exe",
        type: "application/x-msdownload",
      }),
    );
    expect(refused.status).toBe(301);
    const params = queryOf(refused.headers.get("location") ?? "");
    expect(params).toEqual({
      theme: "green",
      domain: new URL(emulator().url).host,
      upload_token: token,
      error_message: "The file type isn't supported",
    });
    expect(refused.headers.get("location")).toContain(
      "error_message=The+file+type+isn't+supported",
    );
    expect(
      emulator()
        .uploads()
        .filter((u) => u.uploadToken === token),
    ).toHaveLength(0);
    const accepted = await redeem(
      emulator().url,
      uploadForm(token, { bytes: random(100), name: "blob.bin" }),
    );
    expect(queryOf(accepted.headers.get("location") ?? "").photo_id).toMatch(/^\d+$/);
  });

  it("accepts the file part before upload_token (as the .NET client sends it) and UTF-8 file names", async () => {
    const token = await newToken(emulator().url, { return_url: RETURN_URL });
    const bytes = random(20_000);
    const form = new FormData();
    form.append("file", new Blob([bytes], { type: "video/quicktime" }), "Sommerferie på Ærø.mov");
    form.append("upload_token", token);
    const response = await redeem(emulator().url, form);
    expect(queryOf(response.headers.get("location") ?? "").photo_id).toMatch(/^\d+$/);
    const upload = emulator()
      .uploads()
      .find((u) => u.uploadToken === token);
    expect(upload).toMatchObject({
      fileName: "Sommerferie på Ærø.mov",
      sha256: sha256(bytes),
      contentType: "video/quicktime",
    });
  });

  it("discards a file sent before an unusable upload_token", async () => {
    const form = new FormData();
    form.append("file", new Blob([random(5000)]), "a.bin");
    form.append("upload_token", "f".repeat(40));
    const response = await redeem(emulator().url, form);
    expect(response.status).toBe(403);
    expect(
      emulator()
        .uploads()
        .filter((u) => u.uploadToken === "f".repeat(40)),
    ).toEqual([]);
  });

  it("reports a missing file with error_message", async () => {
    const token = await newToken(emulator().url, { return_url: RETURN_URL });
    const response = await redeem(emulator().url, uploadForm(token, null, { other: "x" }));
    expect(queryOf(response.headers.get("location") ?? "").error_message).toBe(
      "No file was uploaded.",
    );
  });
});

describe("unusable tokens get a plain, unstyled error and no redirect", () => {
  const emulator = useEmulator();

  it("refuses an unknown token", async () => {
    const response = await redeem(
      emulator().url,
      uploadForm("0".repeat(40), { bytes: random(10) }),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toBe(TOKEN_ERROR_MESSAGES.invalid);
    expect(emulator().uploads()).toHaveLength(0);
  });

  it("refuses a consumed token (single use, max_uploads=1)", async () => {
    const token = await newToken(emulator().url, { return_url: RETURN_URL });
    expect((await redeem(emulator().url, uploadForm(token, { bytes: random(10) }))).status).toBe(
      301,
    );
    const again = await redeem(emulator().url, uploadForm(token, { bytes: random(10) }));
    expect(again.status).toBe(403);
    expect(await again.text()).toBe(TOKEN_ERROR_MESSAGES.consumed);
    expect(
      emulator()
        .uploads()
        .filter((u) => u.uploadToken === token),
    ).toHaveLength(1);
  });

  it("allows exactly max_uploads files", async () => {
    const token = await newToken(emulator().url, { max_uploads: "3" });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push(
        (await redeem(emulator().url, uploadForm(token, { bytes: random(10) }))).status,
      );
    expect(statuses).toEqual([200, 200, 200, 403]);
  });

  it("refuses an expired token (expired through the control API)", async () => {
    const token = await newToken(emulator().url, { return_url: RETURN_URL });
    await createEmulatorClient(emulator().url).expireToken(token);
    const response = await redeem(emulator().url, uploadForm(token, { bytes: random(10) }));
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(TOKEN_ERROR_MESSAGES.expired);
  });

  it("refuses a form without upload_token", async () => {
    const response = await redeem(emulator().url, uploadForm(null, { bytes: random(10) }));
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(TOKEN_ERROR_MESSAGES.missing);
  });
});

describe("without return_url", () => {
  const emulator = useEmulator();

  it("v2 answers JSON with photo_id, tree_id and token", async () => {
    const token = await createEmulatorClient(emulator().url).createToken({ api: "v2" });
    const response = await redeem(
      emulator().url,
      uploadForm(token.uploadToken, { bytes: random(10) }),
      "v2",
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      data: { photo_id: number; tree_id: number; token: string };
    };
    const upload = emulator().uploads()[0];
    expect(body).toMatchObject({
      status: "ok",
      data: {
        photo_id: Number(upload?.photoId),
        tree_id: Number(upload?.treeId),
        token: upload?.token,
      },
    });
  });

  it("legacy answers 200 with its XML envelope by default and JSON with format=json&raw", async () => {
    const base = emulator().url;
    const xml = await redeem(base, uploadForm(await newToken(base), { bytes: random(10) }));
    expect(xml.status).toBe(200);
    const text = await xml.text();
    expect(text).toMatch(/<response status="ok"[^>]*message="The file was successfully uploaded"/);
    expect(text).toMatch(/<photo_id>\d+<\/photo_id>/);
    const json = await redeem(
      base,
      uploadForm(await newToken(base), { bytes: random(10) }, { format: "json", raw: "" }),
    );
    const body = (await json.json()) as {
      status: string;
      upload: { photo_id: string; tree_id: string; token: string };
    };
    expect(body.status).toBe("ok");
    expect(body.upload.photo_id).toMatch(/^\d+$/);
  });

  it("v2 reports a refused file type as a 400 JSON error", async () => {
    const token = await createEmulatorClient(emulator().url).createToken({ api: "v2" });
    const response = await redeem(
      emulator().url,
      uploadForm(token.uploadToken, { bytes: random(10), name: "a.exe" }),
      "v2",
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      status: "error",
      code: "error_processing_upload",
      message: "The file type isn't supported",
    });
  });
});

describe("background_return_p=1", () => {
  const emulator = useEmulator();
  const calls: string[] = [];
  let callbackServer: ReturnType<typeof createServer>;
  let callbackBase = "";
  beforeAll(async () => {
    callbackServer = createServer((req, res) => {
      calls.push(req.url ?? "");
      res.end("thanks");
    });
    await new Promise<void>((resolve) => callbackServer.listen(0, "127.0.0.1", resolve));
    callbackBase = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => callbackServer.close(() => resolve())));

  it("calls return_url itself and answers the browser with the ok line", async () => {
    const token = await newToken(emulator().url, {
      return_url: `${callbackBase}/cb?theme=green`,
      background_return_p: "1",
    });
    const response = await redeem(emulator().url, uploadForm(token, { bytes: random(10) }));
    expect(response.status).toBe(200);
    const line = await response.text();
    const upload = emulator()
      .uploads()
      .find((u) => u.uploadToken === token);
    const domain = new URL(emulator().url).host;
    const called = calls.at(-1) ?? "";
    expect(line).toBe(
      `ok ${domain} ${upload?.treeId} ${upload?.photoId} ${upload?.token} ${callbackBase}${called}`,
    );
    expect(queryOf(`${callbackBase}${called}`)).toMatchObject({
      theme: "green",
      domain,
      upload_token: token,
      photo_id: upload?.photoId,
    });
    expect(upload?.callback).toMatchObject({ mode: "background", method: "GET", status: 200 });
  });

  it("answers `error <message>` for a refused file, after calling return_url with error_message", async () => {
    const token = await newToken(emulator().url, {
      return_url: `${callbackBase}/cb`,
      background_return_p: "1",
    });
    const response = await redeem(
      emulator().url,
      uploadForm(token, { bytes: random(10), name: "x.exe" }),
    );
    expect(await response.text()).toBe("error The file type isn't supported");
    expect(queryOf(`${callbackBase}${calls.at(-1) ?? ""}`).error_message).toBe(
      "The file type isn't supported",
    );
  });
});

describe("callbacks longer than 1500 characters", () => {
  const emulator = useEmulator();
  const long = "x".repeat(1600);

  it("turn the redirect into a self-submitting POST form (with a button for browsers without JavaScript)", async () => {
    const client = createEmulatorClient(emulator().url);
    const token = await client.createToken(
      { extra: { note: long } },
      { return_url: client.returnUrl({ theme: "green" }) },
    );
    const response = await redeem(
      emulator().url,
      uploadForm(token.uploadToken, { bytes: random(10) }),
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<form method="post" action="${client.returnUrl({ theme: "green" })}">`);
    expect(html).toContain(
      `<input type="hidden" name="upload_token" value="${token.uploadToken}">`,
    );
    expect(html).toContain(`name="note" value="${long}"`);
    expect(html).toContain('<button type="submit">Continue</button>');
    expect(emulator().uploads()[0]?.callback).toMatchObject({ mode: "redirect", method: "POST" });
  });

  it("are POSTed by the emulator in background mode, and the ok line names return_url", async () => {
    const client = createEmulatorClient(emulator().url);
    const returnUrl = client.returnUrl({ theme: "green" });
    const token = await client.createToken(
      { extra: { note: long } },
      { return_url: returnUrl, background_return_p: 1 },
    );
    const response = await redeem(
      emulator().url,
      uploadForm(token.uploadToken, { bytes: random(10) }),
    );
    const line = await response.text();
    expect(line.endsWith(` ${returnUrl}`)).toBe(true);
    const received = (await client.returns()).at(-1);
    expect(received).toMatchObject({
      method: "POST",
      fromEmulator: true,
      query: { theme: "green" },
      body: { note: long, upload_token: token.uploadToken },
    });
  });
});
