// The no-JavaScript path of <UploadForm>: server-rendered with a token from the emulator, served
// from a tiny 127.0.0.1 server, and submitted by Chromium with JavaScript disabled. It must work
// exactly like the seed's step 3: the browser posts the form and lands on return_url.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createEmulatorClient,
  type SpawnedEmulatorClient,
} from "@twentythree-upload/emulator/client";
import { chromium, type Browser } from "playwright-core";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chromiumLaunchOptions } from "../../../scripts/chromium.js";
import { requestUploadToken, UploadForm } from "../src/index.js";

let emulator: SpawnedEmulatorClient;
let browser: Browser;
let server: Server;
let origin = "";
let formHtml = "";

beforeAll(async () => {
  emulator = await createEmulatorClient(inject("emulatorUrl")).spawn();
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", origin);
    const body =
      url.pathname === "/"
        ? `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Upload</title></head><body>${formHtml}</body></html>`
        : `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Done</title></head><body><p id="done">Back at return_url</p></body></html>`;
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await emulator?.close();
});

describe("UploadForm without JavaScript", () => {
  it("posts the server-rendered form and lands on return_url with the result", async () => {
    // What an app's server does: get a token (here from the emulator's stand-in endpoint) and
    // render the form with it.
    const token = await requestUploadToken(
      emulator.tokenUrl({ return_url: `${origin}/upload/callback?theme=green` }),
      { title: "No JavaScript" },
    );
    formHtml = renderToString(
      // Only a server-issued token: enough for the one upload a page without JavaScript makes.
      createElement(UploadForm, { site: emulator.url, initialToken: token }),
    );
    expect(formHtml).toContain(token.uploadToken);

    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      const bytes = randomBytes(300_000);
      await page.setInputFiles('input[name="file"]', {
        name: "no-js.mp4",
        mimeType: "video/mp4",
        buffer: bytes,
      });
      await Promise.all([
        page.waitForURL((url) => url.pathname === "/upload/callback"),
        page.getByRole("button", { name: "Upload video" }).click(),
      ]);
      await expect(page.locator("#done").textContent()).resolves.toBe("Back at return_url");

      const landed = new URL(page.url());
      const [stored] = await emulator.uploads();
      expect(stored?.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(stored?.size).toBe(bytes.length);
      expect(stored?.title).toBe("No JavaScript");
      expect(Object.fromEntries(landed.searchParams)).toMatchObject({
        theme: "green",
        domain: new URL(emulator.url).host,
        upload_token: token.uploadToken,
        photo_id: stored?.photoId,
        tree_id: stored?.treeId,
        token: stored?.token,
      });
      expect((await emulator.token(token.uploadToken)).state).toBe("consumed");
    } finally {
      await context.close();
    }
  });
});
