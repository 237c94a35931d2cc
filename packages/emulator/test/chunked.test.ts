// Resumable.js chunks (reference §2.5) over real HTTP.
import { describe, expect, it } from "vitest";
import { createEmulatorClient } from "../src/client.js";
import { queryOf, random, redeem, sha256, useEmulator } from "./helpers.js";

const CHUNK = 64 * 1024;

function chunkCount(total: number, chunkSize: number): number {
  return Math.max(1, Math.floor(total / chunkSize));
}

/** The bytes of chunk `n` (1-based): the last chunk absorbs the remainder. */
function chunkBytes(
  file: Uint8Array<ArrayBuffer>,
  n: number,
  chunkSize = CHUNK,
): Uint8Array<ArrayBuffer> {
  const total = chunkCount(file.length, chunkSize);
  return file.slice((n - 1) * chunkSize, n === total ? file.length : n * chunkSize);
}

function chunkForm(
  uploadToken: string,
  file: Uint8Array<ArrayBuffer>,
  n: number,
  options: {
    identifier?: string;
    chunkSize?: number;
    name?: string;
    bytes?: Uint8Array<ArrayBuffer>;
    extra?: Record<string, string>;
  } = {},
): FormData {
  const chunkSize = options.chunkSize ?? CHUNK;
  const form = new FormData();
  form.append("upload_token", uploadToken);
  const fields: Record<string, string> = {
    resumableChunkNumber: String(n),
    resumableChunkSize: String(chunkSize),
    resumableTotalSize: String(file.length),
    resumableIdentifier: options.identifier ?? "file-1",
    resumableFilename: options.name ?? "movie.mp4",
    resumableTotalChunks: String(chunkCount(file.length, chunkSize)),
    ...options.extra,
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new Blob([options.bytes ?? chunkBytes(file, n, chunkSize)]), "blob");
  return form;
}

describe("chunked redeem-upload-token", () => {
  const emulator = useEmulator();
  const client = () => createEmulatorClient(emulator().url);
  const RETURN = () => client().returnUrl({ theme: "green" });

  it("accepts chunks with 200 and completes on the last one with the usual 301", async () => {
    const token = await client().createToken({}, { return_url: RETURN() });
    const file = random(3 * CHUNK + 1000);
    const statuses: number[] = [];
    for (const n of [1, 2]) {
      const response = await redeem(emulator().url, chunkForm(token.uploadToken, file, n));
      statuses.push(response.status);
      expect(await response.text()).toBe(`Chunk ${n} of 3 received.`);
    }
    expect((await client().token(token.uploadToken)).state).toBe("valid");
    expect(await client().uploads()).toEqual([]);
    const last = await redeem(
      emulator().url,
      chunkForm(token.uploadToken, file, 3, { extra: { note: "x" } }),
    );
    statuses.push(last.status);
    expect(statuses).toEqual([200, 200, 301]);
    const params = queryOf(last.headers.get("location") ?? "");
    const upload = (await client().uploads()).find((u) => u.uploadToken === token.uploadToken);
    expect(params).toMatchObject({
      theme: "green",
      upload_token: token.uploadToken,
      photo_id: upload?.photoId,
      note: "x",
    });
    expect(upload).toMatchObject({
      size: file.length,
      sha256: sha256(file),
      chunks: 3,
      resumableIdentifier: "file-1",
      fileName: "movie.mp4",
    });
    expect((await client().token(token.uploadToken)).state).toBe("consumed");
  });

  it("takes chunks out of order and twice, and stores the file exactly once", async () => {
    const token = await client().createToken({}, { return_url: RETURN() });
    const file = random(4 * CHUNK + 5);
    const order = [3, 1, 1, 4, 2];
    const statuses: number[] = [];
    for (const n of order)
      statuses.push((await redeem(emulator().url, chunkForm(token.uploadToken, file, n))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 301]);
    const mine = (await client().uploads()).filter((u) => u.uploadToken === token.uploadToken);
    expect(mine.map((u) => u.sha256)).toEqual([sha256(file)]);
  });

  it("answers a chunk of an already complete file with the same outcome and stores nothing", async () => {
    const token = await client().createToken({ api: "v2" });
    const file = random(2 * CHUNK);
    await redeem(emulator().url, chunkForm(token.uploadToken, file, 1), "v2");
    const first = await redeem(emulator().url, chunkForm(token.uploadToken, file, 2), "v2");
    const again = await redeem(emulator().url, chunkForm(token.uploadToken, file, 2), "v2");
    const [a, b] = [await first.json(), await again.json()] as { data: { photo_id: number } }[];
    expect(a?.data.photo_id).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(
      (await client().uploads()).filter((u) => u.uploadToken === token.uploadToken),
    ).toHaveLength(1);
  });

  it("makes the last chunk absorb the remainder and refuses a chunk of the wrong size", async () => {
    const token = await client().createToken({ api: "v2" });
    const file = random(CHUNK * 2 + CHUNK / 2);
    const wrong = await redeem(
      emulator().url,
      chunkForm(token.uploadToken, file, 2, { bytes: random(CHUNK) }),
      "v2",
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toBe(`Chunk 2 has ${CHUNK} bytes; expected ${CHUNK + CHUNK / 2}.`);
    expect((await redeem(emulator().url, chunkForm(token.uploadToken, file, 1), "v2")).status).toBe(
      200,
    );
    const last = await redeem(emulator().url, chunkForm(token.uploadToken, file, 2), "v2");
    expect(last.status).toBe(200);
    expect(await last.json()).toMatchObject({
      status: "ok",
      data: { photo_id: expect.any(Number) },
    });
  });

  it("answers 500 for a file type the site refuses, and stores nothing", async () => {
    const token = await client().createToken({}, { return_url: RETURN() });
    const file = random(2 * CHUNK);
    const response = await redeem(
      emulator().url,
      chunkForm(token.uploadToken, file, 1, { name: "setup.exe" }),
    );
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("The file type isn't supported");
    expect((await client().uploads()).filter((u) => u.uploadToken === token.uploadToken)).toEqual(
      [],
    );
  });

  it("refuses malformed chunk fields with 400 (Resumable.js retries those)", async () => {
    const token = await client().createToken();
    const file = random(3 * CHUNK);
    const beyond = await redeem(emulator().url, chunkForm(token.uploadToken, file, 4));
    expect(beyond.status).toBe(400);
    const mismatch = await redeem(
      emulator().url,
      chunkForm(token.uploadToken, file, 1, { extra: { resumableTotalChunks: "4" } }),
    );
    expect(await mismatch.text()).toMatch(/resumableTotalChunks is 4, but .* make 3/);
    const zero = await redeem(
      emulator().url,
      chunkForm(token.uploadToken, file, 1, { extra: { resumableChunkNumber: "0" } }),
    );
    expect(zero.status).toBe(400);
  });

  it("refuses further chunks once the token expired", async () => {
    const token = await client().createToken({}, { return_url: RETURN() });
    const file = random(2 * CHUNK);
    expect((await redeem(emulator().url, chunkForm(token.uploadToken, file, 1))).status).toBe(200);
    await client().expireToken(token.uploadToken);
    const response = await redeem(emulator().url, chunkForm(token.uploadToken, file, 2));
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("The upload token has expired.");
  });

  it("stores the last copy of a chunk sent twice with different bytes, with its SHA-256", async () => {
    const token = await client().createToken({ api: "v2" });
    const file = random(3 * CHUNK + 11);
    await redeem(
      emulator().url,
      chunkForm(token.uploadToken, file, 1, { bytes: random(CHUNK) }),
      "v2",
    );
    await redeem(emulator().url, chunkForm(token.uploadToken, file, 2), "v2");
    await redeem(emulator().url, chunkForm(token.uploadToken, file, 1), "v2");
    const last = await redeem(emulator().url, chunkForm(token.uploadToken, file, 3), "v2");
    expect(last.status).toBe(200);
    const mine = (await client().uploads()).filter((u) => u.uploadToken === token.uploadToken);
    expect(mine.map((u) => [u.size, u.sha256])).toEqual([[file.length, sha256(file)]]);
  });

  it("assembles chunks whose file part comes before their fields, and chunks sent at once", async () => {
    const token = await client().createToken({ api: "v2" });
    const file = random(5 * CHUNK + 3);
    const fileFirst = (n: number) => {
      const regular = chunkForm(token.uploadToken, file, n);
      const form = new FormData();
      form.append("file", regular.get("file") as Blob, "blob");
      for (const [name, value] of regular) if (name !== "file") form.append(name, value);
      return form;
    };
    const statuses = await Promise.all(
      [1, 2, 3].map(
        async (n) =>
          (await redeem(emulator().url, chunkForm(token.uploadToken, file, n), "v2")).status,
      ),
    );
    statuses.push((await redeem(emulator().url, fileFirst(4), "v2")).status);
    statuses.push((await redeem(emulator().url, fileFirst(5), "v2")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const mine = (await client().uploads()).filter((u) => u.uploadToken === token.uploadToken);
    expect(mine.map((u) => [u.size, u.sha256, u.chunks])).toEqual([[file.length, sha256(file), 5]]);
  });

  it("keeps two files of one token apart by resumableIdentifier", async () => {
    const token = await client().createToken({ maxUploads: 2, api: "v2" });
    const [a, b] = [random(2 * CHUNK), random(2 * CHUNK + 7)];
    for (const n of [1, 2]) {
      await redeem(emulator().url, chunkForm(token.uploadToken, a, n, { identifier: "a" }), "v2");
      await redeem(emulator().url, chunkForm(token.uploadToken, b, n, { identifier: "b" }), "v2");
    }
    const mine = (await client().uploads()).filter((u) => u.uploadToken === token.uploadToken);
    expect(mine.map((u) => [u.resumableIdentifier, u.sha256])).toEqual([
      ["a", sha256(a)],
      ["b", sha256(b)],
    ]);
  });
});
