// Bad input never crashes the emulator; each kind gets its documented error form.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createEmulatorClient } from "../src/client.js";
import { random, redeem, uploadForm, useEmulator } from "./helpers.js";
import { multipartBody, postRaw, rawExchange } from "./rawHttp.js";

describe("bad input", () => {
  const emulator = useEmulator();
  const client = () => createEmulatorClient(emulator().url);
  const redeemUrl = () => `${emulator().url}/api/photo/redeem-upload-token`;
  const stillHealthy = async () => expect(await client().health()).toEqual({ status: "ok" });

  it("answers a truncated multipart body with 400, stores nothing, keeps the token", async () => {
    const token = await client().createToken({}, { return_url: client().returnUrl() });
    const { body, contentType } = multipartBody(
      { upload_token: token.uploadToken },
      { bytes: random(50_000) },
    );
    const truncated = body.subarray(0, body.length - 2000);
    const { result } = postRaw(redeemUrl(), truncated, { "Content-Type": contentType });
    const response = await result;
    expect(response.status).toBe(400);
    expect(response.body).toMatch(/^The multipart body could not be read: /);
    expect(response.headers.location).toBeUndefined();
    expect((await client().token(token.uploadToken)).state).toBe("valid");
    expect(await readdir(path.join(emulator().dataDir, "incoming"))).toEqual([]);
    await stillHealthy();
  });

  it("records a connection cut mid-body as aborted and keeps nothing of it", async () => {
    const token = await client().createToken();
    const { body, contentType } = multipartBody(
      { upload_token: token.uploadToken },
      { bytes: random(400_000) },
    );
    const head = `POST /api/photo/redeem-upload-token HTTP/1.1\r\nHost: ${new URL(emulator().url).host}\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`;
    await rawExchange(
      emulator().url,
      Buffer.concat([Buffer.from(head), body.subarray(0, 200_000)]),
      true,
    );
    await vi.waitFor(async () => {
      const last = (await client().requests())
        .filter((r) => r.uploadToken === token.uploadToken)
        .at(-1);
      expect(last).toMatchObject({ aborted: true, done: true, bytesReceived: 200_000 });
    });
    expect((await client().uploads()).filter((u) => u.uploadToken === token.uploadToken)).toEqual(
      [],
    );
    expect((await client().token(token.uploadToken)).state).toBe("valid");
    await vi.waitFor(async () =>
      expect(await readdir(path.join(emulator().dataDir, "incoming"))).toEqual([]),
    );
  });

  it("treats a file under another field name as no file", async () => {
    const token = await client().createToken({}, { return_url: client().returnUrl() });
    const { body, contentType } = multipartBody(
      { upload_token: token.uploadToken },
      { bytes: random(10), field: "video" },
    );
    const response = await postRaw(redeemUrl(), body, { "Content-Type": contentType }).result;
    expect(new URL(String(response.headers.location)).searchParams.get("error_message")).toBe(
      "No file was uploaded.",
    );
  });

  it("refuses two files in one request without storing either", async () => {
    const token = await client().createToken(
      { maxUploads: 2 },
      { return_url: client().returnUrl() },
    );
    const form = uploadForm(token.uploadToken, { bytes: random(10) });
    form.append("file", new Blob([random(10)]), "second.bin");
    const response = await redeem(emulator().url, form);
    expect(new URL(response.headers.get("location") ?? "").searchParams.get("error_message")).toBe(
      "Send one file per request.",
    );
    expect((await client().uploads()).filter((u) => u.uploadToken === token.uploadToken)).toEqual(
      [],
    );
  });

  it("refuses redeem without multipart, or with a wrong method, in plain text", async () => {
    const urlencoded = await fetch(redeemUrl(), {
      method: "POST",
      body: new URLSearchParams({ upload_token: "x" }),
    });
    expect(urlencoded.status).toBe(400);
    expect(await urlencoded.text()).toMatch(/multipart\/form-data/);
    const noBoundary = await fetch(redeemUrl(), {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data" },
      body: "x",
    });
    expect(noBoundary.status).toBe(400);
    const get = await fetch(redeemUrl());
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("answers oversized headers with 431 and keeps serving", async () => {
    const head = `GET /__emulator/health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(40_000)}\r\n\r\n`;
    expect(await rawExchange(emulator().url, head)).toMatch(/^HTTP\/1.1 431 /);
    await stillHealthy();
  });

  it("answers an unparseable request with 400 and keeps serving", async () => {
    expect(await rawExchange(emulator().url, "NOT HTTP AT ALL\r\n\r\n")).toMatch(/^HTTP\/1.1 400 /);
    await stillHealthy();
  });

  it("answers unknown API methods in each generation's error form, and other paths with 404", async () => {
    const legacy = await fetch(`${emulator().url}/api/photo/fly`);
    expect(legacy.status).toBe(200);
    expect(await legacy.text()).toContain('<response status="error" code="unknown_method"');
    const v2 = await fetch(`${emulator().url}/api/2/photo/fly`);
    expect(v2.status).toBe(404);
    expect(await v2.json()).toMatchObject({ status: "error", code: "unknown_method" });
    const other = await fetch(`${emulator().url}/somewhere`);
    expect(other.status).toBe(404);
    expect(await other.text()).toBe("Not found.");
  });

  it("refuses a url-encoded body over 1 MiB with the legacy error form", async () => {
    const response = await fetch(`${emulator().url}/api/photo/get-upload-token`, {
      method: "POST",
      body: new URLSearchParams({ title: "x".repeat(1_100_000) }),
    });
    expect(await response.text()).toMatch(
      /code="invalid_input" message="The request body is larger than 1048576 bytes."/,
    );
    await stillHealthy();
  });

  it("survives a malformed OAuth header and odd query encodings", async () => {
    const response = await fetch(`${emulator().url}/api/photo/get-upload-token?title=%zz`, {
      headers: {
        Authorization: 'OAuth oauth_signature="%E0%A4%A", oauth_consumer_key="emulator-key"',
      },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('status="error"');
  });
});
