import type { SpawnedEmulatorClient } from "@twentythree-upload/emulator/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  randomFile,
  sharedEmulator,
  storedWith,
  tokenFrom,
  transportRequest,
} from "../test/uploadFixtures.js";
import { createXhrTransport } from "./createXhrTransport.js";
import { TokenRequestError, TwentyThreeApiError, UploadError } from "./errors.js";
import { findUploads } from "./findUploads.js";
import { getPhotoStatus } from "./getPhotoStatus.js";
import { probeCors } from "./probeCors.js";
import { requestUploadToken } from "./requestUploadToken.js";
import type { UploadToken } from "./types.js";
import { updateUploadToken } from "./updateUploadToken.js";

const emulator = sharedEmulator();
const transport = createXhrTransport();
const signal = () => AbortSignal.timeout(10_000);

describe.each(["legacy", "v2"] as const)("talking to the site from the browser, %s API", (api) => {
  let emu: SpawnedEmulatorClient;
  beforeAll(async () => {
    emu = await emulator.spawn({ cors: "full", encodingDelayMs: 300 });
  });
  afterAll(() => emu.close());

  it("requestUploadToken gets a token from a token endpoint URL with the request's metadata", async () => {
    const url = emu.tokenUrl({
      return_url: emu.returnUrl({ theme: "green" }),
      valid_minutes: 60,
      ...(api === "v2" ? { api: "v2" } : {}),
    });
    const token = await requestUploadToken(url, { title: "Holiday", tags: "beach", maxUploads: 2 });
    const record = await emu.token(token.uploadToken);
    expect(token).toMatchObject({
      title: "Holiday",
      tags: "beach",
      maxUploads: 2,
      validMinutes: 60,
      returnUrl: emu.returnUrl({ theme: "green" }),
      backgroundReturn: false,
    });
    expect(token.validUntil.getTime()).toBe(record.validUntil * 1000);
    expect(record).toMatchObject({ api, title: "Holiday", maxUploads: 2 });
  });

  it("findUploads lists what a token stored, and nothing for an unused token", async () => {
    const token = await tokenFrom(emu, api, { return_url: emu.returnUrl() });
    expect(await findUploads({ token, site: emu.url, apiVersion: api, signal: signal() })).toEqual(
      [],
    );
    const { file, sha256 } = await randomFile(10_000);
    const result = await transport(transportRequest(emu, api, token, file));
    const found = await findUploads({ token, site: emu.url, apiVersion: api, signal: signal() });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      photoId: result.photoId,
      treeId: result.treeId,
      token: result.token,
    });
    expect((await storedWith(emu, sha256))[0]?.photoId).toBe(result.photoId);
  });

  it("findUploads adds no script on a site known to allow CORS when photo/list fails", async () => {
    const site = await emulator.spawn({ cors: "full" });
    try {
      expect(await probeCors(site.url, api)).toBe(true);
      // Connections dropped without an answer: a network error, as a load balancer's reset gives.
      await site.addFault({ endpoint: "photo/list", api, dropAnswer: true, count: 5 });
      const token = await tokenFrom(site, api);
      const added: string[] = [];
      const observer = new MutationObserver((records) => {
        for (const node of records.flatMap((record) => [...record.addedNodes])) {
          if (node instanceof HTMLScriptElement) added.push(node.src);
        }
      });
      observer.observe(document, { childList: true, subtree: true });
      const error = await findUploads({
        token,
        site: site.url,
        apiVersion: api,
        signal: signal(),
      }).catch((e: unknown) => e);
      observer.disconnect();
      expect(error).toMatchObject({ name: "UploadError", kind: "network" });
      expect(added).toEqual([]);
    } finally {
      await site.close();
    }
  });

  it("getPhotoStatus reports encoding, then encoded", async () => {
    const token = await tokenFrom(emu, api);
    const { file } = await randomFile(10_000);
    const result = await transport(transportRequest(emu, api, token, file));
    const ask = () =>
      getPhotoStatus({
        site: emu.url,
        apiVersion: api,
        photoId: result.photoId,
        token: result.token ?? "",
      });
    expect(await ask()).toEqual({ encoded: false });
    await expect
      .poll(async () => (await ask()).encoded, { timeout: 5_000, interval: 100 })
      .toBe(true);
  });

  it("getPhotoStatus refuses a wrong video token with TwentyThree's error", async () => {
    const token = await tokenFrom(emu, api);
    const { file } = await randomFile(1_000);
    const result = await transport(transportRequest(emu, api, token, file));
    const error = await getPhotoStatus({
      site: emu.url,
      apiVersion: api,
      photoId: result.photoId,
      token: "wrong",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwentyThreeApiError);
    expect(error).toMatchObject({ code: "invalid_photo_token" });
  });

  it("updateUploadToken changes the stored upload's metadata without credentials", async () => {
    const token = await tokenFrom(emu, api);
    const { file, sha256 } = await randomFile(1_000);
    await transport(transportRequest(emu, api, token, file));
    await updateUploadToken({
      site: emu.url,
      apiVersion: api,
      uploadToken: token.uploadToken,
      meta: { title: "Edited <b>title</b>", publish: false },
    });
    expect((await storedWith(emu, sha256))[0]).toMatchObject({
      title: "Edited title",
      publish: false,
    });
    await expect(
      updateUploadToken({
        site: emu.url,
        apiVersion: api,
        uploadToken: "nope",
        meta: { title: "x" },
      }),
    ).rejects.toMatchObject({
      name: "TwentyThreeApiError",
      // Legacy answers errors with 200, v2 with the error's status.
      status: api === "v2" ? 404 : 200,
    });
  });
});

describe.each(["legacy", "v2"] as const)("talking to a site without CORS, %s API", (api) => {
  let emu: SpawnedEmulatorClient;
  beforeAll(async () => {
    emu = await emulator.spawn({ cors: "none", encodingDelayMs: 300 });
  });
  afterAll(() => emu.close());

  /** Stores `file` with `token` as a page without CORS can: a simple POST it cannot read. */
  async function storeBlindly(token: UploadToken, file: File): Promise<void> {
    const form = new FormData();
    form.set("upload_token", token.uploadToken);
    form.set("file", file);
    const base = api === "v2" ? "/api/2/" : "/api/";
    await fetch(new URL(`${base}photo/redeem-upload-token`, emu.url), {
      method: "POST",
      mode: "no-cors",
      body: form,
    });
  }

  const lookups = async () =>
    (await emu.requests()).filter((request) => request.endpoint === "photo/list");

  it("findUploads asks through JSONP when fetch cannot read the answer", async () => {
    const token = await tokenFrom(emu, api);
    const ask = () => findUploads({ token, site: emu.url, apiVersion: api, signal: signal() });
    expect(await ask()).toEqual([]);
    const { file, sha256 } = await randomFile(10_000);
    await storeBlindly(token, file);
    const [stored] = await storedWith(emu, sha256);
    const before = (await lookups()).length;

    const found = await ask();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      photoId: stored?.photoId,
      treeId: stored?.treeId,
      token: stored?.token,
      params: { title: "Browser test" },
    });
    // One look-up by fetch (its answer unreadable), then one as a script.
    expect((await lookups()).length - before).toBe(2);
    // Each answer called back a callback of its own, then removed it and its script.
    expect(Object.keys(globalThis).filter((key) => key.includes("Jsonp"))).toEqual([]);
    expect(document.querySelectorAll("script[src*='photo/list']")).toHaveLength(0);
  });

  it("getPhotoStatus asks through JSONP too", async () => {
    const token = await tokenFrom(emu, api);
    const { file } = await randomFile(1_000);
    await storeBlindly(token, file);
    const [stored] = await findUploads({ token, site: emu.url, apiVersion: api, signal: signal() });
    const ask = () =>
      getPhotoStatus({
        site: emu.url,
        apiVersion: api,
        photoId: stored?.photoId ?? "",
        token: stored?.token ?? "",
      });
    await expect
      .poll(async () => (await ask()).encoded, { timeout: 5_000, interval: 100 })
      .toBe(true);
  });

  it("throws a network error instead of guessing when JSONP is off", async () => {
    const token = await tokenFrom(emu, api);
    const before = (await lookups()).length;
    const error = await findUploads({
      token,
      site: emu.url,
      apiVersion: api,
      signal: signal(),
      jsonpFallback: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({ kind: "network" });
    expect((await lookups()).length - before).toBe(1);
  });

  it("reports TwentyThree's error from a JSONP answer (legacy) or a failed script (v2)", async () => {
    const token = await tokenFrom(emu, api);
    const { file } = await randomFile(1_000);
    await storeBlindly(token, file);
    const [stored] = await findUploads({ token, site: emu.url, apiVersion: api, signal: signal() });
    const error = await getPhotoStatus({
      site: emu.url,
      apiVersion: api,
      photoId: stored?.photoId ?? "",
      token: "wrong",
    }).catch((e: unknown) => e);
    // Legacy answers errors with HTTP 200, so the script runs; a v2 error status fails the
    // script before it runs, which a page cannot tell from an unreachable site.
    if (api === "legacy") {
      expect(error).toBeInstanceOf(TwentyThreeApiError);
      expect(error).toMatchObject({ code: "invalid_photo_token" });
    } else {
      expect(error).toBeInstanceOf(UploadError);
      expect(error).toMatchObject({ kind: "network" });
    }
  });
});

describe("requestUploadToken errors in the browser", () => {
  it("relays TwentyThree's error envelope (here: get-upload-token called without OAuth)", async () => {
    const legacy = await requestUploadToken(emulator.apiUrl("get-upload-token"), {}).catch(
      (e: unknown) => e,
    );
    expect(legacy).toBeInstanceOf(TwentyThreeApiError);
    expect(legacy).toMatchObject({ code: "permission_denied", status: 200 });
    const v2 = await requestUploadToken(emulator.apiUrl("get-upload-token", "v2"), {}).catch(
      (e: unknown) => e,
    );
    expect(v2).toBeInstanceOf(TwentyThreeApiError);
    expect((v2 as TwentyThreeApiError).status).toBeGreaterThanOrEqual(400);
  });

  it("reports a cross-origin endpoint that sends no CORS headers as unreachable", async () => {
    // The emulator's 404 outside its API carries no CORS header: the browser hides the answer.
    const error = await requestUploadToken(`${emulator.url}/no-such-endpoint`, {}).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TokenRequestError);
    expect(error).toMatchObject({ code: "token_endpoint_unreachable", status: null });
  });
});
