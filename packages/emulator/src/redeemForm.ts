// Streams a redeem-upload-token multipart body: fields are collected, the `file` part goes
// straight to disk (through a SHA-256 hash, or into its region of a chunked upload's file), never
// into memory.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { type Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { type BodyMeter, ClientAbortError } from "./bodyMeter.js";
import type { DataDir } from "./dataDir.js";
import { MultipartError } from "./readParams.js";

/** A file part written to disk. */
export interface ReceivedFile {
  path: string;
  size: number;
  /** SHA-256 of the bytes; empty for a part written in place (not hashed). */
  sha256: string;
  fileName: string;
  contentType: string;
  /**
   * Written into a {@link FileRegion} of a file the part does not own (a chunk in its upload's
   * file): never move or delete `path` on the part's behalf.
   */
  inPlace?: boolean;
}

/** A region of an existing file that a file part is written into (a chunk at its offset). */
export interface FileRegion {
  path: string;
  /** Byte offset of the region in the file. */
  start: number;
  /** Bytes the region holds: a longer part is counted in full but written only up to here. */
  length: number;
  /** Resolves once the file exists at its full size. */
  ready: Promise<void>;
  /** Called once the part's bytes are written (or the write failed). */
  release(): void;
}

/**
 * Where a file part goes: `"skip"` reads and discards it, `"incoming"` writes it (hashed) to a
 * fresh file under `incoming/`, a {@link FileRegion} writes it into that region.
 */
export type FilePlacement = "skip" | "incoming" | FileRegion;

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

/** Counts every byte but passes on only the first `length` (a part longer than its region). */
class RegionLimit extends Transform {
  size = 0;
  constructor(private readonly length: number) {
    super();
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, callback: TransformCallback): void {
    const room = Math.max(0, this.length - this.size);
    this.size += chunk.length;
    callback(null, room >= chunk.length ? chunk : chunk.subarray(0, room));
  }
}

/**
 * Parses the body. `placeFile(values, part)` is asked when the file part starts, with the fields
 * seen so far: `"skip"` discards the file instead of storing it (an unusable token need not fill
 * the disk), a region writes a chunk straight to its place in the upload's file.
 */
export function receiveRedeemForm(
  req: IncomingMessage,
  body: BodyMeter,
  data: DataDir,
  placeFile: (
    values: ReadonlyMap<string, string>,
    part: { fileName: string; contentType: string },
  ) => FilePlacement,
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
  // Errors of file part streams: busboy's verdict on the body (e.g. truncated), whichever of the
  // parser or a part's write pipeline reports it first.
  const partErrors = new Set<unknown>();
  const classify = (error: unknown): Error => {
    if (error instanceof ClientAbortError || error instanceof MultipartError) return error;
    if (body.destroyed && !req.complete) return new ClientAbortError();
    const message = error instanceof Error ? error.message : String(error);
    if (partErrors.has(error)) return new MultipartError(message);
    return error instanceof Error ? error : new Error(message);
  };
  return new Promise<RedeemForm>((resolve, reject) => {
    const fail = (error: Error) => {
      body.unpipe();
      // A file part cut off mid-way must end its pipeline, or cleanup would wait forever.
      for (const stream of streams) stream.destroy();
      void Promise.allSettled(writes)
        .then(cleanup)
        .then(() => reject(error));
    };
    if (body.cut) return fail(new ClientAbortError());
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
      const part = {
        fileName: info.filename ?? "",
        contentType: info.mimeType || "application/octet-stream",
      };
      const placement = form.fileParts > 1 ? "skip" : placeFile(form.values, part);
      if (placement === "skip") {
        form.skipped ||= form.fileParts === 1;
        return void stream.resume();
      }
      streams.push(stream);
      // Errors also reach the parser (and the pipeline, once it runs): this listener notes them
      // as the body's fault, and keeps an error while a region is being allocated from crashing
      // the process.
      stream.on("error", (error) => partErrors.add(error));
      let write: Promise<void>;
      if (placement === "incoming") {
        const path = data.incomingPath();
        temps.push(path);
        const tap = new HashTap();
        write = pipeline(stream, tap, createWriteStream(path)).then(() => {
          form.file = { path, size: tap.size, sha256: tap.hash.digest("hex"), ...part };
        });
      } else {
        const region = placement;
        const limit = new RegionLimit(region.length);
        write = region.ready
          .then(() =>
            pipeline(
              stream,
              limit,
              createWriteStream(region.path, { flags: "r+", start: region.start }),
            ),
          )
          .then(() => {
            form.file = { path: region.path, size: limit.size, sha256: "", ...part, inPlace: true };
          })
          .finally(() => region.release());
      }
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
        (error: unknown) => fail(classify(error)),
      );
    });
    body.on("error", (error) => {
      parser.destroy(error);
      fail(error instanceof ClientAbortError ? error : new ClientAbortError());
    });
    body.pipe(parser);
  });
}
