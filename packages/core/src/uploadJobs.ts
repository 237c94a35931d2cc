// The engine's jobs, found through the store's items instead of a Map of their own, and made
// only when first needed: a file waiting for `start()` is just its id in a WeakMap entry (the
// entry that also spots a file added twice). In a 10,000-file queue added with `autoStart: false`
// that saves a job record and a Map entry per file (~75 bytes a file).
import type { UploadItem } from "./types.js";
import type { UploaderStore } from "./uploaderStore.js";
import { createUploadJob, type UploadJob } from "./uploadJob.js";

/** The jobs of one uploader's accepted items. */
export interface UploadJobs {
  /** Records a newly accepted item: its job when given, else an idle job made on first use. */
  add(item: UploadItem, job?: UploadJob): void;
  /** The job of item `id` (made now if it was idle and not made yet); `null` for other ids. */
  get(id: string): UploadJob | null;
  /** The id of the accepted item that holds `file`, if any. */
  idOf(file: Blob): string | null;
  /** Every job in the order its item was added (idle jobs are made on the way). */
  all(): Generator<UploadJob>;
  /** The jobs made so far; every other accepted item is idle. */
  made(): Generator<UploadJob>;
  /** How many jobs are not settled and not encoding (idle ones included). */
  unsettled(): number;
  /** Forgets item `id`'s job. */
  delete(id: string): void;
  /** Forgets every job. */
  clear(): void;
}

/** Creates the job registry of an uploader whose items live in `store`. */
export function createUploadJobs(store: UploaderStore): UploadJobs {
  // File → its item's job, or its item's id while that job is idle and not made yet.
  let byFile = new WeakMap<Blob, UploadJob | string>();

  // The entry of `item`, if it is the item's own (a rejected item may hold a file that was
  // added again and accepted as a new item).
  function entryOf(item: UploadItem): UploadJob | string | null {
    const entry = byFile.get(item.file);
    const id = typeof entry === "string" ? entry : entry?.id;
    return entry !== undefined && id === item.id ? entry : null;
  }

  function jobOf(item: UploadItem): UploadJob | null {
    const entry = entryOf(item);
    if (typeof entry !== "string") {
      return entry;
    }
    // name, size, type and meta, which a job reads from its item, never change.
    const job = createUploadJob(item);
    byFile.set(item.file, job);
    return job;
  }

  return {
    add(item, job) {
      byFile.set(item.file, job ?? item.id);
    },
    get(id) {
      const item = store.getSnapshot().byId.get(id);
      return item === undefined ? null : jobOf(item);
    },
    idOf(file) {
      const entry = byFile.get(file);
      return entry === undefined ? null : typeof entry === "string" ? entry : entry.id;
    },
    *all() {
      // This snapshot's items: jobs settled on the way change the store, not this array.
      for (const item of store.getSnapshot().items) {
        const job = jobOf(item);
        if (job !== null) {
          yield job;
        }
      }
    },
    *made() {
      for (const item of store.getSnapshot().items) {
        const entry = entryOf(item);
        if (entry !== null && typeof entry !== "string") {
          yield entry;
        }
      }
    },
    unsettled() {
      let count = 0;
      for (const item of store.getSnapshot().items) {
        const entry = entryOf(item);
        if (typeof entry === "string") {
          count += 1;
        } else if (entry !== null && entry.phase !== "settled" && entry.phase !== "encoding") {
          count += 1;
        }
      }
      return count;
    },
    delete(id) {
      const item = store.getSnapshot().byId.get(id);
      if (item !== undefined && entryOf(item) !== null) {
        byFile.delete(item.file);
      }
    },
    clear() {
      byFile = new WeakMap();
    },
  };
}
