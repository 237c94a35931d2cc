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
import { createXhrTransport } from "./createXhrTransport.js";
import { UploadError } from "./errors.js";
import { findUploads } from "./findUploads.js";

const emulator = sharedEmulator();
const transport = createXhrTransport();

describe.each(["legacy", "v2"] as const)("XHR transport, %s API, CORS full", (api) => {
  it("follows the 301 to return_url and stores the bytes exactly once", async () => {
    const token = await tokenFrom(emulator, api, {
      return_url: emulator.returnUrl({ theme: "green" }),
    });
    const { file, sha256 } = await randomFile(300_000);
    const request = transportRequest(emulator, api, token, file);

    const result = await transport(request);

    const stored = await storedWith(emulator, sha256);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ size: 300_000, fileName: "clip.mp4", api });
    expect(result).toEqual({
      photoId: stored[0]?.photoId,
      treeId: stored[0]?.treeId,
      token: stored[0]?.token,
      domain: new URL(emulator.url).host,
      params: { theme: "green" },
    });
    expect(request.progress[0]).toEqual({ loaded: 0, total: 300_000 });
    expect(request.progress.at(-1)).toEqual({ loaded: 300_000, total: 300_000 });
    expect(request.bodySent()).toBe(1);
  });

  it("reads the answer of a token without return_url", async () => {
    const token = await tokenFrom(emulator, api);
    const { file, sha256 } = await randomFile(10_000);
    const result = await transport(transportRequest(emulator, api, token, file));
    const stored = await storedWith(emulator, sha256);
    expect(stored).toHaveLength(1);
    expect(result).toMatchObject({
      photoId: stored[0]?.photoId,
      treeId: stored[0]?.treeId,
      token: stored[0]?.token,
    });
  });

  it("reads the background-mode ok line, and TwentyThree called return_url itself", async () => {
    const returnUrl = emulator.returnUrl({ theme: "blue", run: crypto.randomUUID() });
    const token = await tokenFrom(emulator, api, { return_url: returnUrl, background_return_p: 1 });
    expect(token.backgroundReturn).toBe(true);
    const { file, sha256 } = await randomFile(20_000);
    const result = await transport(transportRequest(emulator, api, token, file));
    const stored = await storedWith(emulator, sha256);
    expect(stored).toHaveLength(1);
    expect(result).toMatchObject({
      photoId: stored[0]?.photoId,
      token: stored[0]?.token,
      domain: new URL(emulator.url).host,
      params: { theme: "blue" },
    });
    expect(stored[0]?.callback).toMatchObject({ mode: "background", status: 200 });
  });

  it("reports a refused file type as file-rejected with TwentyThree's words, storing nothing", async () => {
    const token = await tokenFrom(emulator, api, { return_url: emulator.returnUrl() });
    const { file, sha256 } = await randomFile(5_000, "setup.exe", "application/x-msdownload");
    const error = await rejectionOf(transport(transportRequest(emulator, api, token, file)));
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({
      kind: "file-rejected",
      serverMessage: "The file type isn't supported",
      ambiguous: false,
    });
    expect(await storedWith(emulator, sha256)).toHaveLength(0);
  });

  it("reports a consumed token as token-invalid and does not store the second file", async () => {
    const token = await tokenFrom(emulator, api);
    const first = await randomFile(4_000);
    const second = await randomFile(4_000);
    await transport(transportRequest(emulator, api, token, first.file));
    const error = await rejectionOf(transport(transportRequest(emulator, api, token, second.file)));
    expect(error).toMatchObject({ kind: "token-invalid", status: 403 });
    expect((error as Error).message).not.toContain(token.uploadToken);
    expect(await storedWith(emulator, first.sha256)).toHaveLength(1);
    expect(await storedWith(emulator, second.sha256)).toHaveLength(0);
  });

  it("reports an expired token as token-invalid", async () => {
    const token = await tokenFrom(emulator, api);
    await emulator.expireToken(token.uploadToken);
    const { file } = await randomFile(1_000);
    const error = await rejectionOf(transport(transportRequest(emulator, api, token, file)));
    expect(error).toMatchObject({ kind: "token-invalid" });
  });
});

describe("XHR transport failures (isolated emulator)", () => {
  let emu: SpawnedEmulatorClient;
  beforeAll(async () => {
    emu = await emulator.spawn({ cors: "full" });
  });
  afterAll(() => emu.close());

  it("maps 503 with Retry-After to an http error with retryAfterMs, storing nothing", async () => {
    const token = await tokenFrom(emu, "legacy");
    await emu.addFault({ status: 503, retryAfter: 7 });
    const { file, sha256 } = await randomFile(2_000);
    const error = await rejectionOf(transport(transportRequest(emu, "legacy", token, file)));
    expect(error).toMatchObject({
      kind: "http",
      status: 503,
      retryAfterMs: 7000,
      ambiguous: false,
    });
    expect(await storedWith(emu, sha256)).toHaveLength(0);
  });

  it("reports a connection reset mid-body as a network error that is not ambiguous", async () => {
    const token = await tokenFrom(emu, "legacy");
    // Chromium silently re-sends a POST whose reused connection was reset (up to twice), so
    // reset three tries to see the failure.
    await emu.addFault({ resetAfterBytes: 50_000, count: 3 });
    // Larger than the socket buffers, so that the browser cannot have handed it all over.
    const { file, sha256 } = await randomFile(20_000_000);
    const request = transportRequest(emu, "legacy", token, file);
    const error = await rejectionOf(transport(request));
    await emu.clearFaults();
    expect(error).toMatchObject({ kind: "network", ambiguous: false });
    expect(request.bodySent()).toBe(0);
    expect(await storedWith(emu, sha256)).toHaveLength(0);
  });

  it("reports an answer lost after storing as ambiguous, and findUploads finds the one upload", async () => {
    const token = await tokenFrom(emu, "legacy", { return_url: emu.returnUrl() });
    await emu.addFault({ dropAnswer: true });
    const { file, sha256 } = await randomFile(30_000);
    const request = transportRequest(emu, "legacy", token, file);
    const error = (await rejectionOf(transport(request))) as UploadError;
    // Either the browser reports the lost answer (network), or it re-sent the POST on its own
    // and TwentyThree answered that the token was already used: both are "maybe stored".
    expect(["network", "token-invalid"]).toContain(error.kind);
    expect(error.ambiguous).toBe(true);
    expect(error.message).not.toContain(token.uploadToken);
    const stored = await storedWith(emu, sha256);
    expect(stored).toHaveLength(1);
    const found = await findUploads({
      token,
      site: emu.url,
      apiVersion: "legacy",
      signal: AbortSignal.timeout(5_000),
    });
    expect(found).toEqual([
      {
        photoId: stored[0]?.photoId,
        treeId: stored[0]?.treeId,
        token: stored[0]?.token,
        domain: new URL(emu.url).host,
        // The listed title, which reconciliation compares with the token's.
        params: { title: "Browser test" },
      },
    ]);
  });

  it(
    "aborts mid-upload: the emulator sees the abort and stores nothing",
    { timeout: 60_000 },
    async () => {
      const token = await tokenFrom(emu, "legacy");
      const before = (await emu.requests()).length;
      // Throttled, so that the abort comes mid-body; the emulator notices the closed connection
      // once it has read what the socket buffers still hold.
      await emu.addFault({ bytesPerSecond: 2_000_000 });
      const { file, sha256 } = await randomFile(30_000_000);
      const request = transportRequest(emu, "legacy", token, file);
      const pending = rejectionOf(transport(request));
      const uploads = async () =>
        (await emu.requests())
          .slice(before)
          .filter((r) => r.endpoint === "photo/redeem-upload-token" && r.method === "POST");
      // Abort once the emulator has received part of the body.
      await expect
        .poll(async () => (await uploads())[0]?.bytesReceived ?? 0, { timeout: 10_000 })
        .toBeGreaterThan(100_000);
      request.controller.abort();
      expect(await pending).toMatchObject({ kind: "aborted", ambiguous: false });
      await expect
        .poll(async () => (await uploads()).every((r) => r.done), { timeout: 30_000 })
        .toBe(true);
      const log = await uploads();
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ aborted: true, status: null });
      expect(log[0]?.bytesReceived).toBeLessThan(30_000_000);
      expect(await storedWith(emu, sha256)).toHaveLength(0);
    },
  );

  it("reports several increasing progress events ending at the total when throughput is capped", async () => {
    const token = await tokenFrom(emu, "legacy");
    await emu.addFault({ bytesPerSecond: 4_000_000 });
    const { file, sha256 } = await randomFile(12_000_000);
    const request = transportRequest(emu, "legacy", token, file);
    await transport(request);
    const loaded = request.progress.map((p) => p.loaded);
    expect(new Set(loaded).size).toBeGreaterThanOrEqual(4);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(request.progress.every((p) => p.total === 12_000_000)).toBe(true);
    expect(loaded.at(-1)).toBe(12_000_000);
    expect(await storedWith(emu, sha256)).toHaveLength(1);
  });
});

describe("XHR transport without CORS", () => {
  let emu: SpawnedEmulatorClient;
  beforeAll(async () => {
    emu = await emulator.spawn({ cors: "none" });
  });
  afterAll(() => emu.close());

  it("reports cors before sending any byte of the file", async () => {
    const token = await tokenFrom(emu, "legacy");
    const { file, sha256 } = await randomFile(50_000);
    const request = transportRequest(emu, "legacy", token, file);
    const error = await rejectionOf(transport(request));
    expect(error).toMatchObject({ kind: "cors", ambiguous: false });
    const posts = (await emu.requests()).filter(
      (r) => r.endpoint === "photo/redeem-upload-token" && r.method === "POST",
    );
    // Only the probe's check without CORS reached the site (an empty form, to tell a refusal
    // from an unreachable site): neither the token nor a byte of the file.
    expect(posts.map((r) => [r.probe, r.uploadToken])).toEqual([[true, null]]);
    expect(await storedWith(emu, sha256)).toHaveLength(0);
  });
});
