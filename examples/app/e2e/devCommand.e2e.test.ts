// `pnpm example` end to end: the one command starts the emulator and the Vite dev server (with the
// token endpoint as middleware); a single file goes through the form page with no account.
// Ports come from EMULATOR_PORT/APP_PORT so that the test never collides with a running example.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createEmulatorClient } from "@twentythree-upload/emulator/client";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions } from "../../../scripts/chromium.js";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Runs server/dev.ts until it prints the app's URL; resolves with the output so far. */
function startDev(env: Record<string, string>): { child: ChildProcess; ready: Promise<string> } {
  const { TWENTYTHREE_SITE: _site, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(appDir, "server/dev.ts")], {
    cwd: appDir,
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Example app:")) resolve(output);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`dev.ts exited with ${code}:\n${output}`)));
  });
  return { child, ready };
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

let browser: Browser;
let dev: ChildProcess | undefined;
let emulatorUrl: string;
let appUrl: string;

beforeAll(async () => {
  const [emulatorPort, appPort] = [await freePort(), await freePort()];
  emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  appUrl = `http://127.0.0.1:${appPort}`;
  const started = startDev({ EMULATOR_PORT: String(emulatorPort), APP_PORT: String(appPort) });
  dev = started.child;
  const output = await started.ready;
  expect(output).toContain(`TwentyThree emulator: ${emulatorUrl}`);
  expect(output).toContain(`Example app: ${appUrl}/`);
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await stop(dev);
});

describe("pnpm example", () => {
  it("uploads one file through the form page against the emulator, with no account", async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${appUrl}/`);
    const form = page.locator('[data-twentythree-upload="form"]');
    const bytes = randomBytes(300 * 1024);
    await form
      .locator('[data-part="file"]')
      .setInputFiles({ name: "single.mp4", mimeType: "video/mp4", buffer: bytes });
    await form.locator('[data-part="submit"]').click();
    await expect.poll(() => form.getAttribute("data-state"), { timeout: 30_000 }).toBe("succeeded");

    const uploads = await createEmulatorClient(emulatorUrl).uploads();
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({
      fileName: "single.mp4",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
    await expect
      .poll(() => form.locator('[data-part="status"]').textContent())
      .toContain(uploads[0]?.photoId ?? "missing");
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("refuses to start when a port is taken, saying which", async () => {
    const busyPort = Number(new URL(appUrl).port);
    const second = startDev({
      EMULATOR_PORT: String(await freePort()),
      APP_PORT: String(busyPort),
    });
    await expect(second.ready).rejects.toThrow(
      new RegExp(`Port ${busyPort} \\(example app\\) is already in use`),
    );
    await stop(second.child);
  });
});
