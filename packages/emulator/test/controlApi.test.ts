import { describe, expect, it } from "vitest";
import { EmulatorClientError, createEmulatorClient } from "../src/client.js";
import { queryOf, random, redeem, sha256, uploadForm, useEmulator } from "./helpers.js";

describe("control API", () => {
  const emulator = useEmulator();
  const client = () => createEmulatorClient(emulator().url);

  it("answers health and info (without secrets)", async () => {
    expect(await client().health()).toEqual({ status: "ok" });
    const info = await client().info();
    expect(info).toMatchObject({
      url: emulator().url,
      cors: "full",
      consumerKey: "emulator-key",
      defaultSecrets: { consumerSecret: true },
    });
    expect(JSON.stringify(info)).not.toContain("emulator-secret");
  });

  it("issues a token without OAuth from camelCase JSON, defaulting to legacy format=json&raw", async () => {
    const body = await client().issueToken(
      {
        title: "<i>Hello</i>",
        description: "<b>ok</b>",
        albumId: "12345",
        tags: "a b",
        publish: false,
        maxUploads: 2,
        extra: { clientId: "c1" },
        fileName: "x.mp4",
      },
      { return_url: "http://127.0.0.1:1/cb?theme=green", valid_minutes: 60 },
    );
    const parsed = JSON.parse(body) as { status: string; uploadtoken: Record<string, string> };
    expect(parsed.status).toBe("ok");
    expect(parsed.uploadtoken).toMatchObject({
      title: "Hello",
      description: "<b>ok</b>",
      album_id: "12345",
      tags: "a b",
      publish: "0",
      max_uploads: "2",
      valid_minutes: "60",
      return_url: "http://127.0.0.1:1/cb?theme=green",
    });
    expect(parsed.uploadtoken.upload_token).toMatch(/^[0-9a-f]{40}$/);
    const record = await client().token(parsed.uploadtoken.upload_token ?? "");
    expect(record).toMatchObject({ extra: { clientId: "c1" }, state: "valid", api: "legacy" });
  });

  it("takes snake_case params from the query and under `params`, and answers v2 with api=v2", async () => {
    const response = await fetch(`${emulator().url}/__emulator/token?api=v2&valid_minutes=20`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        params: { max_uploads: 5, background_return_p: 1, return_url: "http://127.0.0.1:1/x" },
      }),
    });
    const body = (await response.json()) as { status: string; data: Record<string, unknown> };
    expect(body.status).toBe("ok");
    expect(body.data).toMatchObject({
      valid_minutes: 20,
      max_uploads: 5,
      background_return_p: true,
      publish: "t",
    });
    expect(String(body.data.upload_token)).toMatch(/^[A-Za-z0-9]{64}$/);
  });

  it("answers a browser's preflight for a JSON POST with X-Requested-With", async () => {
    const response = await fetch(`${emulator().url}/__emulator/token`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://127.0.0.1:5173",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,x-requested-with",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toBe(
      "content-type,x-requested-with",
    );
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("refuses a malformed token request with a clear error", async () => {
    const response = await fetch(`${emulator().url}/__emulator/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{nope",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      status: "error",
      message: "The body is not valid JSON.",
    });
    const bad = await client().issueToken({}, { valid_minutes: 5 });
    expect(JSON.parse(bad)).toMatchObject({ status: "error", code: "invalid_input" });
  });

  it("lists uploads with size and SHA-256, and logs requests", async () => {
    const token = await client().createToken({ title: "T" });
    const bytes = random(70_000);
    await redeem(emulator().url, uploadForm(token.uploadToken, { bytes, name: "a.bin" }));
    const upload = (await client().uploads()).find((u) => u.uploadToken === token.uploadToken);
    expect(upload).toMatchObject({
      size: 70_000,
      sha256: sha256(bytes),
      fileName: "a.bin",
      title: "T",
    });
    const log = (await client().requests()).filter((r) => r.uploadToken === token.uploadToken);
    expect(log.map((r) => [r.endpoint, r.method, r.status, r.aborted])).toEqual([
      ["token", "POST", 200, false],
      ["photo/redeem-upload-token", "POST", 200, false],
    ]);
    expect(log[1]?.bytesReceived).toBeGreaterThan(70_000);
    expect((await client().token(token.uploadToken)).state).toBe("consumed");
  });

  it("spawns isolated instances with their own options and closes them", async () => {
    const child = await client().spawn({ cors: "none", encodingDelayMs: 0 });
    expect(child.url).not.toBe(emulator().url);
    expect(await child.health()).toEqual({ status: "ok" });
    expect((await child.info()).cors).toBe("none");
    await child.createToken();
    expect(await child.tokens()).toHaveLength(1);
    expect((await client().instances()).map((i) => i.port)).toContain(child.port);
    await child.close();
    await expect(child.health()).rejects.toThrow();
    await expect(client().spawn({ dataDir: "/" } as never)).rejects.toThrow(/disallowed/);
  });

  it("echoes its query on the return page, as JSON for fetch and as text for a navigation", async () => {
    const url = client().returnUrl({ theme: "green", photo_id: "1" });
    const response = await fetch(url);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ theme: "green", photo_id: "1" });
    const page = await fetch(url, { headers: { "Sec-Fetch-Dest": "iframe" } });
    expect(page.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(JSON.parse(await page.text())).toEqual({ theme: "green", photo_id: "1" });
    expect((await client().returns()).at(-1)).toMatchObject({
      method: "GET",
      query: { theme: "green" },
      fromEmulator: false,
    });
  });

  it("expires tokens and resets all state", async () => {
    const token = await client().createToken({}, { return_url: client().returnUrl() });
    expect((await client().expireToken(token.uploadToken)).state).toBe("expired");
    await expect(client().expireToken("nope")).rejects.toBeInstanceOf(EmulatorClientError);
    await client().addFault({ status: 503 });
    await client().reset();
    expect(await client().tokens()).toEqual([]);
    expect(await client().uploads()).toEqual([]);
    expect(await client().faults()).toEqual([]);
    expect(await client().requests()).toEqual([]);
  });

  it("answers unknown control paths and wrong methods with JSON errors", async () => {
    const unknown = await fetch(`${emulator().url}/__emulator/nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("access-control-allow-origin")).toBe("*");
    const wrong = await fetch(`${emulator().url}/__emulator/uploads`, { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/DELETE/);
  });

  it("works as a TokenSource URL: the redirect carries the return page's own parameters", async () => {
    const tokenUrl = client().tokenUrl({ return_url: client().returnUrl({ theme: "green" }) });
    const body = (await (
      await fetch(tokenUrl, {
        method: "POST",
        body: JSON.stringify({ title: "x" }),
        headers: { "Content-Type": "application/json" },
      })
    ).json()) as {
      uploadtoken: { upload_token: string };
    };
    const response = await redeem(
      emulator().url,
      uploadForm(body.uploadtoken.upload_token, { bytes: random(5) }),
    );
    const location = response.headers.get("location") ?? "";
    expect(location.startsWith(`${emulator().url}/__emulator/return?theme=green&`)).toBe(true);
    const echoed = (await (await fetch(location)).json()) as Record<string, string>;
    expect(echoed).toEqual(queryOf(location));
  });
});
