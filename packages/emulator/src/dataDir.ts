import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const SUBDIRS = ["incoming", "uploads", "chunks"] as const;

/** The emulator's folders on disk: bytes being received, stored uploads, and chunks. */
export interface DataDir {
  readonly root: string;
  /** A fresh path under `incoming/` for a part being received. */
  incomingPath(): string;
  /** Where an upload's bytes end up. */
  uploadPath(photoId: string, fileName: string): string;
  /** A folder for the chunks of one resumable upload. */
  chunkDir(sessionId: string): string;
  /** Empties the emulator's folders (reset). */
  clear(): Promise<void>;
  /** Removes what the emulator created (close), unless it was asked to keep it. */
  dispose(keep: boolean): Promise<void>;
}

function safeName(fileName: string): string {
  const base = path.basename(fileName.replaceAll("\\", "/"));
  const cleaned = base.replace(/[^\w.-]+/g, "_").slice(-100);
  return cleaned === "" || /^\.+$/.test(cleaned) ? "file" : cleaned;
}

/** Creates (or adopts) the data directory. */
export async function createDataDir(requested: string | null): Promise<DataDir> {
  const createdByUs = requested === null || !existsSync(requested);
  const root =
    requested === null
      ? await mkdtemp(path.join(tmpdir(), "tt-emulator-"))
      : path.resolve(requested);
  await mkdir(root, { recursive: true });
  const makeSubdirs = () =>
    Promise.all(SUBDIRS.map((name) => mkdir(path.join(root, name), { recursive: true })));
  await makeSubdirs();
  const removeSubdirs = () =>
    Promise.all(SUBDIRS.map((name) => rm(path.join(root, name), { recursive: true, force: true })));
  return {
    root,
    incomingPath: () => path.join(root, "incoming", randomBytes(12).toString("hex")),
    uploadPath: (photoId, fileName) =>
      path.join(root, "uploads", `${photoId}-${safeName(fileName)}`),
    chunkDir: (sessionId) => path.join(root, "chunks", sessionId),
    async clear() {
      await removeSubdirs();
      await makeSubdirs();
    },
    async dispose(keep) {
      if (keep) return;
      // Never delete a folder the user pointed us at: only what we put in it.
      if (createdByUs) await rm(root, { recursive: true, force: true });
      else await removeSubdirs();
    },
  };
}
