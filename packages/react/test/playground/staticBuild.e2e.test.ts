// The static Storybook build (`pnpm build-storybook`) works against an emulator chosen at run
// time: built with a built-in emulator URL where nothing listens, served from a plain static
// server, and opened with `?emulator=<url>` (on the preview page, or on the manager page), its
// stories upload real bytes to that emulator.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createEmulator, type Emulator } from "@twentythree-upload/emulator";
import { createEmulatorClient } from "@twentythree-upload/emulator/client";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions } from "../../../../scripts/chromium.js";
import { serveStatic, type StaticServer } from "./staticServer.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const storybookCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve("storybook/package.json")),
  "dist/bin/dispatcher.js",
);
// Port 9 (discard) on loopback: nothing answers there, so only the override can make uploads work.
const builtInEmulator = "http://127.0.0.1:9";

let outputDir = "";
let server: StaticServer;
let emulator: Emulator;
let browser: Browser;

/** `storybook build --disable-telemetry -o <dir>`, as `pnpm build-storybook` runs it. */
async function buildStorybook(dir: string): Promise<void> {
  const child = spawn(
    process.execPath,
    [storybookCli, "build", "--disable-telemetry", "--quiet", "-o", dir],
    { cwd: root, env: { ...process.env, TT_EMULATOR_URL: builtInEmulator }, stdio: "pipe" },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) {
    throw new Error(`storybook build exited ${code}:\n${output.slice(-3000)}`);
  }
}

beforeAll(async () => {
  outputDir = await mkdtemp(path.join(tmpdir(), "tt-storybook-static-"));
  await buildStorybook(outputDir);
  server = await serveStatic(outputDir);
  emulator = await createEmulator({ quiet: true });
  browser = await chromium.launch(chromiumLaunchOptions());
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await emulator?.close();
  if (outputDir !== "") await rm(outputDir, { recursive: true, force: true });
});

/** Picks a file of random bytes in the queue's file input; returns its SHA-256. */
async function pickRandomFile(frame: Frame, name: string): Promise<string> {
  const buffer = randomBytes(96 * 1024);
  await frame.locator('input[type="file"]').first().setInputFiles({
    name,
    mimeType: "video/mp4",
    buffer,
  });
  return createHash("sha256").update(buffer).digest("hex");
}

async function rowState(frame: Frame, name: string): Promise<string | null> {
  const row = frame.locator('[data-part="item"]', {
    has: frame.locator('[data-part="item-name"]', { hasText: name }),
  });
  await row.and(frame.locator('[data-state="succeeded"], [data-state="failed"]')).waitFor();
  return row.getAttribute("data-state");
}

async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  // The machine is shared and often loaded: waits are generous, and nothing measures time.
  page.setDefaultTimeout(120_000);
  return page;
}

describe("the static Storybook build with a run-time emulator URL", () => {
  it("uploads to the emulator named by ?emulator= on the preview page (iframe.html)", async () => {
    const page = await newPage();
    const query = new URLSearchParams({
      id: "components-uploadqueue--default",
      viewMode: "story",
      emulator: emulator.url,
    });
    await page.goto(`${server.origin}/iframe.html?${query}`);
    // The story's play function uploads two files; a file picked here is a third, the
    // person's own.
    const sha256 = await pickRandomFile(page.mainFrame(), "static-preview.mp4");
    expect(await rowState(page.mainFrame(), "static-preview.mp4")).toBe("succeeded");
    const stored = emulator.uploads().filter((upload) => upload.sha256 === sha256);
    expect(stored).toHaveLength(1);
    await page.close();
  }, 300_000);

  it("uploads through a fault story opened from the manager page with &emulator=", async () => {
    const page = await newPage();
    await page.goto(
      `${server.origin}/?path=/story/playground-faults--cors-off-iframe-fallback&emulator=${emulator.url}`,
    );
    const preview = page.frameLocator("#storybook-preview-iframe");
    // The story spawned its own instance from the emulator given at run time.
    const session = preview.locator('[data-part="session"][data-state="ready"]');
    const instanceUrl = (await session.getAttribute("data-emulator")) ?? "";
    const instances = await createEmulatorClient(emulator.url).instances();
    expect(instances.map((instance) => instance.url)).toContain(instanceUrl);
    const frame = page.frame({ url: /iframe\.html/ });
    if (frame === null) throw new Error("no preview frame");
    const sha256 = await pickRandomFile(frame, "static-manager.mp4");
    expect(await rowState(frame, "static-manager.mp4")).toBe("succeeded");
    const uploads = await createEmulatorClient(instanceUrl).uploads();
    expect(uploads.filter((upload) => upload.sha256 === sha256)).toHaveLength(1);
    await page.close();
  }, 300_000);
});
