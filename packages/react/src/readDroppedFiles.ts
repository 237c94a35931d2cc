// Reads files out of a drop, folders included. Entries must be taken from the DataTransfer while
// the drop event is being dispatched (the browser empties it afterwards); reading them may then
// continue asynchronously.

type Entry = FileSystemEntry;

function isFile(entry: Entry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectory(entry: Entry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
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

async function filesOf(entry: Entry): Promise<File[]> {
  if (isFile(entry)) {
    return [await fileOf(entry)];
  }
  if (isDirectory(entry)) {
    const nested = await Promise.all((await childrenOf(entry)).map(filesOf));
    return nested.flat();
  }
  return [];
}

/**
 * Starts reading a drop's files synchronously and resolves with all of them, folders traversed
 * in order. Without `webkitGetAsEntry` support it returns `dataTransfer.files` as is.
 */
export function readDroppedFiles(dataTransfer: DataTransfer): Promise<File[]> {
  const items = Array.from(dataTransfer.items ?? []).filter((item) => item.kind === "file");
  const canTraverse = items.length > 0 && items.every((item) => "webkitGetAsEntry" in item);
  if (!canTraverse) {
    return Promise.resolve(Array.from(dataTransfer.files));
  }
  // Collect entries (or plain files) now, before the event ends.
  const sources = items.map((item) => item.webkitGetAsEntry() ?? item.getAsFile());
  return Promise.all(
    sources.map((source) => {
      if (source instanceof File) {
        return [source];
      }
      return source ? filesOf(source) : [];
    }),
  ).then((lists) => lists.flat());
}
