// Streams a redeem-upload-token multipart body: fields are collected, the `file` part goes
// straight to disk through a SHA-256 hash, never into memory.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { type BodyMeter, ClientAbortError } from "./bodyMeter.js";
import type { DataDir } from "./dataDir.js";
import { MultipartError } from "./readParams.js";

/** A file part written to disk. */
export interface ReceivedFile {
  path: string;
  size: number;
  sha256: string;
  fileName: string;
  contentType: string;
}

/** What a redeem POST carried. */
export interface RedeemForm {
  /** Non-file fields in order. */
  fields: [string, string][];
  /** First value of each field. */
  values: Map<string, string>;
  /** The `file` part, unless it was absent, empty, or skipped. */
  file: ReceivedFile | null;
  /** Parts named `file` that carried a file (more than one is refused). */
  fileParts: number;
  /** The file was read and discarded because the token was already known to be unusable. */
  skipped: boolean;
}

/** Counts and hashes bytes on their way to disk. */
class HashTap extends Transform {
  readonly hash = createHash("sha256");
  size = 0;
  override _transform(chunk: Buffer, _e: BufferEncoding, callback: () => void): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    this.push(chunk);
    callback();
  }
}

/**
 * Parses the body. `skipFile(values)` is asked when the file part starts, with the fields seen so
 * far; `true` discards the file instead of storing it (an unusable token need not fill the disk).
 */
export function receiveRedeemForm(
  req: IncomingMessage,
  body: BodyMeter,
  data: DataDir,
  skipFile: (values: ReadonlyMap<string, string>) => boolean,
): Promise<RedeemForm> {
  const form: RedeemForm = {
    fields: [],
    values: new Map(),
    file: null,
    fileParts: 0,
    skipped: false,
  };
  const writes: Promise<void>[] = [];
  const temps: string[] = [];
  const cleanup = () => Promise.all(temps.map((p) => rm(p, { force: true })));

  const streams: Readable[] = [];
  return new Promise<RedeemForm>((resolve, reject) => {
    const fail = (error: Error) => {
      body.unpipe();
      // A file part cut off mid-way must end its pipeline, or cleanup would wait forever.
      for (const stream of streams) stream.destroy();
      void Promise.allSettled(writes)
        .then(cleanup)
        .then(() => reject(error));
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send file names as raw UTF-8; busboy's default would read them as latin1.
        defParamCharset: "utf8",
        limits: { fieldSize: 1024 * 1024, fields: 1000 },
      });
    } catch (error) {
      fail(new MultipartError(error instanceof Error ? error.message : String(error)));
      return;
    }
    parser.on("field", (name, value) => {
      form.fields.push([name, value]);
      if (!form.values.has(name)) form.values.set(name, value);
    });
    parser.on("file", (name, stream, info) => {
      if (name !== "file") return void stream.resume();
      form.fileParts += 1;
      if (form.fileParts > 1 || skipFile(form.values)) {
        form.skipped ||= form.fileParts === 1;
        return void stream.resume();
      }
      const path = data.incomingPath();
      temps.push(path);
      streams.push(stream);
      const tap = new HashTap();
      const write = pipeline(stream, tap, createWriteStream(path)).then(() => {
        form.file = {
          path,
          size: tap.size,
          sha256: tap.hash.digest("hex"),
          fileName: info.filename ?? "",
          contentType: info.mimeType || "application/octet-stream",
        };
      });
      // Observed later (in "close" or fail); this keeps an early rejection from being "unhandled".
      write.catch(() => {});
      writes.push(write);
    });
    parser.on("error", (error) => {
      if (body.destroyed && !req.complete) return fail(new ClientAbortError());
      fail(new MultipartError(error instanceof Error ? error.message : String(error)));
    });
    parser.on("close", () => {
      Promise.all(writes).then(
        async () => {
          // A browser sends an empty, nameless part when no file was chosen: that is no file.
          const file = form.file as ReceivedFile | null;
          if (file && file.size === 0 && file.fileName === "") {
            form.file = null;
            form.fileParts -= 1;
            await cleanup();
          }
          resolve(form);
        },
        (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
      );
    });
    body.on("error", (error) => {
      parser.destroy(error);
      fail(error instanceof ClientAbortError ? error : new ClientAbortError());
    });
    body.pipe(parser);
  });
}
