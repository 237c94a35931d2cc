import type { SpawnedEmulatorClient } from "@twentythree-upload/emulator/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  randomFile,
  rejectionOf,
  sharedEmulator,
  storedWith,
  tokenFrom,
  transportRequest,
} from "../test/uploadFixtures.js";
import { createAutoTransport } from "./createAutoTransport.js";
import { createUploader } from "./createUploader.js";
import { UploadError } from "./errors.js";
import { probeCors } from "./probeCors.js";
import type { UploaderSnapshot } from "./types.js";

const emulator = sharedEmulator();

function sameOriginReturnUrl(): string {
  return new URL("/packages/core/test/callback.html", window.location.origin).href;
}

/** The emulator's log of redeem-upload-token requests (preflights included), once all are done. */
async function redeemLog(emu: SpawnedEmulatorClient) {
  for (;;) {
    const log = (await emu.requests()).filter((r) => r.endpoint === "photo/redeem-upload-token");
    if (log.every((r) => r.done)) return log;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The probe POSTs the emulator saw, as `[status, fault applied]`. */
async function probePosts(emu: SpawnedEmulatorClient) {
  return (await redeemLog(emu))
    .filter((r) => r.probe && r.method === "POST")
    .map((r) => [r.status, r.fault !== null] as const);
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
      // The refused preflight; the empty form sent without CORS, which the site answers (so it
      // is up); the preflight refused again; then the one form POST. No XHR POST was ever sent.
      const log = await redeemLog(emu);
      expect(log.map((r) => [r.method, r.status, r.probe])).toEqual([
        ["OPTIONS", 405, false],
        ["POST", 400, true],
        ["OPTIONS", 405, false],
        ["POST", 301, false],
      ]);
      expect(log[3]?.bytesReceived).toBeGreaterThan(150_000);
      expect(await probeCors(emu.url, "legacy")).toBe(false);
    });

    it("remembers the refusal for refusalMaxAgeMs, and forgets it when the browser comes online", async () => {
      const probes = async () => (await redeemLog(emu)).length;
      expect(await probeCors(emu.url, "legacy", { refusalMaxAgeMs: 60_000 })).toBe(false);
      const afterFirst = await probes();
      expect(afterFirst).toBe(3);

      vi.useFakeTimers({ toFake: ["Date"] });
      try {
        vi.setSystemTime(Date.now() + 59_000);
        expect(await probeCors(emu.url, "legacy")).toBe(false);
        expect(await probes()).toBe(afterFirst);

        vi.setSystemTime(Date.now() + 2_000);
        expect(await probeCors(emu.url, "legacy")).toBe(false);
        expect(await probes()).toBe(afterFirst * 2);
      } finally {
        vi.useRealTimers();
      }

      // Default age: 10 minutes, so the refusal found just now is still remembered…
      expect(await probeCors(emu.url, "legacy")).toBe(false);
      expect(await probes()).toBe(afterFirst * 2);
      // …until the browser reports being back online.
      window.dispatchEvent(new Event("online"));
      expect(await probeCors(emu.url, "legacy")).toBe(false);
      expect(await probes()).toBe(afterFirst * 3);
    });
  });

  // The emulator lets probes pass its faults unless a fault sets `probes: true`.
  describe("on a site with CORS whose probe fails", () => {
    beforeEach(async () => {
      emu = await emulator.spawn({ cors: "full" });
    });

    async function uploadsByXhr(transport: ReturnType<typeof createAutoTransport>) {
      const token = await tokenFrom(emu, "legacy", { return_url: emu.returnUrl() });
      const { file, sha256 } = await randomFile(120_000);
      const request = transportRequest(emu, "legacy", token, file);
      const result = await transport(request);
      const stored = await storedWith(emu, sha256);
      expect(stored).toHaveLength(1);
      expect(result.photoId).toBe(stored[0]?.photoId);
      // Byte progress: the XHR transport, not the iframe's single indeterminate event.
      expect(request.progress.length).toBeGreaterThan(1);
      expect(request.progress.every((p) => p.total === 120_000)).toBe(true);
      expect(request.progress.at(-1)).toEqual({ loaded: 120_000, total: 120_000 });
    }

    it("checks a reset probe again instead of taking it for a CORS refusal", async () => {
      // Two resets fail the XHR probe: Chromium resends a request that was reset on a reused
      // connection once by itself, and the fault resets that copy too.
      await emu.addFault({ resetAfterBytes: 0, probes: true, count: 2 });
      const transport = createAutoTransport();

      await uploadsByXhr(transport);

      // The reset probe (twice); the same form without CORS, answered, so the site is up; the
      // XHR probe again, answered this time: CORS works.
      expect(await probePosts(emu)).toEqual([
        [null, true],
        [null, true],
        [400, false],
        [400, false],
      ]);
      expect(await probeCors(emu.url, "legacy")).toBe(true);
    });

    it("does not remember a site it could not reach: the attempt fails before sending, the next one probes again and uses XHR", async () => {
      // Every probe is reset, the one without CORS too: the site looks unreachable.
      await emu.addFault({ resetAfterBytes: 0, probes: true, count: 100 });
      const transport = createAutoTransport();
      const token = await tokenFrom(emu, "legacy", { return_url: emu.returnUrl() });
      const { file } = await randomFile(50_000);
      const request = transportRequest(emu, "legacy", token, file);

      const error = await rejectionOf(transport(request));

      expect(error).toBeInstanceOf(UploadError);
      expect(error).toMatchObject({ kind: "network", ambiguous: false });
      expect(request.progress).toEqual([]);
      expect(await emu.uploads()).toEqual([]);
      // Only probes reached the site: neither the token nor a byte of the file did.
      const posts = (await redeemLog(emu)).filter((r) => r.method === "POST");
      expect(posts.length).toBeGreaterThan(0);
      expect(posts.every((r) => r.probe && r.fault !== null)).toBe(true);
      expect(posts.some((r) => r.uploadToken === token.uploadToken)).toBe(false);

      await emu.clearFaults();
      await uploadsByXhr(transport);
    });

    it("takes a stalled probe for an unreachable site, not a refusal", async () => {
      await emu.addFault({ stallAfterBytes: 0, probes: true });
      const transport = createAutoTransport({ probe: { timeoutMs: 300 } });
      const token = await tokenFrom(emu, "legacy", { return_url: emu.returnUrl() });
      const { file } = await randomFile(20_000);

      const error = await rejectionOf(transport(transportRequest(emu, "legacy", token, file)));

      expect(error).toMatchObject({ kind: "network", ambiguous: false });
      expect(await emu.uploads()).toEqual([]);
      await uploadsByXhr(transport);
    });

    it("takes an HTTP error answer to the probe as CORS working (the page could read it)", async () => {
      await emu.addFault({ status: 503, probes: true });

      await uploadsByXhr(createAutoTransport());

      expect(await probePosts(emu)).toEqual([[503, true]]);
    });

    it("lets an uploader created while the site was unreachable upload by XHR with progress", async () => {
      await emu.addFault({ resetAfterBytes: 0, probes: true, count: 100 });
      const uploader = createUploader({
        site: emu.url,
        token: emu.tokenUrl({ return_url: emu.returnUrl() }),
        retry: { baseDelayMs: 50, maxDelayMs: 100 },
      });
      try {
        // The warm-up probe at creation finds the site unreachable (the old probe remembered
        // that as "no CORS" for the rest of the page).
        await expect
          .poll(async () => (await probePosts(emu)).filter(([, faulted]) => faulted).length)
          .toBeGreaterThanOrEqual(2);
        await emu.clearFaults();
        const { file, sha256 } = await randomFile(150_000);
        const seen: UploaderSnapshot[] = [];
        uploader.subscribe(() => seen.push(uploader.getSnapshot()));
        const [id = ""] = uploader.add([file]);

        await expect.poll(() => uploader.getSnapshot().byId.get(id)?.status).toBe("succeeded");

        const stored = await storedWith(emu, sha256);
        expect(stored).toHaveLength(1);
        expect(uploader.getSnapshot().byId.get(id)?.result?.photoId).toBe(stored[0]?.photoId);
        // Determinate progress while uploading: XHR, not the iframe fallback (fraction null).
        const uploading = seen
          .map((snapshot) => snapshot.byId.get(id))
          .filter((item) => item?.status === "uploading");
        expect(uploading.length).toBeGreaterThan(0);
        expect(uploading.every((item) => item?.progress.fraction !== null)).toBe(true);
        // One POST carried the file: the upload itself.
        const uploads = (await redeemLog(emu)).filter((r) => r.method === "POST" && !r.probe);
        expect(uploads.map((r) => r.status)).toEqual([301]);
      } finally {
        uploader.destroy();
      }
    });
  });
});
