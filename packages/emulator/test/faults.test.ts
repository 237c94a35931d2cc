// Faults are observed through what the emulator did (its request log and storage), never
// through wall-clock timing.
import { describe, expect, it, vi } from "vitest";
import { createEmulatorClient } from "../src/client.js";
import type { RequestRecord } from "../src/controlTypes.js";
import { random, redeem, sha256, uploadForm, useEmulator } from "./helpers.js";
import { multipartBody, postRaw } from "./rawHttp.js";

describe("faults", { timeout: 20_000 }, () => {
  const emulator = useEmulator({ quiet: true });
  const client = () => createEmulatorClient(emulator().url);
  const redeemUrl = () => `${emulator().url}/api/photo/redeem-upload-token`;
  const lastRedeem = async (): Promise<RequestRecord | undefined> =>
    (await client().requests()).filter((r) => r.endpoint === "photo/redeem-upload-token").at(-1);
  const token = async (params: Record<string, string | number> = {}) =>
    (await client().createToken({}, params)).uploadToken;
  const rawUpload = (uploadToken: string, bytes: Uint8Array) => {
    const { body, contentType } = multipartBody({ upload_token: uploadToken }, { bytes });
    return postRaw(redeemUrl(), body, { "Content-Type": contentType });
  };

  it("answers a queued HTTP status with Retry-After, stores nothing and keeps the token", async () => {
    await client().reset();
    const uploadToken = await token();
    await client().addFault({
      endpoint: "redeem-upload-token",
      status: 429,
      retryAfter: 7,
      count: 2,
    });
    for (let i = 0; i < 2; i += 1) {
      const response = await redeem(
        emulator().url,
        uploadForm(uploadToken, { bytes: random(1000) }),
      );
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("7");
      expect(response.headers.get("access-control-expose-headers")).toContain("Retry-After");
    }
    expect(await client().uploads()).toEqual([]);
    expect((await lastRedeem())?.fault).toMatch(/status 429, retryAfter 7/);
    const third = await redeem(emulator().url, uploadForm(uploadToken, { bytes: random(1000) }));
    expect(third.status).toBe(200);
    expect(await client().faults()).toEqual([]);
  });

  it("lets `after` requests through first, and matches by endpoint and api", async () => {
    await client().reset();
    await client().addFaults([
      { endpoint: "redeem-upload-token", status: 500, after: 1 },
      { endpoint: "photo/get-upload-token", api: "v2", status: 503 },
    ]);
    const first = await redeem(emulator().url, uploadForm(await token(), { bytes: random(10) }));
    const second = await redeem(emulator().url, uploadForm(await token(), { bytes: random(10) }));
    expect([first.status, second.status]).toEqual([200, 500]);
    expect((await fetch(`${emulator().url}/api/photo/get-upload-token`)).status).toBe(200);
    expect((await fetch(`${emulator().url}/api/2/photo/get-upload-token`)).status).toBe(503);
  });

  it("faults the control token endpoint too (endpoint: token)", async () => {
    await client().addFault({ endpoint: "token", status: 503, message: "Token service down" });
    await expect(client().issueToken()).rejects.toThrow(/503.*Token service down/);
    expect(await client().issueToken()).toContain('"status":"ok"');
  });

  it("resets the connection after N body bytes: aborted, nothing stored, token still usable", async () => {
    await client().reset();
    const uploadToken = await token();
    await client().addFault({ resetAfterBytes: 100_000 });
    const bytes = random(400_000);
    await expect(rawUpload(uploadToken, bytes).result).rejects.toThrow();
    await vi.waitFor(async () => expect((await lastRedeem())?.done).toBe(true));
    expect(await lastRedeem()).toMatchObject({
      aborted: true,
      status: null,
      bytesReceived: 100_000,
    });
    expect(await client().uploads()).toEqual([]);
    expect((await client().token(uploadToken)).state).toBe("valid");
    const retry = await redeem(emulator().url, uploadForm(uploadToken, { bytes }));
    expect(retry.status).toBe(200);
    expect((await client().uploads()).map((u) => u.sha256)).toEqual([sha256(bytes)]);
  });

  it("caps the throughput: the body is still arriving while the client has sent it all", async () => {
    await client().reset();
    const uploadToken = await token();
    await client().addFault({ bytesPerSecond: 256 * 1024 });
    const bytes = random(768 * 1024);
    const { result } = rawUpload(uploadToken, bytes);
    await vi.waitFor(
      async () => {
        const record = await lastRedeem();
        expect(record?.bytesReceived).toBeGreaterThan(0);
        expect(record?.done).toBe(false);
      },
      { timeout: 5000, interval: 10 },
    );
    expect((await result).status).toBe(200);
    const [upload] = await client().uploads();
    expect(upload?.sha256).toBe(sha256(bytes));
    expect((await lastRedeem())?.fault).toMatch(/throughput 262144B\/s/);
  });

  it("stalls: stops reading after N bytes and never answers", async () => {
    await client().reset();
    const uploadToken = await token();
    await client().addFault({ stallAfterBytes: 5000 });
    const upload = rawUpload(uploadToken, random(4 * 1024 * 1024));
    await vi.waitFor(async () => expect((await lastRedeem())?.bytesReceived).toBe(5000));
    expect(await lastRedeem()).toMatchObject({
      done: false,
      status: null,
      fault: expect.stringMatching(/stall after 5000B/),
    });
    // Like a real stalled server it cannot see the client give up (its FIN waits behind the unread
    // body); a reset cuts the connection.
    upload.request.destroy();
    await expect(upload.result).rejects.toThrow();
    expect(await client().uploads()).toEqual([]);
    expect((await client().token(uploadToken)).state).toBe("valid");
  });

  it("adds latency before reading the request", async () => {
    await client().reset();
    const uploadToken = await token();
    await client().addFault({ endpoint: "*", latencyMs: 60_000 });
    const upload = rawUpload(uploadToken, random(1000));
    await vi.waitFor(async () =>
      expect(await lastRedeem()).toMatchObject({ done: false, bytesReceived: 0 }),
    );
    expect((await lastRedeem())?.fault).toMatch(/latency 60000ms/);
    upload.request.destroy();
    await vi.waitFor(async () => expect((await lastRedeem())?.aborted).toBe(true));
  });

  it("processes slowly after the whole body arrived: stored and consumed before the answer", async () => {
    await client().reset();
    const uploadToken = await token();
    await client().addFault({ processingDelayMs: 60_000 });
    const bytes = random(50_000);
    const upload = rawUpload(uploadToken, bytes);
    await vi.waitFor(async () =>
      expect((await client().uploads()).map((u) => u.sha256)).toEqual([sha256(bytes)]),
    );
    expect((await client().token(uploadToken)).state).toBe("consumed");
    expect(await lastRedeem()).toMatchObject({ done: false, status: null });
    upload.request.destroy();
    await vi.waitFor(async () => expect((await lastRedeem())?.aborted).toBe(true));
  });

  it("drops the answer after storing: the client gets no response, the file is stored once", async () => {
    await client().reset();
    const uploadToken = await token({ return_url: client().returnUrl() });
    await client().addFault({ dropAnswer: true });
    const bytes = random(30_000);
    await expect(rawUpload(uploadToken, bytes).result).rejects.toThrow(/socket hang up|ECONNRESET/);
    const uploads = await client().uploads();
    expect(uploads.map((u) => u.sha256)).toEqual([sha256(bytes)]);
    expect((await client().token(uploadToken)).state).toBe("consumed");
    expect(await lastRedeem()).toMatchObject({
      done: true,
      status: null,
      aborted: false,
      fault: expect.stringMatching(/drop answer/),
    });
  });

  it("stores the upload, then answers a gateway's status instead (statusAfterProcessing)", async () => {
    await client().reset();
    const uploadToken = await token();
    await client().addFault({ statusAfterProcessing: 504, message: "Gateway Timeout" });
    const bytes = random(20_000);
    const response = await redeem(emulator().url, uploadForm(uploadToken, { bytes }));
    expect(response.status).toBe(504);
    expect(await response.text()).toBe("Gateway Timeout");
    expect((await client().uploads()).map((u) => u.sha256)).toEqual([sha256(bytes)]);
    expect((await client().token(uploadToken)).state).toBe("consumed");
    expect(await lastRedeem()).toMatchObject({
      status: 504,
      fault: expect.stringMatching(/status 504 after processing/),
    });
    await expect(
      client().addFault({ statusAfterProcessing: 502, dropAnswer: true }),
    ).rejects.toThrow(/cannot be combined/);
    await expect(client().addFault({ statusAfterProcessing: 502, status: 503 })).rejects.toThrow(
      /cannot be combined/,
    );
  });

  it("lets probes (an empty redeem form) pass unless a fault asks for them", async () => {
    await client().reset();
    await client().addFault({ status: 503 });
    const probe = () => redeem(emulator().url, new FormData());
    expect((await probe()).status).toBe(400);
    expect(await client().faults()).toHaveLength(1);
    const upload = await redeem(emulator().url, uploadForm(await token(), { bytes: random(10) }));
    expect(upload.status).toBe(503);
    await client().addFault({ endpoint: "*", status: 500, probes: true });
    expect((await probe()).status).toBe(500);
    const log = (await client().requests()).filter(
      (r) => r.endpoint === "photo/redeem-upload-token",
    );
    expect(log.map((r) => [r.probe, r.status])).toEqual([
      [true, 400],
      [false, 503],
      [true, 500],
    ]);
    expect(log.every((r) => r.done && r.endedAt !== null && r.endedAt >= r.at)).toBe(true);
  });

  it("resets a probe at 0 bytes and logs it as finished and aborted", async () => {
    await client().reset();
    await client().addFault({ resetAfterBytes: 0, probes: true });
    await expect(redeem(emulator().url, new FormData())).rejects.toThrow();
    // The reset trips on the first body chunk, before the endpoint reads the body.
    await vi.waitFor(async () => expect((await lastRedeem())?.done).toBe(true));
    expect(await lastRedeem()).toMatchObject({
      probe: true,
      aborted: true,
      status: null,
      bytesReceived: 0,
    });
    expect((await redeem(emulator().url, new FormData())).status).toBe(400);
  });

  it("faults a seeded random share of requests, reproducibly, and passes the rest on", async () => {
    const run = async (seed: number) => {
      await client().reset();
      // 30 draws at 30 %; requests that draw no fault meet the 404 fault queued behind it.
      const [random30] = await client().addFaults([
        { endpoint: "list", status: 503, probability: 0.3, seed, count: 30 },
        { endpoint: "list", status: 404, count: 30 },
      ]);
      expect(random30).toMatchObject({ probability: 0.3, seed });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i += 1) {
        statuses.push((await fetch(`${emulator().url}/api/photo/list`)).status);
      }
      // The random fault is used up; the other one met only the requests it let through.
      const faulted = statuses.filter((status) => status === 503).length;
      expect(await client().faults()).toMatchObject([{ status: 404, remaining: faulted }]);
      return statuses;
    };
    const first = await run(12_345);
    expect(await run(12_345)).toEqual(first);
    expect(new Set(first)).toEqual(new Set([503, 404]));
    expect(await run(54_321)).not.toEqual(first);
    const faulted = (await client().requests()).filter((r) => r.fault?.includes("seed 54321"));
    expect(faulted.length).toBe((await run(54_321)).filter((s) => s === 503).length);
  });

  it("slows down or breaks the return page (endpoint return); `*` leaves it alone", async () => {
    await client().reset();
    await client().addFaults([
      { endpoint: "*", status: 503 },
      { endpoint: "return", latencyMs: 60_000 },
      { endpoint: "return", status: 500, message: "Return page down" },
    ]);
    const slow = new AbortController();
    const pending = fetch(client().returnUrl({ a: "1" }), { signal: slow.signal }).catch(
      () => null,
    );
    await vi.waitFor(async () => expect(await client().returns()).toHaveLength(1));
    expect((await client().returns())[0]?.fault).toMatch(/latency 60000ms/);
    slow.abort();
    await pending;
    const broken = await fetch(client().returnUrl({ b: "2" }));
    expect([broken.status, await broken.text()]).toEqual([500, "Return page down"]);
    expect(broken.headers.get("access-control-allow-origin")).toBe("*");
    const fine = await fetch(client().returnUrl({ c: "3" }));
    expect(await fine.json()).toEqual({ c: "3" });
    expect(await client().faults()).toMatchObject([{ endpoint: "*", status: 503 }]);
    await expect(client().addFault({ endpoint: "return", dropAnswer: true })).rejects.toThrow(
      /"return" page takes only latencyMs and status/,
    );
    await client().clearFaults();
  });

  it("chooses and reports a seed when none is given", async () => {
    await client().clearFaults();
    const added = await client().addFault({ endpoint: "list", status: 503, probability: 0.5 });
    expect(added.seed).toEqual(expect.any(Number));
    expect((await client().faults())[0]?.seed).toBe(added.seed);
    await client().clearFaults();
  });

  it("refuses malformed fault specs with a message that names the problem", async () => {
    await expect(client().addFault({ endpoint: "nope", status: 500 })).rejects.toThrow(
      /endpoint must be/,
    );
    await expect(client().addFault({})).rejects.toThrow(/at least one effect/);
    await expect(client().addFault({ status: 503, dropAnswer: true })).rejects.toThrow(
      /cannot be combined/,
    );
    await expect(client().addFault({ latencyMs: -1 })).rejects.toThrow(/latencyMs/);
    await expect(client().addFault({ status: 503, bogus: 1 } as never)).rejects.toThrow(
      /Unknown fault field/,
    );
    for (const probability of [0, 1.5, "half"]) {
      await expect(client().addFault({ status: 503, probability } as never)).rejects.toThrow(
        /probability must be a number above 0 and at most 1/,
      );
    }
    await expect(client().addFault({ status: 503, seed: 3 })).rejects.toThrow(/seed needs/);
    await expect(client().addFault({ status: 503, probes: "yes" } as never)).rejects.toThrow(
      /probes must be a boolean/,
    );
  });

  it("lists and clears queued faults", async () => {
    await client().clearFaults();
    const added = await client().addFault({ endpoint: "list", status: 500, count: 3 });
    expect(added).toMatchObject({ endpoint: "photo/list", remaining: 3, status: 500 });
    expect(await client().faults()).toHaveLength(1);
    await client().clearFaults();
    expect(await client().faults()).toEqual([]);
  });
});
