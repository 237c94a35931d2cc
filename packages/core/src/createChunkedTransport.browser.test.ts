import type { SpawnedEmulatorClient } from "@twentythree-upload/emulator/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  randomFile,
  rejectionOf,
  sharedEmulator,
  storedWith,
  tokenFrom,
  transportRequest,
} from "../test/uploadFixtures.js";
import { createChunkedTransport } from "./createChunkedTransport.js";

const emulator = sharedEmulator();
const CHUNK = 64 * 1024;

describe("chunked transport", () => {
  let emu: SpawnedEmulatorClient;
  beforeAll(async () => {
    emu = await emulator.spawn({ cors: "full" });
  });
  afterAll(() => emu.close());

  /** POSTs to redeem-upload-token logged since `from`, oldest first. */
  async function chunkLog(from: number) {
    return (await emu.requests())
      .slice(from)
      .filter((r) => r.endpoint === "photo/redeem-upload-token" && r.method === "POST");
  }

  it.each([
    ["legacy", 1],
    ["legacy", 3],
    ["v2", 1],
    ["v2", 3],
  ] as const)(
    "%s API, %i at a time: stores one byte-identical file, final chunk last",
    async (api, parallel) => {
      const transport = createChunkedTransport({ chunkSize: CHUNK, parallel });
      const token = await tokenFrom(emu, api, { return_url: emu.returnUrl({ theme: "green" }) });
      const from = (await emu.requests()).length;
      // 5 chunks; the last one carries the remainder.
      const { file, sha256 } = await randomFile(5 * CHUNK + 1_000);
      const request = transportRequest(emu, api, token, file);

      const result = await transport(request);

      const stored = await storedWith(emu, sha256);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ size: 5 * CHUNK + 1_000, chunks: 5, fileName: "clip.mp4" });
      expect(result).toMatchObject({
        photoId: stored[0]?.photoId,
        token: stored[0]?.token,
        params: { theme: "green" },
      });
      const log = await chunkLog(from);
      expect(log.map((r) => r.chunk).sort()).toEqual([1, 2, 3, 4, 5]);
      // The final chunk started only after every other chunk was answered.
      const final = log.find((r) => r.chunk === 5);
      expect(final?.id).toBe(Math.max(...log.map((r) => r.id)));
      expect(log.every((r) => r.status === 200 || r.chunk === 5)).toBe(true);
      expect(request.progress.at(-1)).toEqual({ loaded: file.size, total: file.size });
      expect(request.bodySent()).toBe(1);
    },
  );

  it("sends a file smaller than one chunk as a single chunk", async () => {
    const transport = createChunkedTransport({ chunkSize: CHUNK });
    const token = await tokenFrom(emu, "v2");
    const { file, sha256 } = await randomFile(1_000);
    const result = await transport(transportRequest(emu, "v2", token, file));
    const stored = await storedWith(emu, sha256);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.chunks).toBe(1);
    expect(result.photoId).toBe(stored[0]?.photoId);
  });

  it("retries a chunk that failed (503, then a reset) and still stores the file once", async () => {
    const transport = createChunkedTransport({ chunkSize: CHUNK, retryDelayMs: 10 });
    const token = await tokenFrom(emu, "legacy");
    const from = (await emu.requests()).length;
    await emu.addFaults([
      { after: 1, status: 503 },
      { after: 1, resetAfterBytes: 1_000, count: 3 },
    ]);
    const { file, sha256 } = await randomFile(4 * CHUNK);
    const result = await transport(transportRequest(emu, "legacy", token, file));
    await emu.clearFaults();
    const stored = await storedWith(emu, sha256);
    expect(stored).toHaveLength(1);
    expect(result.photoId).toBe(stored[0]?.photoId);
    const log = await chunkLog(from);
    expect(log.filter((r) => r.status === 503)).toHaveLength(1);
    // Cut connections have no status (the browser itself re-sends some of them).
    expect(log.filter((r) => r.status === null && r.bytesReceived === 1_000).length).toBe(3);
    expect(
      log
        .filter((r) => r.status === 200)
        .map((r) => r.chunk)
        .sort(),
    ).toEqual([1, 2, 3, 4]);
  });

  it("never re-sends a final chunk whose answer was lost: the file is stored once", async () => {
    const transport = createChunkedTransport({ chunkSize: CHUNK, retryDelayMs: 5 });
    const token = await tokenFrom(emu, "legacy", { return_url: emu.returnUrl() });
    await emu.addFault({ after: 2, dropAnswer: true });
    const { file, sha256 } = await randomFile(3 * CHUNK);
    const outcome = await transport(transportRequest(emu, "legacy", token, file)).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    const stored = await storedWith(emu, sha256);
    expect(stored).toHaveLength(1);
    // The browser may re-send the lost request by itself; TwentyThree then answers a chunk of a
    // complete file with the same outcome. Otherwise the failure is reported as "maybe stored".
    if ("result" in outcome) expect(outcome.result.photoId).toBe(stored[0]?.photoId);
    else expect(outcome.error).toMatchObject({ kind: "network", ambiguous: true });
  });

  it("gives up after chunkRetries with the last failure, storing nothing", async () => {
    const transport = createChunkedTransport({
      chunkSize: CHUNK,
      chunkRetries: 2,
      retryDelayMs: 5,
    });
    const token = await tokenFrom(emu, "legacy");
    await emu.addFault({ after: 1, status: 503, count: 3, retryAfter: 2 });
    const { file, sha256 } = await randomFile(3 * CHUNK);
    const error = await rejectionOf(transport(transportRequest(emu, "legacy", token, file)));
    expect(error).toMatchObject({
      kind: "http",
      status: 503,
      retryAfterMs: 2000,
      ambiguous: false,
    });
    expect(await storedWith(emu, sha256)).toHaveLength(0);
  });

  it.each([1, 3])(
    "stops everything on a 500 (file not supported) with file-rejected, %i at a time",
    async (parallel) => {
      const transport = createChunkedTransport({ chunkSize: CHUNK, parallel });
      const token = await tokenFrom(emu, "legacy");
      const from = (await emu.requests()).length;
      const { file, sha256 } = await randomFile(4 * CHUNK, "setup.exe", "application/x-msdownload");
      const error = await rejectionOf(transport(transportRequest(emu, "legacy", token, file)));
      expect(error).toMatchObject({
        kind: "file-rejected",
        serverMessage: "The file type isn't supported",
        status: 500,
      });
      // Only the chunks already in flight were sent; the final one never was.
      const log = await chunkLog(from);
      expect(log.length).toBeGreaterThanOrEqual(1);
      expect(log.length).toBeLessThanOrEqual(parallel);
      expect(log.some((r) => r.chunk === 4)).toBe(false);
      expect(await storedWith(emu, sha256)).toHaveLength(0);
    },
  );

  it("keeps a 500's words without the upload token it echoes", async () => {
    const transport = createChunkedTransport({ chunkSize: CHUNK });
    for (const api of ["legacy", "v2"] as const) {
      const token = await tokenFrom(emu, api);
      await emu.addFault({
        after: 1,
        status: 500,
        message: `Could not store the chunk of upload_token ${token.uploadToken}`,
      });
      const { file, sha256 } = await randomFile(3 * CHUNK);
      const error = await rejectionOf(transport(transportRequest(emu, api, token, file)));
      expect(error).toMatchObject({
        kind: "file-rejected",
        status: 500,
        serverMessage: "Could not store the chunk of upload_token [redacted]",
      });
      expect(JSON.stringify(error)).not.toContain(token.uploadToken);
      expect((error as Error).message).not.toContain(token.uploadToken);
      expect(await storedWith(emu, sha256)).toHaveLength(0);
    }
  });

  it("reports several increasing progress events ending at the total", async () => {
    const transport = createChunkedTransport({ chunkSize: 2_000_000 });
    const token = await tokenFrom(emu, "legacy");
    await emu.addFault({ bytesPerSecond: 4_000_000, count: 6 });
    const { file, sha256 } = await randomFile(12_000_000);
    const request = transportRequest(emu, "legacy", token, file);
    await transport(request);
    await emu.clearFaults();
    const loaded = request.progress.map((p) => p.loaded);
    expect(new Set(loaded).size).toBeGreaterThanOrEqual(6);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(loaded.at(-1)).toBe(12_000_000);
    expect(await storedWith(emu, sha256)).toHaveLength(1);
  });

  it("aborts: siblings stop, nothing is stored", async () => {
    const transport = createChunkedTransport({ chunkSize: CHUNK, parallel: 2 });
    const token = await tokenFrom(emu, "legacy");
    await emu.addFault({ after: 2, latencyMs: 5_000, count: 2 });
    const { file, sha256 } = await randomFile(6 * CHUNK);
    const request = transportRequest(emu, "legacy", token, file);
    const pending = rejectionOf(transport(request));
    await expect.poll(() => request.progress.at(-1)?.loaded ?? 0).toBeGreaterThanOrEqual(2 * CHUNK);
    request.controller.abort();
    expect(await pending).toMatchObject({ kind: "aborted", ambiguous: false });
    await emu.clearFaults();
    expect(await storedWith(emu, sha256)).toHaveLength(0);
  });
});
