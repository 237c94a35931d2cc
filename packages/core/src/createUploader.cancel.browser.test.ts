// Canceling an upload in flight, in Chromium against a spawned emulator. The iframe transport's
// form POST shows no progress and no "body sent" event, so from the submit on the file may be
// stored whatever the page learns: the item must say so, and a person's retry must look the
// earlier attempt up (photo/list) rather than upload again. The chunked transport's earlier
// chunks store nothing (TwentyThree adds the video when the final chunk completes): a cancel
// between chunks is not ambiguous (no warning), its token is not presented again, and a retry
// looks quietly first, as after any cancel with a request under way.
import {
  createEmulatorClient,
  type RequestRecord,
  type SpawnedEmulatorClient,
} from "@twentythree-upload/emulator/client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { randomFile, settled, sharedEmulator } from "../test/uploadFixtures.js";
import { createChunkedTransport } from "./createChunkedTransport.js";
import { createUploader } from "./createUploader.js";
import type { Uploader } from "./types.js";

let emulator: SpawnedEmulatorClient;
beforeAll(async () => {
  // CORS on, so that photo/list (reconciliation) can be read; the iframe works either way.
  emulator = await createEmulatorClient(inject("emulatorUrl")).spawn();
});
afterAll(() => emulator.close());

// A return_url on this page's origin, whose page hands the callback back (handOffCallback).
const returnUrl = () => new URL("/packages/core/test/callback.html", window.location.origin).href;

function iframeUploader(site: SpawnedEmulatorClient = emulator): Uploader {
  return createUploader({
    site: site.url,
    token: site.tokenUrl({ return_url: returnUrl() }),
    transport: "iframe",
  });
}

const redeemPosts = async (
  before: number,
  site: SpawnedEmulatorClient = emulator,
): Promise<RequestRecord[]> =>
  (await site.requests())
    .slice(before)
    .filter((r) => r.endpoint === "photo/redeem-upload-token" && r.method === "POST");

describe("createUploader in Chromium: canceling an iframe post", () => {
  // Without CORS, fetch cannot read photo/list: the look-up goes through JSONP.
  it.each(["full", "none"] as const)(
    "says the file may be stored, and a retry finds the stored upload instead of sending again (CORS: %s)",
    async (cors) => {
      const site = cors === "full" ? emulator : await sharedEmulator().spawn({ cors });
      try {
        // TwentyThree stores the file, then is slow to answer: the page cancels in between.
        await site.addFault({ endpoint: "redeem-upload-token", processingDelayMs: 20_000 });
        const { file, sha256 } = await randomFile(120_000, "canceled-late.mp4");
        const before = (await site.requests()).length;
        const uploader = iframeUploader(site);
        const [id = ""] = uploader.add([file]);
        const stored = async () => (await site.uploads()).filter((u) => u.sha256 === sha256);
        await expect.poll(async () => (await stored()).length, { timeout: 10_000 }).toBe(1);
        expect(uploader.getSnapshot().byId.get(id)?.status).toBe("uploading");

        uploader.cancel(id);
        expect(uploader.getSnapshot().byId.get(id)).toMatchObject({
          status: "canceled",
          error: { kind: "aborted", ambiguous: true },
        });

        uploader.retry(id);
        const done = await settled(uploader);
        const [upload] = await stored();
        expect(await stored()).toHaveLength(1);
        expect(done.byId.get(id)).toMatchObject({
          status: "succeeded",
          result: { photoId: upload?.photoId },
        });
        // The retry asked photo/list about the first token and sent nothing again.
        const posts = await redeemPosts(before, site);
        expect(posts).toHaveLength(1);
        expect(posts[0]?.uploadToken).toBe(upload?.uploadToken);
        const lookups = (await site.requests())
          .slice(before)
          .filter((r) => r.endpoint === "photo/list");
        expect(lookups.length).toBeGreaterThanOrEqual(1);
        uploader.destroy();
      } finally {
        if (site !== emulator) await site.close();
      }
    },
    40_000,
  );

  it("never presents the canceled post's token again: a retry that finds nothing gets a fresh one", async () => {
    // The post is under way (part of the body read) when the page cancels: nothing is stored,
    // but the page cannot know that.
    await emulator.addFault({ endpoint: "redeem-upload-token", stallAfterBytes: 100_000 });
    const { file, sha256 } = await randomFile(1_000_000, "canceled-early.mp4");
    const before = (await emulator.requests()).length;
    const uploader = iframeUploader();
    const [id = ""] = uploader.add([file]);
    await expect
      .poll(async () => (await redeemPosts(before))[0]?.bytesReceived ?? 0, { timeout: 10_000 })
      .toBeGreaterThan(0);

    uploader.cancel(id);
    expect(uploader.getSnapshot().byId.get(id)).toMatchObject({
      status: "canceled",
      error: { kind: "aborted", ambiguous: true },
    });

    uploader.retry(id);
    const done = await settled(uploader);
    const stored = (await emulator.uploads()).filter((u) => u.sha256 === sha256);
    expect(stored).toHaveLength(1);
    expect(done.byId.get(id)).toMatchObject({
      status: "succeeded",
      result: { photoId: stored[0]?.photoId },
    });
    const posts = await redeemPosts(before);
    expect(posts).toHaveLength(2);
    const [first, second] = posts;
    expect(second?.uploadToken).toBe(stored[0]?.uploadToken);
    expect(first?.uploadToken).not.toBe(second?.uploadToken);
    // It looked before sending again.
    const lookups = (await emulator.requests())
      .slice(before)
      .filter((r) => r.endpoint === "photo/list");
    expect(lookups.length).toBeGreaterThanOrEqual(1);
    uploader.destroy();
  }, 40_000);
});

describe("createUploader in Chromium: canceling between chunks", () => {
  it("stores nothing, says nothing may be stored, and a retry looks first, then sends again with a fresh token", async () => {
    // One chunk at a time; the second is read whole and then not answered for a while.
    await emulator.addFault({
      endpoint: "redeem-upload-token",
      after: 1,
      processingDelayMs: 20_000,
    });
    const { file, sha256 } = await randomFile(3_000_000, "chunks.mp4");
    const before = (await emulator.requests()).length;
    const uploader = createUploader({
      site: emulator.url,
      // The emulator's echo page answers XHRs from any origin (CORS), unlike this page's.
      token: emulator.tokenUrl({ return_url: emulator.returnUrl() }),
      transport: createChunkedTransport({ chunkSize: 1_000_000, parallel: 1 }),
    });
    const [id = ""] = uploader.add([file]);
    await expect
      .poll(async () => (await redeemPosts(before)).find((r) => r.chunk === 2)?.bytesReceived, {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    const [first] = await redeemPosts(before);
    expect(first).toMatchObject({ chunk: 1, status: 200 });

    uploader.cancel(id);
    expect(uploader.getSnapshot().byId.get(id)).toMatchObject({ status: "canceled", error: null });

    uploader.retry(id);
    const done = await settled(uploader);
    const stored = (await emulator.uploads()).filter((u) => u.sha256 === sha256);
    expect(stored).toHaveLength(1);
    expect(done.byId.get(id)).toMatchObject({
      status: "succeeded",
      result: { photoId: stored[0]?.photoId },
    });
    const posts = await redeemPosts(before);
    const canceled = posts.filter((r) => r.uploadToken === first?.uploadToken);
    expect(canceled.map((r) => r.chunk)).toEqual([1, 2]);
    expect(stored[0]?.uploadToken).not.toBe(first?.uploadToken);
    // The canceled attempt's requests were under way: the retry looked it up first (quietly),
    // found nothing (no chunk had completed the file), and sent again.
    const lookups = (await emulator.requests())
      .slice(before)
      .filter((r) => r.endpoint === "photo/list");
    expect(lookups).toHaveLength(1);
    uploader.destroy();
  }, 40_000);
});
