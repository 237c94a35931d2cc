// The engine's jobs, found through the store's items instead of a Map of their own, and made
// only when first needed: a file waiting for `start()` is just its id in a WeakMap entry. In a
// 10,000-file queue added with `autoStart: false` that saves a job record and a Map entry per
// file (~75 bytes a file).
import type { UploadItem } from "./types.js";
import type { UploaderStore } from "./uploaderStore.js";
import { createUploadJob, type UploadJob } from "./uploadJob.js";

/** The jobs of one uploader's accepted items. */
export interface UploadJobs {
  /** Records a newly accepted item: its job when given, else an idle job made on first use. */
  add(item: UploadItem, job?: UploadJob): void;
  /** The job of item `id` (made now if it was idle and not made yet); `null` for other ids. */
  get(id: string): UploadJob | null;
  /**
   * Every job in the order its item was added. With `make`, idle jobs are made on the way;
   * without, a job not made yet (so idle) is its item's id.
   */
  list(make: true): UploadJob[];
  list(make: false): (UploadJob | string)[];
  /** Forgets item `id`'s job. */
  delete(id: string): void;
  /** Forgets every job. */
  clear(): void;
}

/** Creates the job registry of an uploader whose items live in `store`. */
export function createUploadJobs(store: UploaderStore): UploadJobs {
  // File → its item's job, or its item's id while that job is idle and not made yet.
  let byFile = new WeakMap<Blob, UploadJob | string>();
  const idOf = (file: Blob) => {
    const entry = byFile.get(file);
    return typeof entry === "object" ? entry.id : (entry ?? null);
  };

  // The entry of `item` if it is the item's own (a rejected item may hold a file that was added
  // again and accepted as a new item); with `make`, an idle job is made now. name, size, type
  // and meta, which a job reads from its item, never change.
  function entryOf(item: UploadItem, make: boolean): UploadJob | string | null {
    let entry = idOf(item.file) === item.id ? (byFile.get(item.file) ?? null) : null;
    if (make && typeof entry === "string") {
      byFile.set(item.file, (entry = createUploadJob(item)));
    }
    return entry;
  }

  function list(make: boolean): (UploadJob | string)[] {
    const entries: (UploadJob | string)[] = [];
    for (const item of store.getSnapshot().items) {
      const entry = entryOf(item, make);
      if (entry !== null) {
        entries.push(entry);
      }
    }
    return entries;
  }

  return {
    add(item, job) {
      byFile.set(item.file, job ?? item.id);
    },
    get(id) {
      const item = store.getSnapshot().byId.get(id);
      return item ? (entryOf(item, true) as UploadJob | null) : null;
    },
    list: list as UploadJobs["list"],
    delete(id) {
      const item = store.getSnapshot().byId.get(id);
      if (item && entryOf(item, false) !== null) {
        byFile.delete(item.file);
      }
    },
    clear() {
      byFile = new WeakMap();
    },
  };
}
