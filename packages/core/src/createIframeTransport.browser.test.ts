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
import { createIframeTransport } from "./createIframeTransport.js";
import { CALLBACK_MESSAGE_TYPE, isCallbackMessage } from "./handOffCallback.js";

const emulator = sharedEmulator();
const transport = createIframeTransport();

/** A return_url on the test page's own origin (served by Vitest), with the app's parameters. */
function sameOriginReturnUrl(
  page: "callback.html" | "callback-silent.html",
  theme: string,
): string {
  const url = new URL(`/packages/core/test/${page}`, window.location.origin);
  url.searchParams.set("theme", theme);
  return url.href;
}

/** Callback messages this page received while `run` ran. */
async function messagesDuring<T>(
  run: () => Promise<T>,
): Promise<{ value: T; messages: unknown[] }> {
  const messages: unknown[] = [];
  const listen = (event: MessageEvent) => {
    if (isCallbackMessage(event.data)) messages.push(event.data);
  };
  window.addEventListener("message", listen);
  try {
    return { value: await run(), messages };
  } finally {
    window.removeEventListener("message", listen);
  }
}

describe.each(["legacy", "v2"] as const)("iframe transport, %s API, site without CORS", (api) => {
  let emu: SpawnedEmulatorClient;
  beforeAll(async () => {
    emu = await emulator.spawn({ cors: "none" });
  });
  afterAll(() => emu.close());

  it("uploads with a real form POST and gets the result handed off by the return_url page", async () => {
    const token = await tokenFrom(emu, api, {
      return_url: sameOriginReturnUrl("callback.html", "green"),
    });
    const { file, sha256 } = await randomFile(200_000);
    const request = transportRequest(emu, api, token, file);
    const frames = document.querySelectorAll("iframe, form").length;

    const { value: result, messages } = await messagesDuring(() => transport(request));

    const stored = await storedWith(emu, sha256);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ size: 200_000, fileName: "clip.mp4" });
    expect(result).toEqual({
      photoId: stored[0]?.photoId,
      treeId: stored[0]?.treeId,
      token: stored[0]?.token,
      domain: new URL(emu.url).host,
      params: { theme: "green" },
    });
    expect(messages).toEqual([
      { type: CALLBACK_MESSAGE_TYPE, href: expect.stringContaining("photo_id=") },
    ]);
    // Indeterminate progress, honestly: no byte counts.
    expect(request.progress).toEqual([{ loaded: 0, total: null }]);
    // Submitted (from then on the file may be stored), and answered.
    expect(request.submitted()).toBe(1);
    expect(request.bodySent()).toBe(1);
    expect(document.querySelectorAll("iframe, form").length).toBe(frames);
  });

  it("reads the result from the frame's URL when the return_url page runs no script", async () => {
    const token = await tokenFrom(emu, api, {
      return_url: sameOriginReturnUrl("callback-silent.html", "blue"),
    });
    const { file, sha256 } = await randomFile(50_000);
    const { value: result, messages } = await messagesDuring(() =>
      transport(transportRequest(emu, api, token, file)),
    );
    const stored = await storedWith(emu, sha256);
    expect(stored).toHaveLength(1);
    expect(result).toMatchObject({ photoId: stored[0]?.photoId, params: { theme: "blue" } });
    expect(messages).toEqual([]);
  });

  it("turns an error callback into file-rejected with TwentyThree's words", async () => {
    const token = await tokenFrom(emu, api, {
      return_url: sameOriginReturnUrl("callback.html", "red"),
    });
    const { file, sha256 } = await randomFile(5_000, "setup.exe", "application/x-msdownload");
    const error = await rejectionOf(transport(transportRequest(emu, api, token, file)));
    expect(error).toMatchObject({
      kind: "file-rejected",
      serverMessage: "The file type isn't supported",
    });
    expect(await storedWith(emu, sha256)).toHaveLength(0);
  });

  it("reports an answer it cannot read (no return_url) as ambiguous, after storing once", async () => {
    const token = await tokenFrom(emu, api);
    const { file, sha256 } = await randomFile(20_000);
    const error = await rejectionOf(transport(transportRequest(emu, api, token, file)));
    expect(error).toMatchObject({ kind: "network", ambiguous: true });
    expect(await storedWith(emu, sha256)).toHaveLength(1);
  });

  it("reports a cross-origin return_url as ambiguous, after storing once", async () => {
    const token = await tokenFrom(emu, api, { return_url: emu.returnUrl({ theme: "x" }) });
    const { file, sha256 } = await randomFile(20_000);
    const error = await rejectionOf(transport(transportRequest(emu, api, token, file)));
    expect(error).toMatchObject({ kind: "network", ambiguous: true });
    expect(await storedWith(emu, sha256)).toHaveLength(1);
  });

  it("canceled before it submits, it has sent nothing: not ambiguous, never submitted", async () => {
    const token = await tokenFrom(emu, api, {
      return_url: sameOriginReturnUrl("callback.html", "green"),
    });
    const before = (await emu.requests()).length;
    const { file } = await randomFile(10_000);
    const request = transportRequest(emu, api, token, file);
    request.controller.abort();
    expect(await rejectionOf(transport(request))).toMatchObject({
      kind: "aborted",
      ambiguous: false,
    });
    expect(request.submitted()).toBe(0);
    expect(request.progress).toEqual([]);
    expect((await emu.requests()).slice(before)).toEqual([]);
  });

  it("aborts by removing the frame: the emulator sees the abort and stores nothing", async () => {
    const token = await tokenFrom(emu, api, {
      return_url: sameOriginReturnUrl("callback.html", "green"),
    });
    const before = (await emu.requests()).length;
    await emu.addFault({ bytesPerSecond: 2_000_000 });
    const { file, sha256 } = await randomFile(30_000_000);
    const request = transportRequest(emu, api, token, file);
    const frames = document.querySelectorAll("iframe, form").length;
    const pending = rejectionOf(transport(request));
    const posts = async () =>
      (await emu.requests())
        .slice(before)
        .filter((r) => r.endpoint === "photo/redeem-upload-token" && r.method === "POST");
    await expect
      .poll(async () => (await posts())[0]?.bytesReceived ?? 0, { timeout: 10_000 })
      .toBeGreaterThan(500_000);
    request.controller.abort();
    expect(await pending).toMatchObject({ kind: "aborted", ambiguous: true });
    // The uploader was told at the submit: no answer came, so no onBodySent.
    expect(request.submitted()).toBe(1);
    expect(request.bodySent()).toBe(0);
    expect(document.querySelectorAll("iframe, form").length).toBe(frames);
    await expect
      .poll(async () => (await posts()).every((r) => r.done), { timeout: 30_000 })
      .toBe(true);
    const log = await posts();
    expect(log).toHaveLength(1);
    expect(log[0]?.bytesReceived).toBeLessThan(30_000_000);
    expect(await storedWith(emu, sha256)).toHaveLength(0);
  }, 60_000);
});
