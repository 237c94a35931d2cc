// The seed's step 3 exactly: a plain HTML form, no JavaScript at all, posting a file to
// redeem-upload-token; the browser must land on return_url with the seed's parameters.
import { createHash } from "node:crypto";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions } from "../../../scripts/chromium.js";
import { type Emulator, createEmulator } from "../src/index.js";
import { newToken } from "./helpers.js";

function seedForm(action: string, uploadToken: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Upload</title></head><body>
<form action="${action}"
  method="post" enctype="multipart/form-data">
  <input type="hidden" name="upload_token" value="${uploadToken}" />
  <input type="file" name="file" />
  <input type="submit" value="Upload video" />
</form>
</body></html>`;
}

describe("no-JavaScript form post (seed step 3)", () => {
  let emulator: Emulator;
  let site: Server;
  let siteUrl = "";
  let browser: Browser;
  const pages = new Map<string, string>();

  beforeAll(async () => {
    emulator = await createEmulator({ quiet: true });
    site = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://site.invalid");
      const page = pages.get(url.pathname);
      if (page) {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(page);
      } else if (url.pathname === "/upload/callback") {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end("<!doctype html><title>Done</title><p>Upload complete</p>");
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => site.close(() => resolve()));
    await emulator.close();
  });

  it("posts the file and lands on return_url with theme=green, domain, upload_token, photo_id, tree_id and token", async () => {
    const uploadToken = await newToken(emulator.url, {
      title: "My title",
      album_id: "12345",
      return_url: `${siteUrl}/upload/callback?theme=green`,
    });
    pages.set("/form.html", seedForm(`${emulator.url}/api/photo/redeem-upload-token`, uploadToken));
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < bytes.length; i += 4096) bytes.writeUInt32BE(i, i);
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${siteUrl}/form.html`);
      await page.setInputFiles('input[type="file"]', {
        name: "clip.mp4",
        mimeType: "video/mp4",
        buffer: bytes,
      });
      await Promise.all([
        page.waitForURL(`${siteUrl}/upload/callback?**`),
        page.click('input[type="submit"]'),
      ]);
      const landed = new URL(page.url());
      const [upload] = emulator.uploads();
      expect(upload).toBeDefined();
      expect(Object.fromEntries(landed.searchParams)).toEqual({
        theme: "green",
        domain: new URL(emulator.url).host,
        upload_token: uploadToken,
        photo_id: upload?.photoId,
        tree_id: upload?.treeId,
        token: upload?.token,
      });
      expect(landed.search.startsWith("?theme=green&domain=")).toBe(true);
      expect(await page.textContent("p")).toBe("Upload complete");
      expect(upload).toMatchObject({
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        fileName: "clip.mp4",
        contentType: "video/mp4",
        title: "My title",
        albumId: "12345",
      });
    } finally {
      await context.close();
    }
  });
});
