// The probe's decisions with scripted outcomes (what a refused preflight, a reset and an
// unreachable site look like to a page). The real network is in createAutoTransport.browser.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeConnectivity } from "../test/uploaderHarness.js";

type XhrOutcome = "load" | "error" | "timeout";

let xhrOutcomes: XhrOutcome[];
let fetchOutcomes: ("answer" | "reject")[];
let xhrCount: number;
let fetchCount: number;

/** Just enough of XMLHttpRequest: each send ends with the next scripted outcome. */
class ScriptedXhr extends EventTarget {
  readonly upload = new EventTarget();
  timeout = 0;
  open() {}
  send() {
    xhrCount += 1;
    const outcome = xhrOutcomes.shift() ?? "load";
    setTimeout(() => this.dispatchEvent(new Event(outcome)), 0);
  }
}

async function freshProbe() {
  vi.resetModules();
  return (await import("./probeCors.js")).probeCors;
}

beforeEach(() => {
  xhrOutcomes = [];
  fetchOutcomes = [];
  xhrCount = 0;
  fetchCount = 0;
  vi.stubGlobal("XMLHttpRequest", ScriptedXhr);
  vi.stubGlobal("fetch", () => {
    fetchCount += 1;
    return fetchOutcomes.shift() === "reject"
      ? Promise.reject(new TypeError("Failed to fetch"))
      : Promise.resolve(new Response(null));
  });
});
afterEach(() => vi.unstubAllGlobals());

describe("probeCors", () => {
  it("takes a failure for a refusal only when the site answers without CORS and the probe fails again", async () => {
    fakeConnectivity(true);
    const probeCors = await freshProbe();
    xhrOutcomes = ["error", "error"];
    expect(await probeCors("videos.example.com")).toBe(false);
    expect([xhrCount, fetchCount]).toEqual([2, 1]);
    // Remembered: no new request.
    expect(await probeCors("videos.example.com")).toBe(false);
    expect([xhrCount, fetchCount]).toEqual([2, 1]);
  });

  it("finds a refusal on browsers without AbortSignal.timeout (Chrome < 103, Safari < 16)", async () => {
    fakeConnectivity(true);
    const timeout = Object.getOwnPropertyDescriptor(AbortSignal, "timeout");
    Object.defineProperty(AbortSignal, "timeout", { value: undefined, configurable: true });
    try {
      const probeCors = await freshProbe();
      xhrOutcomes = ["error", "error"];
      // `false`: the auto transport falls back to the iframe.
      expect(await probeCors("videos.example.com")).toBe(false);
      expect([xhrCount, fetchCount]).toEqual([2, 1]);
    } finally {
      if (timeout) Object.defineProperty(AbortSignal, "timeout", timeout);
    }
  });

  it("takes a failure followed by an answer for a one-off, and remembers that CORS works", async () => {
    fakeConnectivity(true);
    const probeCors = await freshProbe();
    xhrOutcomes = ["error", "load"];
    expect(await probeCors("videos.example.com")).toBe(true);
    expect(await probeCors("videos.example.com")).toBe(true);
    expect([xhrCount, fetchCount]).toEqual([2, 1]);
  });

  it.each([
    ["no answer without CORS either", ["error"], ["reject"], true, [1, 1]],
    ["a timeout", ["timeout"], [], true, [1, 0]],
    ["offline", ["error"], [], false, [1, 0]],
  ] as const)(
    "does not remember an unreachable site (%s): the next call probes again",
    async (_, xhr, fetched, online, counts) => {
      fakeConnectivity(online);
      const probeCors = await freshProbe();
      xhrOutcomes = [...xhr];
      fetchOutcomes = [...fetched];
      expect(await probeCors("videos.example.com")).toBe(true);
      expect([xhrCount, fetchCount]).toEqual(counts);
      expect(await probeCors("videos.example.com")).toBe(true);
      expect(xhrCount).toBe(counts[0] + 1);
    },
  );

  it("shares one probe between concurrent calls, per site and API generation", async () => {
    fakeConnectivity(true);
    const probeCors = await freshProbe();
    const answers = await Promise.all([
      probeCors("videos.example.com"),
      probeCors("videos.example.com", "legacy"),
      probeCors("videos.example.com", "v2"),
    ]);
    expect(answers).toEqual([true, true, true]);
    expect(xhrCount).toBe(2);
  });

  it("forgets a refusal when the browser comes online", async () => {
    const connectivity = fakeConnectivity(true);
    const probeCors = await freshProbe();
    xhrOutcomes = ["error", "error"];
    expect(await probeCors("videos.example.com")).toBe(false);
    connectivity.go(true);
    expect(await probeCors("videos.example.com")).toBe(true);
    expect(xhrCount).toBe(3);
  });
});
