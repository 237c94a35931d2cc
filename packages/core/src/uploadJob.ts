// The engine's private record of one accepted file: what the snapshot does not need to show.
import type { UploadError } from "./errors.js";
import type { NormalizedUploaderOptions } from "./normalizeUploaderOptions.js";
import type { OnlineMonitor } from "./onlineMonitor.js";
import type { TokenLease, TokenManager } from "./tokenManager.js";
import type { Transport, UploadItem } from "./types.js";
import type { UploaderStore } from "./uploaderStore.js";

/**
 * Where a job is: `idle` waits for `start()`; `ready` is in line for a slot; `running` holds a
 * slot (token, sending, reconciling); `waiting` sits out a backoff; `encoding` polls for the
 * encoded video (no slot); `settled` is done (succeeded, failed or canceled).
 */
export type JobPhase = "idle" | "ready" | "running" | "waiting" | "encoding" | "settled";

/** One accepted file's engine state. Mutable, private to the engine. */
export interface UploadJob {
  readonly id: string;
  readonly file: Blob;
  /** The item as added (name, size, type, meta never change). */
  readonly item: UploadItem;
  phase: JobPhase;
  /** Aborts whatever runs for this job now (an attempt or the encoding poll). */
  run: AbortController | null;
  /** The backoff timer while `waiting`. */
  timer: ReturnType<typeof setTimeout> | null;
  attempt: number;
  retriesUsed: number;
  hasRefreshedToken: boolean;
  /**
   * An attempt that may have stored the file (its body was sent and no answer said otherwise):
   * look it up before sending again. `error` is `null` while that attempt is still running.
   */
  unreconciled: {
    readonly token: TokenLease["token"];
    readonly isShared: boolean;
    readonly error: UploadError | null;
  } | null;
  /** A person retried: send again when the lookup cannot tell (the item warned about it). */
  isRetried: boolean;
  /**
   * The running attempt's request is under way (its transport reported progress), as
   * `unreconciled` would record it. A cancel from here on has a retry look first, quietly.
   */
  sending: UploadJob["unreconciled"];
}

/** Creates the job of a newly added item. */
export function createUploadJob(item: UploadItem): UploadJob {
  return {
    id: item.id,
    file: item.file,
    item,
    phase: "idle",
    run: null,
    timer: null,
    attempt: 0,
    retriesUsed: 0,
    hasRefreshedToken: false,
    unreconciled: null,
    isRetried: false,
    sending: null,
  };
}

/** What a running job needs from its uploader. */
export interface UploaderEngine {
  readonly store: UploaderStore;
  readonly tokens: TokenManager;
  readonly monitor: OnlineMonitor;
  /** photo_ids already credited to an item: reconciliation never credits one twice. */
  readonly attributed: Set<string>;
  /** Attempts holding a slot. */
  readonly running: Set<AbortController>;
  /** Every job, in the order added; a job not made yet (so idle) is its item's id. */
  jobs(): readonly (UploadJob | string)[];
  settings(): NormalizedUploaderOptions;
  transport(): Transport;
  /** Puts a job in line: first (retries) or last (new files). */
  makeReady(job: UploadJob, isFirst: boolean): void;
  /** Starts jobs while slots are free. */
  pump(): void;
  isDestroyed(): boolean;
}
