// Resumable.js chunks (reference §2.5): 1-based, `floor(total/chunkSize)` chunks with the last one
// absorbing the remainder, in any order, possibly twice. The file exists (and the token is used)
// only once every chunk is there.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { DataDir } from "./dataDir.js";
import type { StoredUpload, TokenProblem } from "./emulatorState.js";
import type { ReceivedFile } from "./redeemForm.js";

/** The resumable* fields of one chunk request. */
export interface ChunkInfo {
  number: number;
  chunkSize: number;
  totalSize: number;
  totalChunks: number;
  identifier: string;
  fileName: string;
}

/** One file being assembled. */
export interface ChunkSession {
  readonly dir: string;
  readonly uploadToken: string;
  readonly identifier: string;
  readonly totalSize: number;
  readonly chunkSize: number;
  readonly totalChunks: number;
  readonly fileName: string;
  contentType: string;
  readonly received: Map<number, string>;
  /** Set once the last missing chunk arrived; every later request for the file awaits it. */
  completion: Promise<StoredUpload | { error: TokenProblem }> | null;
}

function wholeNumber(
  values: ReadonlyMap<string, string>,
  name: string,
  min: number,
): number | string {
  const raw = values.get(name);
  if (raw === undefined || !/^\d{1,15}$/.test(raw.trim()) || Number(raw) < min) {
    return `${name} must be a whole number of at least ${min}.`;
  }
  return Number(raw);
}

/** `null` when the request is not a chunk; a string says what is wrong with the fields. */
export function parseChunkInfo(values: ReadonlyMap<string, string>): ChunkInfo | string | null {
  if (!values.has("resumableChunkNumber")) return null;
  const number = wholeNumber(values, "resumableChunkNumber", 1);
  const chunkSize = wholeNumber(values, "resumableChunkSize", 1);
  const totalSize = wholeNumber(values, "resumableTotalSize", 0);
  for (const value of [number, chunkSize, totalSize]) if (typeof value === "string") return value;
  const identifier = values.get("resumableIdentifier") ?? "";
  if (identifier === "" || identifier.length > 255) {
    return "resumableIdentifier must be 1 to 255 characters.";
  }
  const totalChunks = Math.max(1, Math.floor((totalSize as number) / (chunkSize as number)));
  const announced = values.get("resumableTotalChunks");
  if (announced !== undefined && Number(announced) !== totalChunks) {
    return `resumableTotalChunks is ${announced.slice(0, 15)}, but ${totalSize} bytes in chunks of ${chunkSize} make ${totalChunks} (the last chunk absorbs the remainder).`;
  }
  if ((number as number) > totalChunks) {
    return `resumableChunkNumber ${number} is beyond the ${totalChunks} chunks of this file.`;
  }
  return {
    number: number as number,
    chunkSize: chunkSize as number,
    totalSize: totalSize as number,
    totalChunks,
    identifier,
    fileName: values.get("resumableFilename") ?? "",
  };
}

/** Bytes chunk `number` must have. */
export function expectedChunkSize(info: ChunkInfo): number {
  return info.number < info.totalChunks
    ? info.chunkSize
    : info.totalSize - info.chunkSize * (info.totalChunks - 1);
}

/** The chunk sessions of one emulator, by token and identifier. */
export class ChunkSessions {
  private readonly sessions = new Map<string, ChunkSession>();

  constructor(private readonly data: DataDir) {}

  private key(uploadToken: string, identifier: string): string {
    return `${uploadToken}\n${identifier}`;
  }

  get(uploadToken: string, identifier: string): ChunkSession | undefined {
    return this.sessions.get(this.key(uploadToken, identifier));
  }

  /** The session for this chunk, created on first sight; a string when the chunk contradicts it. */
  open(uploadToken: string, info: ChunkInfo, contentType: string): ChunkSession | string {
    const existing = this.get(uploadToken, info.identifier);
    if (existing) {
      if (existing.totalSize !== info.totalSize || existing.chunkSize !== info.chunkSize) {
        return "resumableTotalSize and resumableChunkSize must not change between chunks of one file.";
      }
      return existing;
    }
    const session: ChunkSession = {
      dir: this.data.chunkDir(randomBytes(12).toString("hex")),
      uploadToken,
      identifier: info.identifier,
      totalSize: info.totalSize,
      chunkSize: info.chunkSize,
      totalChunks: info.totalChunks,
      fileName: info.fileName,
      contentType,
      received: new Map(),
      completion: null,
    };
    this.sessions.set(this.key(uploadToken, info.identifier), session);
    return session;
  }

  /** Keeps a received chunk (a repeated chunk replaces the earlier copy). */
  async keep(session: ChunkSession, number: number, file: ReceivedFile): Promise<void> {
    await mkdir(session.dir, { recursive: true });
    const target = path.join(session.dir, String(number));
    await rename(file.path, target);
    session.received.set(number, target);
  }

  /** Forgets a session and its chunks (refused file, deleted upload, reset). */
  async discard(session: ChunkSession): Promise<void> {
    this.sessions.delete(this.key(session.uploadToken, session.identifier));
    await rm(session.dir, { recursive: true, force: true });
  }

  clear(): void {
    this.sessions.clear();
  }

  /** Concatenates the chunks in order into one file under `incoming/`, hashing on the way. */
  async assemble(session: ChunkSession): Promise<ReceivedFile> {
    const hash = createHash("sha256");
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _e, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    const target = this.data.incomingPath();
    const parts = [...Array(session.totalChunks).keys()].map(
      (i) => session.received.get(i + 1) ?? "",
    );
    await pipeline(
      async function* () {
        for (const part of parts) yield* createReadStream(part);
      },
      tap,
      createWriteStream(target),
    );
    await rm(session.dir, { recursive: true, force: true });
    return {
      path: target,
      size,
      sha256: hash.digest("hex"),
      fileName: session.fileName,
      contentType: session.contentType,
    };
  }
}
