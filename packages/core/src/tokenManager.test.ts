import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createMockTokenSource } from "./createMockTokenSource.js";
import { createTokenManager, type TokenManagerOptions } from "./tokenManager.js";
import type { UploadTokenRequest } from "./types.js";

const signal = () => new AbortController().signal;
const request: UploadTokenRequest = { title: "clip", fileName: "clip.mov" };

function setup(overrides: Partial<TokenManagerOptions> & { validMinutes?: number } = {}) {
  const source = createMockTokenSource({ validMinutes: overrides.validMinutes ?? 180 });
  const fetchToken = vi.fn((req: UploadTokenRequest, s: AbortSignal) => source(req, { signal: s }));
  const manager = createTokenManager({
    fetchToken,
    strategy: () => "per-file",
    expiryMarginMs: () => 60_000,
    demand: () => 3,
    maxUploadsLimit: () => 100,
    ...overrides,
  });
  return { manager, fetchToken, source };
}

describe("createTokenManager, per file", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("fetches a token for each file with the file's request", async () => {
    const { manager, source } = setup();
    const a = await manager.acquire("a", request, signal());
    const b = await manager.acquire("b", { fileName: "b.mov" }, signal());
    expect(a.token.uploadToken).not.toBe(b.token.uploadToken);
    expect(a.isShared).toBe(false);
    expect(source.requests).toEqual([request, { fileName: "b.mov" }]);
  });

  it("gives a token back only when the attempt provably sent nothing", async () => {
    const { manager } = setup();
    const first = await manager.acquire("a", request, signal());
    first.release("unused");
    const second = await manager.acquire("a", request, signal());
    expect(second.token).toBe(first.token);
    for (const outcome of ["used", "ambiguous", "refused"] as const) {
      const lease = await manager.acquire("a", request, signal());
      lease.release(outcome);
      const next = await manager.acquire("a", request, signal());
      expect(next.token.uploadToken).not.toBe(lease.token.uploadToken);
      next.release("unused");
    }
  });

  it("refreshes a kept token that is within the expiry margin", async () => {
    const { manager, fetchToken } = setup({ validMinutes: 10 });
    const first = await manager.acquire("a", request, signal());
    first.release("unused");
    vi.advanceTimersByTime(9 * 60_000 + 1); // 59 s left, margin is 60 s
    const second = await manager.acquire("a", request, signal());
    expect(second.token.uploadToken).not.toBe(first.token.uploadToken);
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it("uses a fresh token even if it is already inside the margin (no endless refetching)", async () => {
    const { manager, fetchToken } = setup({ expiryMarginMs: () => 3_600_000, validMinutes: 5 });
    const lease = await manager.acquire("a", request, signal());
    expect(lease.token.uploadToken).toBe("mock-token-1");
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it("forgets kept tokens", async () => {
    const { manager } = setup();
    const first = await manager.acquire("a", request, signal());
    first.release("unused");
    manager.forget("a");
    expect((await manager.acquire("a", request, signal())).token).not.toBe(first.token);
  });
});

describe("createTokenManager, shared", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("asks for one token with max_uploads for the batch and counts its uses", async () => {
    const { manager, source } = setup({ strategy: () => "shared", demand: () => 3 });
    const leases = await Promise.all(
      ["a", "b", "c"].map((key) => manager.acquire(key, {}, signal())),
    );
    expect(source.requests).toEqual([{ maxUploads: 3 }]);
    expect(new Set(leases.map((lease) => lease.token.uploadToken)).size).toBe(1);
    expect(leases.every((lease) => lease.isShared)).toBe(true);
    // All three uses are taken: a fourth file needs a new token.
    const fourth = await manager.acquire("d", {}, signal());
    expect(fourth.token.uploadToken).toBe("mock-token-2");
  });

  it("returns the use of an attempt that sent nothing", async () => {
    const { manager } = setup({ strategy: () => "shared", demand: () => 2 });
    const a = await manager.acquire("a", {}, signal());
    const b = await manager.acquire("b", {}, signal());
    b.release("unused");
    a.release("used");
    const c = await manager.acquire("c", {}, signal());
    expect(c.token).toBe(a.token);
  });

  it("caps max_uploads at the API's limit", async () => {
    const { manager, source } = setup({ strategy: () => "shared", demand: () => 5000 });
    await manager.acquire("a", {}, signal());
    expect(source.requests[0]?.maxUploads).toBe(100);
  });

  it("retires a token after an ambiguous or refused attempt, and says when it is idle", async () => {
    const { manager } = setup({ strategy: () => "shared", demand: () => 10 });
    const a = await manager.acquire("a", {}, signal());
    const b = await manager.acquire("b", {}, signal());
    a.release("ambiguous");
    const idle = vi.fn();
    void manager.whenIdle(a.token, signal()).then(idle);
    await vi.advanceTimersByTimeAsync(0);
    expect(idle).not.toHaveBeenCalled();
    const c = await manager.acquire("c", {}, signal());
    expect(c.token.uploadToken).not.toBe(a.token.uploadToken);
    b.release("used");
    await vi.advanceTimersByTimeAsync(0);
    expect(idle).toHaveBeenCalled();
  });

  it("replaces a shared token that is about to expire", async () => {
    const { manager } = setup({ strategy: () => "shared", demand: () => 10, validMinutes: 10 });
    const a = await manager.acquire("a", {}, signal());
    a.release("used");
    vi.advanceTimersByTime(9.5 * 60_000);
    const b = await manager.acquire("b", {}, signal());
    expect(b.token.uploadToken).not.toBe(a.token.uploadToken);
  });

  it("lets a waiter give up without canceling the shared fetch", async () => {
    const source = createMockTokenSource({ delayMs: 100 });
    const manager = createTokenManager({
      fetchToken: (req, s) => source(req, { signal: s }),
      strategy: () => "shared",
      expiryMarginMs: () => 0,
      demand: () => 2,
      maxUploadsLimit: () => 100,
    });
    const controller = new AbortController();
    const first = manager.acquire("a", {}, controller.signal);
    const second = manager.acquire("b", {}, signal());
    controller.abort();
    await expect(first).rejects.toMatchObject({ kind: "aborted" });
    await vi.advanceTimersByTimeAsync(100);
    await expect(second).resolves.toMatchObject({ token: { uploadToken: "mock-token-1" } });
    expect(source.requests).toHaveLength(1);
  });
});
