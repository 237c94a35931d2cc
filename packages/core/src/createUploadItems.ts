// Turns what `add()` was given into items: known files map to their existing item, new ones are
// validated, and refused ones become `rejected` items (never silently dropped).
import { TwentyThreeUploadError } from "./errors.js";
import type { UploaderSnapshot, UploadItem, UploadMeta } from "./types.js";
import { zeroProgress } from "./uploaderState.js";
import { fileName, validateFiles, type FileRules } from "./validateFiles.js";

/** What {@link createUploadItems} needs. */
export interface CreateUploadItemsOptions {
  readonly files: Iterable<Blob> | ArrayLike<Blob>;
  readonly meta: UploadMeta | undefined;
  readonly metaOf: ((file: Blob & { name?: string }) => UploadMeta) | undefined;
  readonly rules: FileRules;
  readonly snapshot: UploaderSnapshot;
  /** The id of the item that already holds this file, if any. */
  readonly existing: (file: Blob) => string | null;
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

function defaultMeta(file: Blob): UploadMeta {
  const name = fileName(file);
  const title = name.replace(/\.[^./\\]+$/, "");
  return title ? { title } : {};
}

/**
 * @returns `items`: the new items (rejected ones included), in input order; `ids`: one id per
 * input file (the existing id for a file already in the queue); `accepted`: the new items that
 * will be uploaded.
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
  const ids: string[] = [];
  const seen = new Map<Blob, string>();
  const fresh: Blob[] = [];
  const freshIds: string[] = [];
  for (const file of files) {
    const id = options.existing(file) ?? seen.get(file);
    if (id !== undefined && id !== null) {
      ids.push(id);
      continue;
    }
    const newId = createItemId();
    seen.set(file, newId);
    fresh.push(file);
    freshIds.push(newId);
    ids.push(newId);
  }
  const { counts, items } = options.snapshot;
  const verdicts = validateFiles(fresh, {
    ...options.rules,
    existingCount: items.length - counts.rejected,
  });
  const accepted: UploadItem[] = [];
  const created = verdicts.map(({ file, rejection }, position): UploadItem => {
    const size = file.size;
    const item: UploadItem = {
      id: freshIds[position] ?? createItemId(),
      file,
      name: fileName(file),
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
  return { items: created, ids, accepted };
}
