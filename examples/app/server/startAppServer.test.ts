// The production server around the endpoint: single-page fallback for the callback route, the
// security headers on pages, and nothing but the endpoint under /api.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./contentSecurityPolicy.js";
import { type AppServer, startAppServer } from "./startAppServer.js";

let dir: string;
let server: AppServer;
const seen: string[] = [];
const CSP = contentSecurityPolicy("https://videos.example.com");

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "tt-app-server-"));
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>app</title>");
  writeFileSync(path.join(dir, "assets", "main-abc123.js"), "console.log(1)");
  server = await startAppServer({
    port: 0,
    staticDir: dir,
    contentSecurityPolicy: CSP,
    returnPath: "/upload/callback",
    tokenHandler: async (request) => {
      seen.push(`${request.method} ${new URL(request.url).pathname}`);
      return new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } });
    },
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("startAppServer", () => {
  it("serves index.html for app routes such as /upload/callback, with a strict CSP and no Referer", async () => {
    const response = await fetch(`${server.url}/upload/callback?domain=x&upload_token=y`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>app</title>");
    expect(response.headers.get("content-security-policy")).toBe(CSP);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });

  it("lets uploads read the return page across origins (preflight and GET), and no other page", async () => {
    const preflight = await fetch(`${server.url}/upload/callback?domain=x`, {
      method: "OPTIONS",
      headers: { Origin: "null", "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    const page = await fetch(`${server.url}/upload/callback?domain=x`, {
      headers: { Origin: "null" },
    });
    expect(page.headers.get("access-control-allow-origin")).toBe("*");
    const other = await fetch(`${server.url}/queue`, { headers: { Origin: "null" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const otherPreflight = await fetch(`${server.url}/queue`, { method: "OPTIONS" });
    expect(otherPreflight.status).toBe(405);
  });

  it("serves hashed assets as immutable, and 404s for a missing file instead of index.html", async () => {
    const asset = await fetch(`${server.url}/assets/main-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
  });

  it("routes /api/upload-token (any method, any query) to the handler, and nothing else under /api", async () => {
    await fetch(`${server.url}/api/upload-token?x=1`, { method: "POST", body: "{}" });
    await fetch(`${server.url}/api/upload-token`);
    expect(seen).toEqual(["POST /api/upload-token", "GET /api/upload-token"]);
    const other = await fetch(`${server.url}/api/other`, { method: "POST" });
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: "not_found" });
  });

  it("refuses to start on a port that is taken", async () => {
    const port = Number(new URL(server.url).port);
    await expect(
      startAppServer({ port, tokenHandler: async () => new Response() }),
    ).rejects.toMatchObject({
      code: "EADDRINUSE",
    });
  });
});

describe("contentSecurityPolicy", () => {
  it("allows no inline script or style, and the site only for uploads", () => {
    expect(CSP).toContain("script-src 'self';");
    expect(CSP).toContain("style-src 'self';");
    expect(CSP).not.toContain("unsafe-inline");
    expect(CSP).toContain("connect-src 'self' https://videos.example.com");
    expect(CSP).toContain("form-action 'self' https://videos.example.com");
  });
});
