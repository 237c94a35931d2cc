import type { FileRejection } from "@twentythree-upload/core";

// Reads files out of a drop, folders included. Entries must be taken from the DataTransfer while
// the drop event is being dispatched (the browser empties it afterwards); reading them may then
// continue asynchronously. One entry that cannot be read (a file deleted mid-drag, a broken link
// in a folder, no permission) must not cost the rest of the drop, and must not vanish silently:
// every entry settles on its own, and the failures come back as typed refusals. A dropped folder
// with no file in it is reported too: otherwise the drop would do nothing and say nothing.

type Entry = FileSystemEntry;

/** An entry of a drop that added nothing: it could not be read, or it is an empty folder. */
export interface UnreadableEntry {
  /** The entry's path within the drop, e.g. `"clips/broken.mov"` (its name when at the top). */
  readonly name: string;
  /** `code: "unreadable"` or `"empty-folder"`, with a sentence naming the entry. */
  readonly rejection: FileRejection;
}

/** What {@link readDroppedFiles} resolves with. */
export interface DroppedFiles {
  /** Every file that could be read, folders traversed in order. */
  readonly files: File[];
  /**
   * Every file or folder that could not be read, and every dropped folder with no file in it,
   * in order. Empty when every entry gave files.
   */
  readonly unreadable: UnreadableEntry[];
}

interface Collected {
  files: File[];
  unreadable: UnreadableEntry[];
}

function isFile(entry: Entry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectory(entry: Entry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

// The DOMException's name says why (NotFoundError, NotReadableError, SecurityError) without
// repeating a browser message that may contain a local path.
function unreadableEntry(name: string, error: unknown): UnreadableEntry {
  const reason =
    error instanceof Error || (typeof error === "object" && error !== null && "name" in error)
      ? String((error as { name: unknown }).name)
      : "";
  const because = reason && reason !== "Error" ? ` (${reason})` : "";
  return {
    name,
    rejection: {
      code: "unreadable",
      message: `${name} could not be read${because} and was not added.`,
    },
  };
}

function emptyFolder(name: string): UnreadableEntry {
  return {
    name,
    rejection: {
      code: "empty-folder",
      message: `${name} is an empty folder: there was nothing in it to add.`,
    },
  };
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

// readEntries returns at most ~100 entries per call; keep calling until it returns none.
async function childrenOf(directory: FileSystemDirectoryEntry): Promise<Entry[]> {
  const reader = directory.createReader();
  const all: Entry[] = [];
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) {
      return all;
    }
    all.push(...batch);
  }
}

function pathOf(parent: string, entry: Entry): string {
  return parent ? `${parent}/${entry.name}` : entry.name;
}

// Never rejects: a failure becomes an UnreadableEntry where it happened, siblings carry on.
async function collect(entry: Entry, parent: string, into: Collected): Promise<void> {
  const path = pathOf(parent, entry);
  try {
    if (isFile(entry)) {
      into.files.push(await fileOf(entry));
      return;
    }
    if (!isDirectory(entry)) {
      return;
    }
    const children = await childrenOf(entry);
    // Read siblings concurrently but keep their order: each gets its own bucket.
    const buckets = children.map((): Collected => ({ files: [], unreadable: [] }));
    await Promise.all(children.map((child, i) => collect(child, path, buckets[i] as Collected)));
    for (const bucket of buckets) {
      into.files.push(...bucket.files);
      into.unreadable.push(...bucket.unreadable);
    }
  } catch (error) {
    into.unreadable.push(unreadableEntry(path, error));
  }
}

/**
 * Starts reading a drop's files synchronously and resolves with every file that could be read,
 * folders traversed in order, and a typed refusal for each file or folder that could not be
 * (`code: "unreadable"`) and each dropped folder without a file in it (`"empty-folder"`, for the
 * folders dropped, not for empty folders inside them). Never rejects. Without `webkitGetAsEntry` support it returns
 * `dataTransfer.files` as is.
 */
export function readDroppedFiles(dataTransfer: DataTransfer): Promise<DroppedFiles> {
  const items = Array.from(dataTransfer.items ?? []).filter((item) => item.kind === "file");
  const canTraverse = items.length > 0 && items.every((item) => "webkitGetAsEntry" in item);
  if (!canTraverse) {
    return Promise.resolve({ files: Array.from(dataTransfer.files), unreadable: [] });
  }
  // Collect entries (or plain files) now, before the event ends.
  const sources = items.map((item, position) => {
    try {
      return item.webkitGetAsEntry() ?? item.getAsFile();
    } catch (error) {
      return unreadableEntry(`Item ${position + 1}`, error);
    }
  });
  const buckets = sources.map((): Collected => ({ files: [], unreadable: [] }));
  return Promise.all(
    sources.map(async (source, i) => {
      const bucket = buckets[i] as Collected;
      if (source instanceof File) {
        bucket.files.push(source);
      } else if (source && "rejection" in source) {
        bucket.unreadable.push(source);
      } else if (source) {
        await collect(source, "", bucket);
        if (source.isDirectory && bucket.files.length === 0 && bucket.unreadable.length === 0) {
          bucket.unreadable.push(emptyFolder(source.name));
        }
      }
    }),
  ).then(() => ({
    files: buckets.flatMap((bucket) => bucket.files),
    unreadable: buckets.flatMap((bucket) => bucket.unreadable),
  }));
}
