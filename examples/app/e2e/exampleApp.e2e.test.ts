// The example app end to end in Chromium: the production build served by the example server
// (with its strict CSP), the token endpoint signing real OAuth requests to an isolated emulator,
// and the browser uploading straight to the emulator: with CORS (XHR, byte progress) and without
// (the iframe fallback, whose frames land on the app's callback route).
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type SpawnedEmulatorClient,
  createEmulatorClient,
} from "@twentythree-upload/emulator/client";
import { type Browser, type Page, chromium } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chromiumLaunchOptions } from "../../../scripts/chromium.js";
import { checkBuiltSite } from "../server/checkBuiltSite.js";
import { EMULATOR_CREDENTIALS } from "../server/config.js";
import { contentSecurityPolicy } from "../server/contentSecurityPolicy.js";
import { createTokenHandler } from "../server/createTokenHandler.js";
import { type AppServer, startAppServer } from "../server/startAppServer.js";
import type { TokenLogEntry } from "../server/tokenLog.js";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface Harness {
  emulator: SpawnedEmulatorClient;
  server: AppServer;
  logs: TokenLogEntry[];
  close(): Promise<void>;
}

/** Builds the app for `emulator` and serves it with the token endpoint on a free port. */
async function serveExample(emulator: SpawnedEmulatorClient): Promise<Harness> {
  const outDir = mkdtempSync(path.join(tmpdir(), "tt-example-app-"));
  await build({
    configFile: path.join(appDir, "vite.config.ts"),
    logLevel: "warn",
    define: {
      __TWENTYTHREE_SITE__: JSON.stringify(emulator.url),
      __TWENTYTHREE_API__: JSON.stringify("legacy"),
    },
    build: { outDir, emptyOutDir: true },
  });
  // The build records the site it was compiled for, so that `start` can refuse another one.
  expect(() => checkBuiltSite(outDir, { site: emulator.url, apiVersion: "legacy" })).not.toThrow();
  expect(() => checkBuiltSite(outDir, { site: "videos.example.com" })).toThrow(emulator.url);
  const logs: TokenLogEntry[] = [];
  // The endpoint needs the app's origin, known once the server listens on its free port.
  let handler: ((request: Request) => Promise<Response>) | null = null;
  const server = await startAppServer({
    port: 0,
    staticDir: outDir,
    contentSecurityPolicy: contentSecurityPolicy(emulator.url),
    returnPath: "/upload/callback",
    tokenHandler: (request) =>
      handler ? handler(request) : Promise.reject(new Error("not ready")),
  });
  handler = createTokenHandler({
    site: emulator.url,
    credentials: { ...EMULATOR_CREDENTIALS },
    returnUrl: `${server.url}/upload/callback`,
    allowedOrigins: [server.url],
    logger: (entry) => logs.push(entry),
  });
  return {
    emulator,
    server,
    logs,
    close: async () => {
      await server.close();
      await emulator.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Records every value and state the page's progress bars show, and CSP violations. */
async function watchPage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __progress: string[]; __states: string[]; __csp: string[] };
    w.__progress = [];
    w.__states = [];
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      w.__csp.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as Element;
        if (target.localName !== "progress") continue;
        if (record.attributeName === "data-value")
          w.__progress.push(target.getAttribute("data-value") ?? "");
        else w.__states.push(target.getAttribute("data-state") ?? "");
      }
    }).observe(document, {
      subtree: true,
      attributes: true,
      attributeFilter: ["data-value", "data-state"],
    });
  });
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

type TestFile = { name: string; mimeType: string; buffer: Buffer };

/** Picks `files` in the queue page and waits for the callback route; returns the results shown. */
async function uploadFromQueue(
  page: Page,
  harness: Harness,
  files: readonly TestFile[],
): Promise<{ name: string | null | undefined; photoId: string | null }[]> {
  await page.goto(`${harness.server.url}/queue`);
  await page
    .locator('[data-twentythree-upload="queue"] [data-part="file-input"]')
    .setInputFiles([...files]);
  await page.waitForURL(`${harness.server.url}/upload/callback`, { timeout: 45_000 });
  const results = page.locator('[data-part="result"]');
  await expect.poll(() => results.count()).toBe(files.length);
  return results.evaluateAll((items) =>
    items.map((item) => ({
      name: item.querySelector('[data-part="result-name"]')?.textContent,
      photoId: item.getAttribute("data-photo-id"),
    })),
  );
}

/** TwentyThree (the emulator) stored each file exactly once, byte for byte, under the shown id. */
async function expectStoredOnce(
  harness: Harness,
  files: readonly TestFile[],
  shown: { name: string | null | undefined; photoId: string | null }[],
): Promise<void> {
  const uploads = await harness.emulator.uploads();
  for (const file of files) {
    const stored = uploads.filter((upload) => upload.fileName === file.name);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ size: file.buffer.length, sha256: sha256(file.buffer) });
    expect(shown.find((result) => result.name === file.name)?.photoId).toBe(stored[0]?.photoId);
  }
  expect(uploads).toHaveLength(files.length);
  // The endpoint issued one token per file and logged none of them.
  const issued = harness.logs.filter((entry) => entry.outcome === "issued");
  expect(issued.map((entry) => entry.fileSize).sort()).toEqual(
    files.map((file) => file.buffer.length).sort(),
  );
  const logged = JSON.stringify(harness.logs);
  for (const upload of uploads) expect(logged).not.toContain(upload.uploadToken);
}

async function pageState(
  page: Page,
): Promise<{ progress: string[]; states: string[]; csp: string[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __progress: string[]; __states: string[]; __csp: string[] };
    return { progress: w.__progress, states: w.__states, csp: w.__csp };
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions());
});
afterAll(async () => {
  await browser?.close();
});

describe("example app on a site with CORS (XHR uploads)", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await serveExample(await createEmulatorClient(inject("emulatorUrl")).spawn());
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("uploads two files from the queue, shows progress, lands on the callback route with both results", async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await watchPage(page);
    // Slow the uploads down so that progress between 0 and 100 % is observable on loopback.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    });
    const files = [
      { name: "first.mp4", mimeType: "video/mp4", buffer: randomBytes(1536 * 1024) },
      { name: "second.mp4", mimeType: "video/mp4", buffer: randomBytes(1024 * 1024 + 17) },
    ];

    const shown = await uploadFromQueue(page, harness, files);
    expect(shown.map((result) => result.name).sort()).toEqual(["first.mp4", "second.mp4"]);
    const { progress, states, csp } = await pageState(page);
    expect(progress.map(Number).some((value) => value > 0 && value < 100)).toBe(true);
    // Each file went through in one attempt: the XHR followed TwentyThree's redirect to the
    // return page and read the result there (no failure, no retry, no reconciliation).
    expect(states).toContain("succeeded");
    expect(states).not.toContain("retrying");
    expect(states).not.toContain("failed");
    await expectStoredOnce(harness, files, shown);
    expect(csp).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("shows a forged callback link (a token this browser never received) as not confirmed", async () => {
    const page = await browser.newPage();
    const domain = new URL(harness.emulator.url).host;
    const forged = new URLSearchParams({
      domain,
      upload_token: "f".repeat(40),
      photo_id: "4242",
      tree_id: "1",
      token: "forged",
    });
    await page.goto(`${harness.server.url}/upload/callback?${forged.toString()}`);
    const callback = page.locator('[data-twentythree-upload="callback"]');
    await expect.poll(() => callback.getAttribute("data-verified")).toBe("false");
    const text = await callback.textContent();
    expect(text).toContain("4242");
    expect(text).toContain("not confirmed");
    // The token-bearing parameters were removed from the address bar all the same.
    expect(new URL(page.url()).searchParams.has("upload_token")).toBe(false);
    await page.close();
  });
});

describe("example app on a site without CORS (iframe fallback)", () => {
  let harness: Harness;
  beforeAll(async () => {
    const emulator = await createEmulatorClient(inject("emulatorUrl")).spawn({ cors: "none" });
    harness = await serveExample(emulator);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("uploads two files through hidden frames that land on the callback route, under the strict CSP", async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await watchPage(page);
    // Every frame that TwentyThree redirects back to the app is a visit of the callback route.
    const callbackFrames = new Set<string>();
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame() && new URL(frame.url()).pathname === "/upload/callback") {
        callbackFrames.add(new URL(frame.url()).searchParams.get("photo_id") ?? "");
      }
    });
    const files = [
      { name: "one.mov", mimeType: "video/quicktime", buffer: randomBytes(200 * 1024) },
      { name: "two.mov", mimeType: "video/quicktime", buffer: randomBytes(300 * 1024 + 3) },
    ];

    const shown = await uploadFromQueue(page, harness, files);
    expect(shown.map((result) => result.name).sort()).toEqual(["one.mov", "two.mov"]);
    expect([...callbackFrames].sort()).toEqual(shown.map((result) => result.photoId).sort());
    await expectStoredOnce(harness, files, shown);
    const { states, csp } = await pageState(page);
    expect(states).not.toContain("failed");
    expect(csp).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
