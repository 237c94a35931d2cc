// The idle warm-up that compiles the upload path before the first pick (warmUpUploadPath.ts): it
// must run once per page and leave no trace, no request, no stored token fingerprint, no item.
// Its own file: the warm-up runs once per page (module), and each test file gets a fresh page.
import {
  createEmulatorClient,
  type SpawnedEmulatorClient,
} from "@twentythree-upload/emulator/client";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createUploader } from "./createUploader.js";
import { wasTokenReceived } from "./receivedTokens.js";

const RECEIVED_KEY = "twentythree-upload:received-tokens";

let emulator: SpawnedEmulatorClient;

beforeAll(async () => {
  emulator = await createEmulatorClient(inject("emulatorUrl")).spawn();
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await emulator.close();
});

describe("the idle warm-up", () => {
  it("runs the path once without sending, storing or queueing anything; uploads then work", async () => {
    const nativeOpen = XMLHttpRequest.prototype.open as (...args: unknown[]) => void;
    const created: XMLHttpRequest[] = [];
    const opened: string[] = [];
    class CountingXhr extends XMLHttpRequest {
      constructor() {
        super();
        created.push(this);
      }
      override open(method: string, url: string | URL, ...rest: unknown[]): void {
        opened.push(`${method} ${String(url)}`);
        nativeOpen.call(this, method, url, ...rest);
      }
    }
    vi.stubGlobal("XMLHttpRequest", CountingXhr);
    const storedBefore = sessionStorage.getItem(RECEIVED_KEY);
    const options = {
      site: emulator.url,
      apiVersion: "v2" as const,
      token: emulator.tokenUrl(),
      // No CORS probe: every XHR below is the warm-up's or the upload's.
      transport: "xhr" as const,
      retry: false as const,
    };
    const uploader = createUploader(options);
    // The warm-up's transport builds an XHR and aborts it before it opens.
    await expect.poll(() => created.length).toBe(1);
    // A second uploader on the same page finds the code compiled already.
    const second = createUploader(options);
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(created).toHaveLength(1);
    expect(opened).toEqual([]);
    expect(uploader.getSnapshot().items).toEqual([]);
    expect(sessionStorage.getItem(RECEIVED_KEY)).toBe(storedBefore);
    // Its canned token does not count as received: a callback naming it would be forged.
    expect(wasTokenReceived("warm-up")).toBe(false);
    expect(await emulator.requests()).toEqual([]);
    second.destroy();

    uploader.add([new File([new Uint8Array(4096)], "clip.mp4", { type: "video/mp4" })]);
    await expect
      .poll(() => uploader.getSnapshot().items[0]?.status)
      .not.toMatch(/queued|uploading|processing/);
    expect(uploader.getSnapshot().items[0]?.error?.message ?? null).toBeNull();
    expect(uploader.getSnapshot().items[0]?.status).toBe("succeeded");
    expect(opened).toHaveLength(1);
    expect((await emulator.uploads()).map((upload) => upload.size)).toEqual([4096]);
    uploader.destroy();
  });
});
