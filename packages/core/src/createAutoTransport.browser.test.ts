import type { SpawnedEmulatorClient } from "@twentythree-upload/emulator/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  randomFile,
  sharedEmulator,
  storedWith,
  tokenFrom,
  transportRequest,
} from "../test/uploadFixtures.js";
import { createAutoTransport } from "./createAutoTransport.js";
import { probeCors } from "./probeCors.js";

const emulator = sharedEmulator();

function sameOriginReturnUrl(): string {
  return new URL("/packages/core/test/callback.html", window.location.origin).href;
}

/** The emulator's log of redeem-upload-token requests (preflights included). */
async function redeemLog(emu: SpawnedEmulatorClient) {
  return (await emu.requests()).filter((r) => r.endpoint === "photo/redeem-upload-token");
}

describe("auto transport", () => {
  let emu: SpawnedEmulatorClient;
  afterEach(() => emu.close());

  describe("on a site with CORS", () => {
    beforeEach(async () => {
      emu = await emulator.spawn({ cors: "full" });
    });

    it("probes once, then uploads by XHR with byte progress", async () => {
      const transport = createAutoTransport();
      for (const api of ["legacy", "v2"] as const) {
        const token = await tokenFrom(emu, api, { return_url: emu.returnUrl() });
        const { file, sha256 } = await randomFile(100_000);
        const request = transportRequest(emu, api, token, file);
        const result = await transport(request);
        const stored = await storedWith(emu, sha256);
        expect(stored).toHaveLength(1);
        expect(result.photoId).toBe(stored[0]?.photoId);
        expect(request.progress.every((p) => p.total === 100_000)).toBe(true);
        expect(request.progress.at(-1)).toEqual({ loaded: 100_000, total: 100_000 });
      }
      const log = await redeemLog(emu);
      // One probe per API generation (an empty POST TwentyThree refuses: 400), then each upload
      // (answered with the 301 to return_url). No chunk fields anywhere.
      const posts = log.filter((r) => r.method === "POST");
      expect(posts.map((r) => r.status)).toEqual([400, 301, 400, 301]);
      expect(posts.filter((r) => r.status === 400).every((r) => r.bytesReceived < 1_000)).toBe(
        true,
      );
      expect(posts.every((r) => r.chunk === null)).toBe(true);
    });

    it("sends files from chunkedFrom bytes in chunks", async () => {
      const transport = createAutoTransport({
        chunkedFrom: 150_000,
        chunked: { chunkSize: 64 * 1024 },
      });
      const token = await tokenFrom(emu, "legacy");
      const { file, sha256 } = await randomFile(200_000);
      await transport(transportRequest(emu, "legacy", token, file));
      const stored = await storedWith(emu, sha256);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.chunks).toBe(3);
    });
  });

  describe("on a site without CORS", () => {
    beforeEach(async () => {
      emu = await emulator.spawn({ cors: "none" });
    });

    it("falls back to the iframe before sending any byte, and uploads exactly once", async () => {
      const transport = createAutoTransport();
      const token = await tokenFrom(emu, "legacy", { return_url: sameOriginReturnUrl() });
      const { file, sha256 } = await randomFile(150_000);
      const request = transportRequest(emu, "legacy", token, file);

      const result = await transport(request);

      const stored = await storedWith(emu, sha256);
      expect(stored).toHaveLength(1);
      expect(result.photoId).toBe(stored[0]?.photoId);
      // Indeterminate progress: the iframe transport was used.
      expect(request.progress).toEqual([{ loaded: 0, total: null }]);
      // The refused preflight, then the one form POST: no XHR POST body was ever sent.
      const log = await redeemLog(emu);
      expect(log.map((r) => [r.method, r.status])).toEqual([
        ["OPTIONS", 405],
        ["POST", 301],
      ]);
      expect(log[1]?.bytesReceived).toBeGreaterThan(150_000);
      expect(await probeCors(emu.url, "legacy")).toBe(false);
    });
  });
});
