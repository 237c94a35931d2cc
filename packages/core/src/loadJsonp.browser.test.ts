// JSONP in Chromium against a spawned emulator without CORS: the answer, and each way a script
// can fail to bring one.
import type { SpawnedEmulatorClient } from "@twentythree-upload/emulator/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedEmulator } from "../test/uploadFixtures.js";
import { loadJsonp } from "./loadJsonp.js";

let emu: SpawnedEmulatorClient;
beforeAll(async () => {
  emu = await sharedEmulator().spawn({ cors: "none" });
});
afterAll(() => emu.close());

const leftovers = () => ({
  callbacks: Object.keys(globalThis).filter((key) => key.startsWith("twentythreeUploadJsonp")),
  scripts: document.querySelectorAll("script[src*='callback=twentythreeUploadJsonp']").length,
});

describe("loadJsonp", () => {
  it("resolves with what the script passes to its callback, and leaves nothing behind", async () => {
    const answers = await Promise.all([
      loadJsonp(new URL("/api/photo/list?format=json", emu.url).href, undefined),
      loadJsonp(new URL("/api/2/photo/list", emu.url).href, undefined),
    ]);
    expect(answers).toMatchObject([
      { ok: true, value: { status: "ok", photos: [] } },
      { ok: true, value: { status: "ok", data: [] } },
    ]);
    expect(leftovers()).toEqual({ callbacks: [], scripts: 0 });
  });

  it("reports a script that cannot be loaded (HTTP 404) as unreachable", async () => {
    const outcome = await loadJsonp(new URL("/no-such-path", emu.url).href, undefined);
    expect(outcome).toMatchObject({ ok: false, kind: "network" });
    expect(leftovers()).toEqual({ callbacks: [], scripts: 0 });
  });

  it("reports a script that runs but never calls back as silent", async () => {
    const silent = new URL("/packages/core/test/jsonp-silent.js", window.location.origin).href;
    expect(await loadJsonp(silent, undefined)).toEqual({
      ok: false,
      kind: "format",
      message: expect.any(String) as string,
    });
    expect(leftovers()).toEqual({ callbacks: [], scripts: 0 });
  });

  it("settles at once when aborted, and a late answer does no harm", async () => {
    await emu.addFault({ endpoint: "photo/list", latencyMs: 500 });
    const controller = new AbortController();
    const pending = loadJsonp(
      new URL("/api/photo/list?format=json", emu.url).href,
      controller.signal,
    );
    controller.abort();
    expect(await pending).toEqual({
      ok: false,
      kind: "aborted",
      message: "The request was canceled.",
    });
    expect(leftovers().scripts).toBe(0);
    // Should the script still run, its callback only removes itself (an error here would fail
    // the test run as an unhandled error).
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(leftovers().scripts).toBe(0);
  });

  it("adds no script when the signal is already aborted", async () => {
    expect(await loadJsonp(emu.url, AbortSignal.abort())).toEqual({
      ok: false,
      kind: "aborted",
      message: "The request was canceled.",
    });
    expect(leftovers()).toEqual({ callbacks: [], scripts: 0 });
  });
});
