// Turns what `add()` was given into items: files already in the queue and invalid ones become
// `rejected` items (never silently dropped), the others are accepted.
import { TwentyThreeUploadError } from "./errors.js";
import type { FileRejection, UploaderSnapshot, UploadItem, UploadMeta } from "./types.js";
import { zeroProgress } from "./uploaderState.js";
import { fileKey } from "./fileKey.js";
import { fileName, validateFiles, type FileRules } from "./validateFiles.js";

/** What {@link createUploadItems} needs. */
export interface CreateUploadItemsOptions {
  readonly files: Iterable<Blob> | ArrayLike<Blob>;
  readonly meta: UploadMeta | undefined;
  readonly metaOf: ((file: Blob & { name?: string }) => UploadMeta) | undefined;
  readonly rules: FileRules;
  readonly snapshot: UploaderSnapshot;
  /** Accept a file with the fingerprint of one in the queue (the same object never is). */
  readonly allowDuplicates: boolean;
}

let counter = 0;
let prefix: string | null = null;

/**
 * A unique item id: a random prefix (drawn once) and a counter. Cheaper than a UUID per file
 * when 10,000 files arrive at once, and still unique across uploaders and page loads.
 */
export function createItemId(): string {
  counter += 1;
  // join() makes a flat string; a template literal this long makes a rope (two strings and a
  // node per id) that lives as long as the item: at 10,000 files that is ~16 bytes a file.
  return [prepareItemIds(), counter.toString(36)].join("-");
}

/**
 * Draws the id prefix if that has not happened yet (and returns it). The uploader calls it when it
 * is created: a page's first `randomUUID` can take milliseconds, which would otherwise fall
 * between a file pick and its upload.
 */
export function prepareItemIds(): string {
  if (prefix === null) {
    const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
    prefix =
      typeof crypto?.randomUUID === "function"
        ? crypto.randomUUID().slice(0, 13)
        : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  }
  return prefix;
}

/** With `allowDuplicates` every file is only itself: the engine keeps one job per file object. */
function keyOf(file: Blob, byIdentity: boolean): Blob | string {
  return byIdentity ? file : fileKey(file);
}

function defaultMeta(file: Blob): UploadMeta {
  const name = fileName(file);
  const title = name.replace(/\.[^./\\]+$/, "");
  return title ? { title } : {};
}

/**
 * @returns `items`: the new items (rejected ones included), in input order; `ids`: their ids;
 * `accepted`: the new items that will be uploaded.
 * @throws TwentyThreeUploadError `invalid_file` when an entry is not a Blob/File.
 */
export function createUploadItems(options: CreateUploadItemsOptions): {
  items: UploadItem[];
  ids: string[];
  accepted: UploadItem[];
} {
  const files = Array.from(options.files as ArrayLike<Blob>);
  files.forEach((file, position) => {
    if (typeof Blob === "undefined" || !(file instanceof Blob)) {
      const got = file === null ? "null" : typeof file;
      throw new TwentyThreeUploadError(
        "invalid_file",
        `add() takes File or Blob objects; entry ${position} is ${got}.`,
      );
    }
  });
  // The second of two same files is a duplicate: of an item still in the queue (rejected ones
  // aside) or of a file earlier in this call. Only items of a size being added can match.
  const byIdentity = options.allowDuplicates;
  const sizes = new Set(files.map((file) => file.size));
  const taken = new Set<Blob | string>();
  for (const item of options.snapshot.items) {
    if (item.status !== "rejected" && sizes.has(item.size)) {
      taken.add(keyOf(item.file, byIdentity));
    }
  }
  // A key already taken leaves the set's size unchanged.
  const isDuplicate = files.map((file) => taken.size === taken.add(keyOf(file, byIdentity)).size);
  const { counts, items } = options.snapshot;
  const verdicts = validateFiles(
    files.filter((_, position) => !isDuplicate[position]),
    { ...options.rules, existingCount: items.length - counts.rejected },
  );
  let next = 0;
  const accepted: UploadItem[] = [];
  const created = files.map((file, position): UploadItem => {
    const size = file.size;
    const name = fileName(file);
    const rejection: FileRejection | null = isDuplicate[position]
      ? { code: "duplicate", message: `${name || "This file"} is already in the queue.` }
      : (verdicts[next++]?.rejection ?? null);
    const item: UploadItem = {
      id: createItemId(),
      file,
      name,
      size,
      type: file.type,
      status: rejection === null ? "queued" : "rejected",
      progress: zeroProgress(size),
      attempt: 0,
      retryAt: null,
      meta: { ...(options.metaOf ?? defaultMeta)(file), ...options.meta },
      rejection,
      error: null,
      result: null,
    };
    if (rejection === null) {
      accepted.push(item);
    }
    return item;
  });
  return { items: created, ids: created.map((item) => item.id), accepted };
}
