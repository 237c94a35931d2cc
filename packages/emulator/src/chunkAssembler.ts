// Resumable.js chunks (reference §2.5): 1-based, `floor(total/chunkSize)` chunks with the last one
// absorbing the remainder, in any order, possibly twice. The file exists (and the token is used)
// only once every chunk is there.
//
// Each file is assembled in place: its full size is allocated when the first chunk arrives, and
// each chunk is written at its offset, straight from the request when its fields come before the
// bytes (as Resumable.js and core send them). Chunks are hashed in order as they complete, so
// completing a file reads only its last chunk: no copy of the whole file, no pass over it.
import { createHash, type Hash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { open, rm } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import type { DataDir } from "./dataDir.js";
import type { StoredUpload, TokenProblem } from "./emulatorState.js";
import type { FileRegion, ReceivedFile } from "./redeemForm.js";

const MiB = 1024 * 1024;

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
  /** The file under `incoming/`, allocated at its full size, that the chunks are written into. */
  readonly path: string;
  /** Resolves once `path` exists at its full size. */
  readonly allocated: Promise<void>;
  readonly uploadToken: string;
  readonly identifier: string;
  readonly totalSize: number;
  readonly chunkSize: number;
  readonly totalChunks: number;
  readonly fileName: string;
  contentType: string;
  /** Chunk numbers whose bytes are in `path`. */
  readonly received: Set<number>;
  /** Chunk numbers a request in flight is writing into `path` right now. */
  readonly writing: Set<number>;
  /** Set once the last missing chunk arrived; every later request for the file awaits it. */
  completion: Promise<StoredUpload | { error: TokenProblem }> | null;
  /** The SHA-256 so far. */
  readonly hashing: RunningHash;
}

/** The SHA-256 of a session's file, fed chunk by chunk in order. */
export interface RunningHash {
  readonly hash: Hash;
  /** Chunks `1..hashed` are in `hash`. */
  hashed: number;
  /** The hashing in progress (never rejects). */
  work: Promise<void>;
  /** A hashed chunk was written again: hash the whole file at the end instead. */
  stale: boolean;
  /** Reading the file failed (e.g. it was discarded): hash the whole file at the end. */
  failed: boolean;
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

function chunkStart(session: ChunkSession, number: number): number {
  return (number - 1) * session.chunkSize;
}

function chunkEnd(session: ChunkSession, number: number): number {
  return number === session.totalChunks ? session.totalSize : number * session.chunkSize;
}

async function allocate(path: string, size: number): Promise<void> {
  const handle = await open(path, "w");
  try {
    await handle.truncate(size);
  } finally {
    await handle.close();
  }
}

/** Feeds bytes `start..end` of `path` (exclusive end) into `hash`. */
async function hashRange(hash: Hash, path: string, start: number, end: number): Promise<void> {
  if (end <= start) return;
  // 1 MiB reads: a quarter of the CPU time of the default 64 KiB ones.
  for await (const piece of createReadStream(path, { start, end: end - 1, highWaterMark: MiB })) {
    hash.update(piece as Buffer);
  }
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
    const path = this.data.incomingPath();
    const allocated = allocate(path, info.totalSize);
    // Observed by whoever writes or assembles; this keeps an early failure from being "unhandled".
    allocated.catch(() => {});
    const session: ChunkSession = {
      path,
      allocated,
      uploadToken,
      identifier: info.identifier,
      totalSize: info.totalSize,
      chunkSize: info.chunkSize,
      totalChunks: info.totalChunks,
      fileName: info.fileName,
      contentType,
      received: new Set(),
      writing: new Set(),
      completion: null,
      hashing: {
        hash: createHash("sha256"),
        hashed: 0,
        work: Promise.resolve(),
        stale: false,
        failed: false,
      },
    };
    this.sessions.set(this.key(uploadToken, info.identifier), session);
    return session;
  }

  /**
   * Where a chunk's bytes go as they arrive: its region of the session's file, when the chunk
   * is new to a file still being assembled. `null` (a separate file, copied in by `keep`) for a
   * chunk already received or being written by another request, so that a repeated chunk never
   * changes bytes that were hashed or are being completed.
   */
  region(uploadToken: string, info: ChunkInfo, contentType: string): FileRegion | null {
    const session = this.open(uploadToken, info, contentType);
    if (typeof session === "string" || session.completion) return null;
    const { number } = info;
    if (session.received.has(number) || session.writing.has(number)) return null;
    session.writing.add(number);
    return {
      path: session.path,
      start: chunkStart(session, number),
      length: chunkEnd(session, number) - chunkStart(session, number),
      ready: session.allocated,
      release: () => session.writing.delete(number),
    };
  }

  /**
   * Keeps a received chunk of the right size: one written in place is simply counted; one in a
   * separate file is copied to its offset (a repeated chunk replaces the earlier copy). Copies
   * take turns with the hashing, so a file is never completed or hashed mid-copy.
   */
  async keep(session: ChunkSession, number: number, file: ReceivedFile): Promise<void> {
    const running = session.hashing;
    if (!file.inPlace) {
      const copy = running.work.then(async () => {
        await session.allocated;
        await pipeline(
          createReadStream(file.path, { highWaterMark: MiB }),
          createWriteStream(session.path, { flags: "r+", start: chunkStart(session, number) }),
        );
        if (number <= running.hashed) running.stale = true;
      });
      running.work = copy.catch(() => {});
      try {
        await copy;
      } finally {
        await rm(file.path, { force: true });
      }
    }
    session.received.add(number);
    this.hashAhead(session);
  }

  /** Hashes the chunks that now follow on from what is hashed, in the background. */
  private hashAhead(session: ChunkSession): void {
    const running = session.hashing;
    running.work = running.work.then(async () => {
      // The final chunk is left to `assemble`, which runs once every chunk is in.
      while (
        !running.failed &&
        running.hashed + 1 < session.totalChunks &&
        session.received.has(running.hashed + 1)
      ) {
        const number = running.hashed + 1;
        try {
          await hashRange(
            running.hash,
            session.path,
            chunkStart(session, number),
            chunkEnd(session, number),
          );
          running.hashed = number;
        } catch {
          running.failed = true;
        }
      }
    });
  }

  /** Forgets a session and its file (refused file, deleted upload, reset). */
  async discard(session: ChunkSession): Promise<void> {
    this.sessions.delete(this.key(session.uploadToken, session.identifier));
    await session.allocated.catch(() => {});
    await rm(session.path, { force: true });
  }

  clear(): void {
    this.sessions.clear();
  }

  /** The complete file (every chunk received), with its SHA-256. */
  async assemble(session: ChunkSession): Promise<ReceivedFile> {
    await session.allocated;
    const running = session.hashing;
    await running.work;
    let sha256: string;
    if (running.stale || running.failed) {
      const hash = createHash("sha256");
      await hashRange(hash, session.path, 0, session.totalSize);
      sha256 = hash.digest("hex");
    } else {
      await hashRange(
        running.hash,
        session.path,
        chunkStart(session, running.hashed + 1),
        session.totalSize,
      );
      sha256 = running.hash.digest("hex");
    }
    return {
      path: session.path,
      size: session.totalSize,
      sha256,
      fileName: session.fileName,
      contentType: session.contentType,
    };
  }
}
