// The example app end to end in Chromium: the production build served by the example server
// (with its strict CSP), the token endpoint signing real OAuth requests to an isolated emulator,
// and the browser uploading straight to the emulator.
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
async function serveExample(emulator: SpawnedEmulatorClient, outDir: string): Promise<Harness> {
  await build({
    configFile: path.join(appDir, "vite.config.ts"),
    logLevel: "warn",
    define: {
      __TWENTYTHREE_SITE__: JSON.stringify(emulator.url),
      __TWENTYTHREE_API__: JSON.stringify("legacy"),
    },
    build: { outDir, emptyOutDir: true },
  });
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
  return { emulator, server, logs, close: () => server.close() };
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

let browser: Browser;
let outDir: string;
let harness: Harness;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), "tt-example-app-"));
  const emulator = await createEmulatorClient(inject("emulatorUrl")).spawn();
  harness = await serveExample(emulator, outDir);
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await harness?.emulator.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe("example app", () => {
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
    await page.goto(`${harness.server.url}/queue`);
    await page
      .locator('[data-twentythree-upload="queue"] [data-part="file-input"]')
      .setInputFiles(files);

    await page.waitForURL(`${harness.server.url}/upload/callback`, { timeout: 45_000 });
    const results = page.locator('[data-part="result"]');
    await expect.poll(() => results.count()).toBe(2);
    const shown = await results.evaluateAll((items) =>
      items.map((item) => ({
        name: item.querySelector('[data-part="result-name"]')?.textContent,
        photoId: item.getAttribute("data-photo-id"),
      })),
    );
    expect(shown.map((result) => result.name).sort()).toEqual(["first.mp4", "second.mp4"]);

    const { progress, states } = await page.evaluate(() => {
      const w = window as unknown as { __progress: string[]; __states: string[] };
      return { progress: w.__progress, states: w.__states };
    });
    expect(progress.map(Number).some((value) => value > 0 && value < 100)).toBe(true);
    // Each file went through in one attempt: the XHR followed TwentyThree's redirect to the
    // return page and read the result there (no failure, no retry, no reconciliation).
    expect(states).toContain("succeeded");
    expect(states).not.toContain("retrying");
    expect(states).not.toContain("failed");

    // TwentyThree (the emulator) stored each file exactly once, byte for byte.
    const uploads = await harness.emulator.uploads();
    for (const file of files) {
      const stored = uploads.filter((upload) => upload.fileName === file.name);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ size: file.buffer.length, sha256: sha256(file.buffer) });
      expect(shown.find((result) => result.name === file.name)?.photoId).toBe(stored[0]?.photoId);
    }
    expect(uploads).toHaveLength(2);

    // The endpoint issued one token per file and logged no token.
    const issued = harness.logs.filter((entry) => entry.outcome === "issued");
    expect(issued.map((entry) => entry.fileSize).sort()).toEqual(
      files.map((file) => file.buffer.length).sort(),
    );
    const logged = JSON.stringify(harness.logs);
    for (const upload of uploads) expect(logged).not.toContain(upload.uploadToken);

    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
