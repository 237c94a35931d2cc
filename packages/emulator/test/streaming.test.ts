// The emulator streams uploads to disk: a file much larger than the memory it may use passes
// through without being held whole. The emulator runs in this process, so its buffers show up in
// this process's memory figures; the client below holds only one 1 MiB piece at a time.
import { createHash } from "node:crypto";
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { newToken, random, useEmulator } from "./helpers.js";

const FILE_BYTES = 256 * 1024 * 1024;
const PIECE = random(1024 * 1024);

/** Bytes held in JS objects and Buffers: what a whole file in memory would add to. */
const held = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

/** POSTs a multipart body of `upload_token` and a FILE_BYTES file, generated piece by piece. */
function postLargeFile(
  url: string,
  uploadToken: string,
): Promise<{ status: number; body: string }> {
  const boundary = "----streamingtest";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="upload_token"\r\n\r\n${uploadToken}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="large.mp4"\r\n` +
      `Content-Type: video/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": head.length + FILE_BYTES + tail.length,
      },
    });
    req.on("error", reject);
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.write(head);
    let sent = 0;
    // Respect backpressure, so that the client itself never queues the file in memory.
    const pump = () => {
      while (sent < FILE_BYTES) {
        sent += PIECE.length;
        if (!req.write(PIECE)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end(tail);
    };
    pump();
  });
}

describe("redeem-upload-token streams the file", () => {
  const emulator = useEmulator();

  it("stores a 256 MiB upload byte-identical while holding far less than the file in memory", async () => {
    const token = await newToken(emulator().url, { format: "json" });
    const expected = createHash("sha256");
    for (let i = 0; i < FILE_BYTES / PIECE.length; i++) expected.update(PIECE);

    const baseline = held();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, held())), 5);
    try {
      const answer = await postLargeFile(`${emulator().url}/api/photo/redeem-upload-token`, token);
      expect(answer.status).toBe(200);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, held());

    const stored = emulator()
      .uploads()
      .find((upload) => upload.uploadToken === token);
    expect(stored).toMatchObject({ size: FILE_BYTES, sha256: expected.digest("hex") });
    // Measured at about 32 MiB (garbage from streamed pieces, collected as it goes); a file held
    // whole would add all of its 256 MiB.
    expect(peak - baseline).toBeLessThan(FILE_BYTES / 2);
  });
});
