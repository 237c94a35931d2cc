// Real Chromium, genuinely cross-origin (the test page and the emulator are on different ports).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type SpawnedEmulatorClient, createEmulatorClient } from "../src/client.js";

interface XhrResult {
  event: "load" | "error";
  status: number;
  responseURL: string;
  responseText: string;
  progressEvents: number;
}

/** A cross-origin multipart POST, optionally with an upload progress listener (which forces a preflight). */
function xhrUpload(url: string, form: FormData, withProgress: boolean): Promise<XhrResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let progressEvents = 0;
    // A listener on xhr.upload makes the request preflighted (it is no longer "simple").
    if (withProgress) xhr.upload.addEventListener("progress", () => (progressEvents += 1));
    const done = (event: XhrResult["event"]) => () =>
      resolve({
        event,
        status: xhr.status,
        responseURL: xhr.responseURL,
        responseText: xhr.responseText,
        progressEvents,
      });
    xhr.addEventListener("load", done("load"));
    xhr.addEventListener("error", done("error"));
    xhr.open("POST", url);
    xhr.send(form);
  });
}

function uploadForm(
  uploadToken: string,
  size: number,
): { form: FormData; bytes: Uint8Array<ArrayBuffer> } {
  const bytes = new Uint8Array(size);
  crypto.getRandomValues(bytes.subarray(0, Math.min(size, 65536)));
  const form = new FormData();
  form.append("upload_token", uploadToken);
  form.append("file", new Blob([bytes], { type: "application/octet-stream" }), "clip.bin");
  return { form, bytes };
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

describe("CORS full: an XHR with upload progress follows the 301 and reads the return page", () => {
  let emu: SpawnedEmulatorClient;
  beforeAll(async () => {
    emu = await createEmulatorClient(inject("emulatorUrl")).spawn({ cors: "full" });
  });
  afterAll(() => emu.close());

  it("preflights, uploads, follows the redirect and reads the callback parameters", async () => {
    expect(navigator.userAgent).toMatch(/Chrome\//);
    const returnUrl = emu.returnUrl({ theme: "green" });
    const token = await emu.createToken({}, { return_url: returnUrl });
    const { form, bytes } = uploadForm(token.uploadToken, 1024 * 1024);
    const result = await xhrUpload(emu.apiUrl("redeem-upload-token"), form, true);
    expect(result.event).toBe("load");
    expect(result.status).toBe(200);
    expect(result.responseURL.startsWith(`${returnUrl}&`)).toBe(true);
    const params = JSON.parse(result.responseText) as Record<string, string>;
    const [upload] = await emu.uploads();
    expect(params).toEqual({
      theme: "green",
      domain: new URL(emu.url).host,
      upload_token: token.uploadToken,
      photo_id: upload?.photoId,
      tree_id: upload?.treeId,
      token: upload?.token,
    });
    expect(upload?.sha256).toBe(await sha256Hex(bytes));
    const log = (await emu.requests()).filter((r) => r.endpoint === "photo/redeem-upload-token");
    expect(log.map((r) => [r.method, r.status])).toEqual([
      ["OPTIONS", 204],
      ["POST", 301],
    ]);
  });

  it("logs Chromium's empty-form POST (a CORS probe) as a probe, which faults pass by", async () => {
    await emu.addFault({ endpoint: "redeem-upload-token", status: 503 });
    const before = (await emu.requests()).length;
    const probe = await xhrUpload(emu.apiUrl("redeem-upload-token"), new FormData(), true);
    expect(probe.status).toBe(400);
    const token = await emu.createToken({}, { return_url: emu.returnUrl() });
    const upload = await xhrUpload(
      emu.apiUrl("redeem-upload-token"),
      uploadForm(token.uploadToken, 1000).form,
      true,
    );
    expect(upload.status).toBe(503);
    const posts = (await emu.requests())
      .slice(before)
      .filter((r) => r.endpoint === "photo/redeem-upload-token" && r.method === "POST");
    expect(posts.map((r) => [r.probe, r.status, r.fault === null])).toEqual([
      [true, 400, true],
      [false, 503, false],
    ]);
  });

  it("issues a token from a JSON POST with X-Requested-With (a preflighted request)", async () => {
    const response = await fetch(emu.tokenUrl({ return_url: emu.returnUrl() }), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Requested-With": "XMLHttpRequest" },
      body: JSON.stringify({ title: "From the browser", maxUploads: 2 }),
    });
    const body = (await response.json()) as {
      status: string;
      uploadtoken: { title: string; max_uploads: string };
    };
    expect(body).toMatchObject({
      status: "ok",
      uploadtoken: { title: "From the browser", max_uploads: "2" },
    });
  });

  it("reads the background mode's text line directly", async () => {
    const token = await emu.createToken(
      {},
      { return_url: emu.returnUrl(), background_return_p: 1 },
    );
    const result = await xhrUpload(
      emu.apiUrl("redeem-upload-token"),
      uploadForm(token.uploadToken, 1000).form,
      true,
    );
    expect(result.status).toBe(200);
    expect(result.responseText).toMatch(
      new RegExp(`^ok ${new URL(emu.url).host} \\d+ \\d+ \\w+ ${emu.url}/__emulator/return\\?`),
    );
    expect((await emu.returns()).at(-1)?.fromEmulator).toBe(true);
  });
});

describe("CORS none: the browser cannot read TwentyThree's answers", () => {
  let emu: SpawnedEmulatorClient;
  beforeAll(async () => {
    emu = await createEmulatorClient(inject("emulatorUrl")).spawn({ cors: "none" });
  });
  afterAll(() => emu.close());

  it("fails the preflight of an XHR with upload progress: nothing is sent, nothing stored", async () => {
    const token = await emu.createToken({}, { return_url: emu.returnUrl() });
    // A URL of its own: an emulator spawned earlier on the same port (with CORS and a max-age)
    // can leave a preflight in Chromium's cache, which is keyed by URL, and then none is sent.
    const result = await xhrUpload(
      `${emu.apiUrl("redeem-upload-token")}?preflight=${crypto.randomUUID()}`,
      uploadForm(token.uploadToken, 1000).form,
      true,
    );
    expect(result.event).toBe("error");
    expect(result.status).toBe(0);
    const log = (await emu.requests()).filter((r) => r.endpoint === "photo/redeem-upload-token");
    expect(log.map((r) => [r.method, r.status])).toEqual([["OPTIONS", 405]]);
    expect(await emu.uploads()).toEqual([]);
    expect((await emu.token(token.uploadToken)).state).toBe("valid");
  });

  it("lets a simple XHR (no listener) through, stores the file, but hides the answer", async () => {
    const token = await emu.createToken({}, { return_url: emu.returnUrl() });
    const result = await xhrUpload(
      emu.apiUrl("redeem-upload-token"),
      uploadForm(token.uploadToken, 1000).form,
      false,
    );
    expect(result.event).toBe("error");
    expect(result.responseText).toBe("");
    const uploads = await emu.uploads();
    expect(uploads.map((u) => u.uploadToken)).toEqual([token.uploadToken]);
  });
});
