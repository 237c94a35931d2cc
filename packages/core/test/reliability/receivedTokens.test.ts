// @vitest-environment happy-dom
// The tab's memory of the upload tokens it received, which lets a return_url page tell a
// callback for its own upload from a forged link. Only fingerprints may be stored.
import { afterEach, describe, expect, it, vi } from "vitest";
import { rememberReceivedToken, wasTokenReceived } from "../../src/receivedTokens.js";
import { requestUploadToken } from "../../src/requestUploadToken.js";

const token = (n: number) => `${n}`.padStart(40, "f");
const KEY = "twentythree-upload:received-tokens";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("received tokens", () => {
  it("recognises tokens this tab received, and only those", () => {
    rememberReceivedToken(token(1));
    expect(wasTokenReceived(token(1))).toBe(true);
    expect(wasTokenReceived(token(2))).toBe(false);
  });

  it("keeps fingerprints in sessionStorage, never a token", () => {
    rememberReceivedToken(token(3));
    const stored = sessionStorage.getItem(KEY) ?? "";
    expect(stored).not.toContain(token(3));
    expect(JSON.parse(stored)).toEqual(expect.arrayContaining([expect.any(String)]));
    // Another page of the same tab (the return_url page) reads the same storage.
    expect(JSON.parse(stored).length).toBeGreaterThan(0);
  });

  it("keeps the 200 most recent", () => {
    for (let n = 100; n < 400; n += 1) rememberReceivedToken(token(n));
    expect(JSON.parse(sessionStorage.getItem(KEY) ?? "[]")).toHaveLength(200);
    expect(wasTokenReceived(token(399))).toBe(true);
  });

  it("remembers a token handed over again once, as the most recent, in another page too", () => {
    rememberReceivedToken(token(20));
    rememberReceivedToken(token(21));
    rememberReceivedToken(token(21));
    const list = JSON.parse(sessionStorage.getItem(KEY) ?? "[]") as string[];
    expect(new Set(list).size).toBe(list.length);
    rememberReceivedToken(token(20));
    const again = JSON.parse(sessionStorage.getItem(KEY) ?? "[]") as string[];
    expect(again).toHaveLength(list.length);
    expect(again.slice(-2)).toEqual([list.at(-1), list.at(-2)]);
    expect(wasTokenReceived(token(20))).toBe(true);
    expect(wasTokenReceived(token(21))).toBe(true);
  });

  it("remembers every token requestUploadToken gets", async () => {
    const issued = await requestUploadToken(
      async () => ({ upload_token: token(7), valid_until: "1900000000" }),
      {},
    );
    expect(issued.uploadToken).toBe(token(7));
    expect(wasTokenReceived(token(7))).toBe(true);
  });

  it("stores requestUploadToken's tokens for the return_url page, all of them, in the next task", async () => {
    // Earlier tests' writes land first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    sessionStorage.removeItem(KEY);
    const issued = await Promise.all(
      [30, 31, 32].map((n) =>
        requestUploadToken(async () => ({ upload_token: token(n), valid_until: "1900000000" }), {}),
      ),
    );
    expect(issued.map((entry) => entry.uploadToken)).toEqual([token(30), token(31), token(32)]);
    // Off the way to the upload request: this page knows at once, storage a task later.
    expect(wasTokenReceived(token(31))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const stored = sessionStorage.getItem(KEY) ?? "[]";
    expect(JSON.parse(stored)).toHaveLength(3);
    expect(stored).not.toContain(token(30));
  });

  it("still works for this page when sessionStorage throws", () => {
    vi.stubGlobal("sessionStorage", undefined);
    Object.defineProperty(window, "sessionStorage", {
      configurable: true,
      get() {
        throw new DOMException("blocked", "SecurityError");
      },
    });
    rememberReceivedToken(token(8));
    expect(wasTokenReceived(token(8))).toBe(true);
    expect(wasTokenReceived(token(9))).toBeNull();
  });

  it("says nothing outside browsers", () => {
    vi.stubGlobal("window", undefined);
    rememberReceivedToken(token(10));
    expect(wasTokenReceived(token(10))).toBeNull();
  });
});
