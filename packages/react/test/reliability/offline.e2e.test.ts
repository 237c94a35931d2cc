// Issue 7's offline row, in a Playwright-controlled Chromium (a Vitest browser test cannot go
// offline without cutting its own runner): <UploadQueue> uploads a queue to an emulator, the
// browser goes offline for 10 s mid-queue, then comes back. Rows must pause, then all succeed,
// and every file must be stored exactly once. The 10 s are real time, once, on purpose.
import {
  createEmulatorClient,
  type SpawnedEmulatorClient,
} from "@twentythree-upload/emulator/client";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chromiumLaunchOptions } from "../../../../scripts/chromium.js";
import {
  fileOf,
  pageRecord,
  servePage,
  strictPolicy,
  watchPage,
  type ServedPage,
} from "./servePage.js";

let emulator: SpawnedEmulatorClient;
let served: ServedPage;
let browser: Browser;

beforeAll(async () => {
  emulator = await createEmulatorClient(inject("emulatorUrl")).spawn({ encodingDelayMs: 0 });
  served = await servePage(strictPolicy([emulator.url]));
  browser = await chromium.launch(chromiumLaunchOptions());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await emulator?.close();
});

describe("offline for 10 s mid-queue", () => {
  it("pauses, then resumes; nothing lost, nothing stored twice", { timeout: 120_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const consoleLines: string[] = [];
    page.on("console", (message) => consoleLines.push(message.text()));
    await watchPage(page);
    // The third and fourth uploads are in flight when the network goes: TwentyThree stores them,
    // then their answers never arrive (a connection lost with the network).
    await emulator.addFault({ processingDelayMs: 6000, dropAnswer: true, count: 2, after: 2 });
    const query = new URLSearchParams({
      site: emulator.url,
      token: emulator.tokenUrl({ return_url: emulator.returnUrl() }),
      concurrency: "2",
      baseDelayMs: "50",
    });
    await page.goto(`${served.origin}/index.html?${query}`);
    const files = await Promise.all(
      Array.from({ length: 8 }, (_, i) => fileOf(`offline-${i}.mp4`, 150_000 + i * 1000)),
    );
    await page.locator('input[type="file"]').setInputFiles(files);
    const states = () =>
      page
        .locator('[data-part="item"]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-state")));
    const uploadPosts = async () =>
      (await emulator.requests()).filter(
        (r) => r.endpoint === "photo/redeem-upload-token" && r.method === "POST" && !r.probe,
      );
    await expect
      .poll(async () => (await uploadPosts()).filter((r) => r.fault !== null && !r.done).length, {
        timeout: 30_000,
      })
      .toBe(2);
    await expect
      .poll(async () => (await states()).slice(0, 2), { timeout: 5000 })
      .toEqual(["succeeded", "succeeded"]);

    await context.setOffline(true);
    const offlineSince = Date.now();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // Queued rows pause at once; the two in flight when their connections fail (no retry used).
    await expect
      .poll(states, { timeout: 15_000 })
      .toEqual(["succeeded", "succeeded", ...Array<string>(6).fill("paused")]);
    await expect.poll(() => page.getByText("Paused: offline", { exact: true }).count()).toBe(6);
    const requestsWhenPaused = (await emulator.requests()).length;
    await page.waitForTimeout(Math.max(0, offlineSince + 10_000 - Date.now()));
    // Nothing was attempted while offline.
    expect((await emulator.requests()).length).toBe(requestsWhenPaused);

    await context.setOffline(false);
    expect(await page.evaluate(() => navigator.onLine)).toBe(true);
    await expect.poll(states, { timeout: 60_000 }).toEqual(Array<string>(8).fill("succeeded"));
    await expect.poll(() => page.getByText("8 of 8 files uploaded").count()).toBe(1);

    const { rows, violations } = await pageRecord(page);
    for (const file of files.slice(2)) {
      expect(rows[file.name]).toContain("paused");
    }
    const uploads = (await emulator.uploads()).filter((upload) => !upload.deleted);
    for (const file of files) {
      expect(uploads.filter((upload) => upload.sha256 === file.sha256)).toHaveLength(1);
    }
    expect(uploads).toHaveLength(files.length);
    // The two whose answers were lost were found (photo/list), not sent again with another
    // token. (Chromium itself may re-send a POST whose connection broke, with the same token:
    // TwentyThree refuses it as already used.)
    const posts = await uploadPosts();
    expect(new Set(posts.map((post) => post.uploadToken)).size).toBe(files.length);
    expect(posts.filter((post) => post.status !== 301 && post.status !== 403)).toMatchObject(
      Array(2).fill({ status: null, fault: expect.stringMatching(/drop answer/) }),
    );
    const lookups = (await emulator.requests()).filter((r) => r.endpoint === "photo/list");
    expect(lookups.length).toBeGreaterThanOrEqual(2);
    expect(violations).toEqual([]);
    for (const token of await emulator.tokens()) {
      expect(consoleLines.filter((line) => line.includes(token.uploadToken))).toEqual([]);
    }
    await context.close();
  });
});
