// The queue engine in real Chromium against the emulator over real HTTP: real bytes, real XHR
// progress, real faults. Each describe block spawns its own emulator so that faults stay local.
import {
  createEmulatorClient,
  type SpawnedEmulatorClient,
  type UploadRecord,
} from "@twentythree-upload/emulator/client";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { settled } from "../test/uploadFixtures.js";
import { createUploader } from "./createUploader.js";
import { parseUploadToken } from "./parseUploadToken.js";
import type { Uploader, UploaderOptions, UploaderSnapshot, UploadItem } from "./types.js";

/** A File of `size` random bytes and its hex SHA-256. */
async function randomFile(size: number, name: string) {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const sha256 = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return { file: new File([bytes], name, { type: "video/mp4" }), sha256 };
}

const storedWith = (uploads: readonly UploadRecord[], sha256: string) =>
  uploads.filter((upload) => upload.sha256 === sha256 && !upload.deleted);

let emulator: SpawnedEmulatorClient;
beforeAll(async () => {
  emulator = await createEmulatorClient(inject("emulatorUrl")).spawn();
});
afterAll(() => emulator.close());

// "xhr" rather than "auto": the request log then holds the uploads alone (auto's CORS probe is
// a request too, though queued faults pass it by).
function uploaderFor(options: Partial<UploaderOptions> = {}): Uploader {
  return createUploader({
    site: emulator.url,
    token: emulator.tokenUrl({ return_url: emulator.returnUrl() }),
    transport: "xhr",
    retry: { baseDelayMs: 50, maxDelayMs: 200 },
    ...options,
  });
}

describe.each([
  { api: "legacy" as const, withReturnUrl: true },
  { api: "v2" as const, withReturnUrl: false },
])("createUploader in Chromium, $api API", ({ api, withReturnUrl }) => {
  it("uploads several files with concurrency, each stored exactly once, byte-identical", async () => {
    const files = await Promise.all(
      [120_000, 340_000, 55_000, 410_000, 200_000].map((size, i) =>
        randomFile(size, `clip-${i}.mp4`),
      ),
    );
    const uploader = createUploader({
      site: emulator.url,
      apiVersion: api,
      token: emulator.tokenUrl({
        ...(withReturnUrl ? { return_url: emulator.returnUrl({ run: api }) } : {}),
        ...(api === "v2" ? { api: "v2" } : {}),
      }),
      concurrency: 2,
    });
    const seen: UploaderSnapshot[] = [];
    const ids = uploader.add(files.map(({ file }) => file));
    const done = await settled(uploader, seen);

    expect(done.items.map((item) => item.status)).toEqual(Array(5).fill("succeeded"));
    expect(
      Math.max(...seen.map((s) => s.counts.uploading + s.counts.processing)),
    ).toBeLessThanOrEqual(2);
    expect(done.progress).toMatchObject({ fraction: 1, loaded: done.progress.total });
    const uploads = await emulator.uploads();
    files.forEach(({ file, sha256 }, i) => {
      const stored = storedWith(uploads, sha256);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        size: file.size,
        fileName: file.name,
        api,
        title: `clip-${i}`,
      });
      const item = done.byId.get(ids[i] ?? "");
      expect(item?.result).toMatchObject({ photoId: stored[0]?.photoId, token: stored[0]?.token });
    });
    // One token per file: no token redeemed twice.
    const tokens = new Set(files.map(({ sha256 }) => storedWith(uploads, sha256)[0]?.uploadToken));
    expect(tokens.size).toBe(5);
    uploader.destroy();
  });
});

describe("createUploader in Chromium: faults", () => {
  it("retries a 503 (honouring Retry-After) and stores the file once", async () => {
    await emulator.addFault({ endpoint: "redeem-upload-token", status: 503, retryAfter: 1 });
    const { file, sha256 } = await randomFile(150_000, "retry.mp4");
    const uploader = uploaderFor();
    const [id] = uploader.add([file]);
    const seen: UploaderSnapshot[] = [];
    const done = await settled(uploader, seen);

    const item = done.byId.get(id ?? "");
    expect(item).toMatchObject({ status: "succeeded", attempt: 2 });
    const retrying = seen
      .map((snapshot) => snapshot.byId.get(id ?? ""))
      .find((entry): entry is UploadItem => entry?.status === "retrying");
    expect(retrying?.error).toMatchObject({ kind: "http", status: 503, retryAfterMs: 1000 });
    expect(storedWith(await emulator.uploads(), sha256)).toHaveLength(1);
    uploader.destroy();
  });

  it("reconciles an answer lost after storing, without uploading again", async () => {
    await emulator.addFault({ endpoint: "redeem-upload-token", dropAnswer: true });
    const { file, sha256 } = await randomFile(180_000, "dropped.mp4");
    const before = (await emulator.requests()).length;
    const uploader = uploaderFor();
    const [id] = uploader.add([file]);
    const done = await settled(uploader);

    const stored = storedWith(await emulator.uploads(), sha256);
    expect(stored).toHaveLength(1);
    expect(done.byId.get(id ?? "")).toMatchObject({
      status: "succeeded",
      result: { photoId: stored[0]?.photoId },
    });
    const redeems = (await emulator.requests())
      .slice(before)
      .filter(
        (request) => request.endpoint === "photo/redeem-upload-token" && request.method === "POST",
      );
    // Chromium may itself resend a POST whose reused connection died (same body, same token:
    // refused as consumed); what matters is that no second token was ever sent for this file.
    expect(redeems.length).toBeGreaterThanOrEqual(1);
    expect(new Set(redeems.map((request) => request.uploadToken))).toEqual(
      new Set([stored[0]?.uploadToken]),
    );
    uploader.destroy();
  });

  it("aborts a stalled upload and retries it; the file is stored once", async () => {
    await emulator.addFault({ endpoint: "redeem-upload-token", stallAfterBytes: 50_000 });
    const { file, sha256 } = await randomFile(2_000_000, "stalled.mp4");
    const uploader = uploaderFor({ stallTimeoutMs: 1000, responseTimeoutMs: 2000 });
    const [id] = uploader.add([file]);
    const seen: UploaderSnapshot[] = [];
    const done = await settled(uploader, seen);

    expect(done.byId.get(id ?? "")).toMatchObject({ status: "succeeded", attempt: 2 });
    const failure = seen
      .map((snapshot) => snapshot.byId.get(id ?? "")?.error)
      .find((error) => error != null);
    expect(failure).toMatchObject({ kind: "timeout" });
    expect(storedWith(await emulator.uploads(), sha256)).toHaveLength(1);
    uploader.destroy();
  }, 20_000);

  it("gets one fresh token when TwentyThree refuses an expired one", async () => {
    let calls = 0;
    const uploader = uploaderFor({
      token: async (request) => {
        calls += 1;
        const body = await emulator.issueToken(request, { return_url: emulator.returnUrl() });
        if (calls === 1) {
          await emulator.expireToken((await parseUploadToken(body)).uploadToken);
        }
        return body;
      },
    });
    const { file, sha256 } = await randomFile(60_000, "expired.mp4");
    const [id] = uploader.add([file]);
    const done = await settled(uploader);

    expect(calls).toBe(2);
    expect(done.byId.get(id ?? "")?.status).toBe("succeeded");
    expect(storedWith(await emulator.uploads(), sha256)).toHaveLength(1);
    uploader.destroy();
  });

  it.each([
    [
      "its valid_until passed: token-expired",
      -60,
      "token-expired",
      "The upload token has expired.",
    ],
    [
      "TwentyThree calls it invalid: token-invalid",
      3600,
      "token-invalid",
      "The upload token is invalid.",
    ],
  ] as const)(
    "fails a token TwentyThree refuses twice (%s), keeping TwentyThree's words without the token",
    async (_, validFor, kind, words) => {
      const tokens: string[] = [];
      const uploader = uploaderFor({
        token: async (request) => {
          // Expired at TwentyThree, or one it never issued.
          let uploadToken = Array.from(
            { length: 40 },
            () => "0123456789abcdef"[tokens.length],
          ).join("");
          if (validFor < 0) {
            const record = await emulator.createToken(request, {
              return_url: emulator.returnUrl(),
            });
            uploadToken = (await emulator.expireToken(record.uploadToken)).uploadToken;
          }
          tokens.push(uploadToken);
          return {
            upload_token: uploadToken,
            valid_until: Math.floor(Date.now() / 1000) + validFor,
          };
        },
      });
      const { file, sha256 } = await randomFile(30_000, "refused.mp4");
      const [id] = uploader.add([file]);
      const done = await settled(uploader);
      uploader.destroy();

      const item = done.byId.get(id ?? "");
      expect(item).toMatchObject({ status: "failed", error: { kind, serverMessage: words } });
      expect(tokens).toHaveLength(2);
      const shown = JSON.stringify([item?.error?.message, item?.error?.serverMessage]);
      for (const token of tokens) expect(shown).not.toContain(token);
      expect(storedWith(await emulator.uploads(), sha256)).toEqual([]);
    },
  );

  it("shares one token across a batch when asked to", async () => {
    const files = await Promise.all([1, 2, 3].map((i) => randomFile(40_000, `shared-${i}.mp4`)));
    const uploader = uploaderFor({ tokenStrategy: "shared" });
    uploader.add(files.map(({ file }) => file));
    const done = await settled(uploader);

    expect(done.items.map((item) => item.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    const uploads = await emulator.uploads();
    const tokens = files.map(({ sha256 }) => {
      const stored = storedWith(uploads, sha256);
      expect(stored).toHaveLength(1);
      return stored[0]?.uploadToken;
    });
    expect(new Set(tokens).size).toBe(1);
    expect(await emulator.token(tokens[0] ?? "")).toMatchObject({ maxUploads: 3, uploadsUsed: 3 });
    uploader.destroy();
  });

  it("shows byte progress while sending, and cancel stops the upload with nothing stored", async () => {
    // Chunks make progress observable on loopback, where socket buffers swallow whole bodies.
    await emulator.addFault({
      endpoint: "redeem-upload-token",
      bytesPerSecond: 2_000_000,
      count: 8,
    });
    const { file, sha256 } = await randomFile(8_000_000, "slow.mp4");
    const uploader = uploaderFor({ transport: "chunked", chunkSize: 1_000_000 });
    const [id] = uploader.add([file]);
    const midway = await new Promise<UploadItem>((resolve) => {
      const unsubscribe = uploader.subscribe(() => {
        const item = uploader.getSnapshot().byId.get(id ?? "");
        const fraction = item?.progress.fraction ?? 0;
        if (item && fraction > 0 && fraction < 1 && item.progress.bytesPerSecond !== null) {
          unsubscribe();
          resolve(item);
        }
      });
    });
    expect(midway.status).toBe("uploading");
    expect(midway.progress.secondsRemaining).toBeGreaterThan(0);
    expect(uploader.getSnapshot().progress.loaded).toBe(midway.progress.loaded);
    uploader.cancel(id);
    expect(uploader.getSnapshot().byId.get(id ?? "")?.status).toBe("canceled");
    await expect
      .poll(async () =>
        (await emulator.requests()).some(
          (request) => request.endpoint === "photo/redeem-upload-token" && request.aborted,
        ),
      )
      .toBe(true);
    await emulator.clearFaults();
    expect(storedWith(await emulator.uploads(), sha256)).toHaveLength(0);
    expect(uploader.getSnapshot().byId.get(id ?? "")?.status).toBe("canceled");
    uploader.destroy();
  }, 20_000);
});

describe("createUploader in Chromium: waiting for encoding", () => {
  it("stays processing until photo/list reports the video encoded", async () => {
    const encoding = await createEmulatorClient(inject("emulatorUrl")).spawn({
      encodingDelayMs: 1500,
    });
    try {
      const { file } = await randomFile(30_000, "encode.mp4");
      const onSuccess = vi.fn();
      const uploader = createUploader({
        site: encoding.url,
        token: encoding.tokenUrl({ return_url: encoding.returnUrl() }),
        transport: "xhr",
        waitForEncoding: { intervalMs: 250 },
        onSuccess,
      });
      const [id] = uploader.add([file]);
      const seen: UploaderSnapshot[] = [];
      const done = await settled(uploader, seen);

      const waiting = seen
        .map((snapshot) => snapshot.byId.get(id ?? ""))
        .find((item) => item?.status === "processing" && item.result !== null);
      expect(waiting?.result?.photoId).toBe(done.byId.get(id ?? "")?.result?.photoId);
      expect(done.byId.get(id ?? "")?.status).toBe("succeeded");
      expect(onSuccess).toHaveBeenCalledOnce();
      // It asked more than once: the first answers said "not encoded yet".
      const polls = (await encoding.requests()).filter((r) => r.endpoint === "photo/list");
      expect(polls.length).toBeGreaterThanOrEqual(2);
      uploader.destroy();
    } finally {
      await encoding.close();
    }
  });
});

describe("createUploader in Chromium: a site without CORS", () => {
  let closed: SpawnedEmulatorClient;
  beforeAll(async () => {
    closed = await createEmulatorClient(inject("emulatorUrl")).spawn({ cors: "none" });
  });
  afterAll(() => closed.close());

  // A return_url on this page's origin, whose page hands the callback back (handOffCallback).
  const returnUrl = () => new URL("/packages/core/test/callback.html", window.location.origin).href;

  it("falls back to the iframe and stores the file once", async () => {
    const { file, sha256 } = await randomFile(90_000, "iframe.mp4");
    const uploader = createUploader({
      site: closed.url,
      token: closed.tokenUrl({ return_url: returnUrl() }),
    });
    const [id] = uploader.add([file]);
    const done = await settled(uploader);

    const stored = storedWith(await closed.uploads(), sha256);
    expect(stored).toHaveLength(1);
    expect(done.byId.get(id ?? "")).toMatchObject({
      status: "succeeded",
      result: { photoId: stored[0]?.photoId },
    });
    uploader.destroy();
  });

  /** Runs one iframe upload whose answer is lost after TwentyThree stored the file. */
  async function uploadWithLostAnswer(options: Partial<UploaderOptions>) {
    await closed.addFault({ endpoint: "redeem-upload-token", dropAnswer: true });
    const { file, sha256 } = await randomFile(70_000, "lost.mp4");
    const before = (await closed.requests()).length;
    const onError = vi.fn();
    const uploader = createUploader({
      site: closed.url,
      token: closed.tokenUrl({ return_url: returnUrl() }),
      transport: "iframe",
      onError,
      ...options,
    });
    const [id] = uploader.add([file]);
    const done = await settled(uploader);
    uploader.destroy();
    const stored = storedWith(await closed.uploads(), sha256);
    const requests = (await closed.requests()).slice(before);
    const redeems = requests.filter(
      (request) => request.endpoint === "photo/redeem-upload-token" && request.method === "POST",
    );
    return {
      item: done.byId.get(id ?? ""),
      onError,
      stored,
      redeemTokens: new Set(redeems.map((request) => request.uploadToken)),
      lookups: requests.filter((request) => request.endpoint === "photo/list").length,
    };
  }

  it("looks an upload whose answer was lost up through JSONP, and finds it instead of sending it again", async () => {
    const { item, onError, stored, redeemTokens, lookups } = await uploadWithLostAnswer({});

    expect(stored).toHaveLength(1);
    expect(item).toMatchObject({
      status: "succeeded",
      result: { photoId: stored[0]?.photoId, token: stored[0]?.token },
    });
    expect(onError).not.toHaveBeenCalled();
    expect(redeemTokens).toEqual(new Set([stored[0]?.uploadToken]));
    // fetch could not read photo/list; the script could.
    expect(lookups).toBe(2);
  });

  it("with jsonpFallback off, does not retry an upload whose answer was lost (it cannot check)", async () => {
    const { item, onError, stored, redeemTokens, lookups } = await uploadWithLostAnswer({
      jsonpFallback: false,
    });

    expect(item).toMatchObject({ status: "failed", error: { ambiguous: true } });
    expect(onError).toHaveBeenCalledOnce();
    expect(stored).toHaveLength(1);
    expect(redeemTokens).toEqual(new Set([stored[0]?.uploadToken]));
    expect(lookups).toBe(1);
  });
});

describe("createUploader in Chromium: warming up", () => {
  let fresh: SpawnedEmulatorClient;
  beforeAll(async () => {
    // A site this page has not probed yet (the probe is cached per site and page).
    fresh = await createEmulatorClient(inject("emulatorUrl")).spawn();
  });
  afterAll(() => fresh.close());

  const probes = async (site: SpawnedEmulatorClient) =>
    (await site.requests()).filter((request) => request.probe && request.method === "POST");

  it("probes the site's CORS support when created, before any file, and only once", async () => {
    const uploader = createUploader({
      site: fresh.url,
      token: fresh.tokenUrl({ return_url: fresh.returnUrl() }),
    });
    await expect.poll(async () => (await probes(fresh)).length).toBe(1);
    expect((await fresh.requests()).some((request) => request.endpoint === "token")).toBe(false);

    const { file, sha256 } = await randomFile(20_000, "warm.mp4");
    const [id] = uploader.add([file]);
    const done = await settled(uploader);
    expect(done.byId.get(id ?? "")?.status).toBe("succeeded");
    expect(storedWith(await fresh.uploads(), sha256)).toHaveLength(1);
    expect(await probes(fresh)).toHaveLength(1);
    uploader.destroy();
  });

  it("sends no probe when created with a transport that does not need one", async () => {
    const other = await createEmulatorClient(inject("emulatorUrl")).spawn();
    try {
      const uploader = createUploader({
        site: other.url,
        token: other.tokenUrl(),
        transport: "xhr",
      });
      // The probe would go out at once; give it the time a probe takes on this machine.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await other.requests()).toEqual([]);
      uploader.destroy();
    } finally {
      await other.close();
    }
  });
});
