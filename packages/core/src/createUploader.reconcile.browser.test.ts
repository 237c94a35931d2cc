// Reconciliation in real Chromium against the emulator: an upload that may have been stored is
// looked up before the file is sent again, and a look-up credits a file only with its own upload.
import {
  createEmulatorClient,
  type SpawnedEmulatorClient,
  type UploadRecord,
} from "@twentythree-upload/emulator/client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { randomFile, settled } from "../test/uploadFixtures.js";
import { createUploader } from "./createUploader.js";
import type { TokenSource } from "./types.js";

const storedWith = (uploads: readonly UploadRecord[], sha256: string) =>
  uploads.filter((upload) => upload.sha256 === sha256);

let emulator: SpawnedEmulatorClient;
beforeAll(async () => {
  emulator = await createEmulatorClient(inject("emulatorUrl")).spawn();
});
afterAll(() => emulator.close());

const CHUNK = 64 * 1024;

describe("a 5xx after the whole body was sent", () => {
  it.each([
    ["xhr", 502],
    ["xhr", 504],
    ["chunked", 502],
  ] as const)(
    "%s, %i from a gateway while TwentyThree stored the file: looked up, not re-sent; stored once",
    async (transport, status) => {
      const { file, sha256 } = await randomFile(3 * CHUNK, `gateway-${transport}-${status}.mp4`);
      // The chunked upload's final chunk is its third request.
      await emulator.addFault({
        statusAfterProcessing: status,
        after: transport === "chunked" ? 2 : 0,
      });
      const from = (await emulator.requests()).length;
      const uploader = createUploader({
        site: emulator.url,
        token: emulator.tokenUrl({ return_url: emulator.returnUrl() }),
        transport,
        chunkSize: CHUNK,
        retry: { baseDelayMs: 50, maxDelayMs: 200 },
      });
      const [id] = uploader.add([file]);
      const done = await settled(uploader);
      uploader.destroy();

      const stored = storedWith(await emulator.uploads(), sha256);
      expect(stored).toHaveLength(1);
      expect(done.byId.get(id ?? "")).toMatchObject({
        status: "succeeded",
        result: { photoId: stored[0]?.photoId },
      });
      const log = (await emulator.requests()).slice(from);
      const posts = log.filter(
        (request) => request.endpoint === "photo/redeem-upload-token" && request.method === "POST",
      );
      expect(posts.map((post) => post.status).at(-1)).toBe(status);
      // No upload with a second token, and the look-up came after the gateway's answer.
      expect(new Set(posts.map((post) => post.uploadToken))).toEqual(
        new Set([stored[0]?.uploadToken]),
      );
      const lookup = log.find((request) => request.endpoint === "photo/list");
      expect(lookup?.uploadToken).toBe(stored[0]?.uploadToken);
      expect(posts.every((post) => post.id < (lookup?.id ?? 0))).toBe(true);
    },
  );
});

describe("a token endpoint that hands two files with the same title one token", () => {
  it("never credits file B with file A's photo_id", async () => {
    // A cache keyed by title (a common shortcut, and a bug): both files get the same token.
    const byTitle = new Map<string, Promise<object>>();
    const token: TokenSource = (request) => {
      const title = request.title ?? "";
      const cached =
        byTitle.get(title) ??
        emulator.createToken({ title }).then((record) => ({
          upload_token: record.uploadToken,
          valid_until: record.validUntil,
          title,
        }));
      byTitle.set(title, cached);
      return cached;
    };
    const a = await randomFile(200_000, "interview.mp4");
    const b = await randomFile(150_000, "interview.mov");
    // A is stored at once, but its answer is slow: B is refused ("already used") meanwhile.
    await emulator.addFault({ processingDelayMs: 3_000 });
    const uploader = createUploader({
      site: emulator.url,
      token,
      transport: "xhr",
      autoStart: false,
      retry: { baseDelayMs: 50, maxDelayMs: 200 },
    });
    const [idA, idB] = uploader.add([a.file, b.file]);
    uploader.start(idA);
    await expect.poll(async () => storedWith(await emulator.uploads(), a.sha256)).toHaveLength(1);
    uploader.start(idB);
    const done = await settled(uploader);
    uploader.destroy();

    const [storedA] = storedWith(await emulator.uploads(), a.sha256);
    expect(done.byId.get(idA ?? "")).toMatchObject({
      status: "succeeded",
      result: { photoId: storedA?.photoId },
    });
    // B's file never arrived, and B is not told it did.
    expect(storedWith(await emulator.uploads(), b.sha256)).toEqual([]);
    const itemB = done.byId.get(idB ?? "");
    expect(itemB?.status).toBe("failed");
    expect(itemB?.result).toBeNull();
  });
});
