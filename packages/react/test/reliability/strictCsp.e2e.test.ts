// Issue 7's strict-CSP row: a page served with `default-src 'self'` (no 'unsafe-inline' for
// scripts or styles; TwentyThree allowed only in connect-src, form-action and frame-src) renders
// every component and uploads, through XHR and through the iframe fallback, with zero
// `securitypolicyviolation` events, in the page and in the fallback's frame. Driven by
// Playwright, because the Vitest runner page itself needs inline scripts.
import {
  createEmulatorClient,
  type SpawnedEmulatorClient,
} from "@twentythree-upload/emulator/client";
import { chromium, type Browser, type Page } from "playwright-core";
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

let withCors: SpawnedEmulatorClient;
let withoutCors: SpawnedEmulatorClient;
let served: ServedPage;
let browser: Browser;

beforeAll(async () => {
  const shared = createEmulatorClient(inject("emulatorUrl"));
  withCors = await shared.spawn({ encodingDelayMs: 0 });
  withoutCors = await shared.spawn({ cors: "none", encodingDelayMs: 0 });
  served = await servePage(strictPolicy([withCors.url, withoutCors.url]));
  browser = await chromium.launch(chromiumLaunchOptions());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await withCors?.close();
  await withoutCors?.close();
});

/** Opens the page for `site`, watching it, with the policy proven to be in force. */
async function open(
  site: SpawnedEmulatorClient,
  returnUrl: string,
): Promise<{ page: Page; console: string[] }> {
  const page = await browser.newPage();
  const lines: string[] = [];
  page.on("console", (message) => lines.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => lines.push(`pageerror: ${error.message}`));
  await watchPage(page);
  const query = new URLSearchParams({
    scenario: "all",
    site: site.url,
    token: site.tokenUrl({ return_url: returnUrl }),
  });
  await page.goto(`${served.origin}/index.html?${query}`);
  await page.getByRole("button", { name: "Upload video" }).waitFor();
  // The policy is in force: an inline style attribute is reported (then forgotten).
  await page.evaluate(() => document.body.setAttribute("style", "color: red"));
  await expect.poll(async () => (await pageRecord(page)).violations.length).toBe(1);
  await page.evaluate(() => {
    document.body.removeAttribute("style");
    (window as Window & { __record?: { violations: string[] } }).__record?.violations.splice(0);
  });
  lines.splice(0);
  return { page, console: lines };
}

async function expectStoredOnce(site: SpawnedEmulatorClient, files: { sha256: string }[]) {
  const uploads = await site.uploads();
  for (const file of files) {
    expect(uploads.filter((upload) => upload.sha256 === file.sha256)).toHaveLength(1);
  }
}

describe("a strict Content-Security-Policy", { timeout: 90_000 }, () => {
  it("every component renders and uploads (XHR) without a violation", async () => {
    const { page, console } = await open(withCors, withCors.returnUrl());
    const queue = page.locator('[data-twentythree-upload="queue"]');
    const queued = await Promise.all([1, 2].map((i) => fileOf(`csp-${i}.mp4`, 120_000)));
    await queue.nth(0).locator('input[type="file"]').setInputFiles(queued);
    const compact = await fileOf("csp-compact.mp4", 60_000);
    await queue.nth(1).locator('input[type="file"]').setInputFiles([compact]);
    const viaForm = await fileOf("csp-form.mp4", 80_000);
    const form = page.locator('[data-twentythree-upload="form"]');
    await form.getByLabel("Title").fill("Under a strict policy");
    await form.locator('input[type="file"]').setInputFiles([viaForm]);
    await form.getByRole("button", { name: "Upload video" }).click();

    await expect
      .poll(() => page.locator('[data-part="item"][data-state="succeeded"]').count(), {
        timeout: 30_000,
      })
      .toBe(3);
    await expect.poll(() => form.getAttribute("data-state"), { timeout: 30_000 }).toBe("succeeded");
    // The hostile callback on the page is text, not markup.
    const callback = page.locator('[data-twentythree-upload="callback"]');
    await expect
      .poll(() => callback.textContent())
      .toBe("The upload failed: <img src=x onerror=alert(1)>");
    expect(await callback.locator("img").count()).toBe(0);
    // Every part got its styles from the stylesheet (no inline style could have applied).
    const background = await page
      .locator('[data-part="drop-zone"]')
      .first()
      .evaluate((element) => getComputedStyle(element).borderStyle);
    expect(background).not.toBe("none");

    const { violations } = await pageRecord(page);
    expect(violations).toEqual([]);
    expect(console.filter((line) => /Content.Security.Policy|Refused to/i.test(line))).toEqual([]);
    await expectStoredOnce(withCors, [...queued, compact, viaForm]);
    for (const token of await withCors.tokens()) {
      expect(console.filter((line) => line.includes(token.uploadToken))).toEqual([]);
    }
    await page.close();
  });

  it("the iframe fallback (a site without CORS) delivers its result without a violation", async () => {
    const returnUrl = `${served.origin}/callback.html?site=${encodeURIComponent(withoutCors.url)}`;
    const { page, console } = await open(withoutCors, returnUrl);
    const file = await fileOf("csp-iframe.mp4", 90_000);
    await page
      .locator('[data-twentythree-upload="queue"]')
      .first()
      .locator('input[type="file"]')
      .setInputFiles([file]);
    const row = page.locator('[data-part="item"]', { hasText: "csp-iframe.mp4" });
    await expect.poll(() => row.getAttribute("data-state"), { timeout: 30_000 }).toBe("succeeded");
    const [stored] = await withoutCors.uploads();
    await expect
      .poll(() => row.locator('[data-part="item-status"]').textContent())
      .toBe(`Uploaded. Video id: ${stored?.photoId}`);
    // The CORS probe (a refused preflight, the empty form without CORS to check that the site
    // is up, the preflight refused again), then the form posted into a frame, which TwentyThree
    // redirected to the return page here.
    const redeems = (await withoutCors.requests()).filter(
      (request) => request.endpoint === "photo/redeem-upload-token",
    );
    expect(redeems.map((request) => [request.method, request.status, request.probe])).toEqual([
      ["OPTIONS", 405, false],
      ["POST", 400, true],
      ["OPTIONS", 405, false],
      ["POST", 301, false],
    ]);

    const { violations } = await pageRecord(page);
    expect(violations).toEqual([]);
    expect(console.filter((line) => /Content.Security.Policy|Refused to/i.test(line))).toEqual([]);
    await expectStoredOnce(withoutCors, [file]);
    for (const token of await withoutCors.tokens()) {
      expect(console.filter((line) => line.includes(token.uploadToken))).toEqual([]);
    }
    await page.close();
  });
});
