// Every state change of the uploader is one of these actions, applied by `uploaderReducer`.
import type { UploadError } from "./errors.js";
import type { ProgressState, UploadItem, UploadResult } from "./types.js";

/** New progress for an item's current attempt (ignored if the attempt is over). */
export interface ProgressUpdate {
  readonly id: string;
  readonly attempt: number;
  readonly progress: ProgressState;
}

/** The actions of the uploader's reducer, discriminated by `type`. */
export type UploaderAction =
  /** Items were added (accepted ones `queued`, refused ones `rejected`). `idle`: they wait for `start()`. */
  | { readonly type: "added"; readonly items: readonly UploadItem[]; readonly idle: boolean }
  /** `start()`: the listed idle items (or all) will start by themselves from now on. */
  | { readonly type: "startRequested"; readonly ids: readonly string[] | null }
  /** An attempt began (getting a token, then sending): `uploading`. */
  | { readonly type: "attemptStarted"; readonly id: string; readonly attempt: number }
  /** Byte progress of attempts in flight, batched per frame. */
  | { readonly type: "progressed"; readonly updates: readonly ProgressUpdate[] }
  /** The whole body was sent; waiting for the answer: `processing`. */
  | { readonly type: "bodySent"; readonly id: string; readonly attempt: number }
  /** The upload is stored; waiting for encoding: `processing` with a result. */
  | { readonly type: "encodingStarted"; readonly id: string; readonly result: UploadResult }
  /** Waiting out a backoff before the next attempt: `retrying`. */
  | {
      readonly type: "retryScheduled";
      readonly id: string;
      readonly error: UploadError;
      readonly retryAt: number;
    }
  /** Back in line for a slot: `queued` (or `paused` while offline). */
  | { readonly type: "requeued"; readonly id: string; readonly error: UploadError | null }
  | { readonly type: "succeeded"; readonly id: string; readonly result: UploadResult }
  | { readonly type: "failed"; readonly id: string; readonly error: UploadError }
  /**
   * The listed unsettled items (or all) were canceled; `error` (ambiguous) becomes the error of
   * those whose file may be stored: sent without an answer yet (`processing`), or listed in
   * `maybeStored` (the engine knows an attempt may have reached TwentyThree, e.g. the iframe's
   * form POST, which shows no progress).
   */
  | {
      readonly type: "canceled";
      readonly ids: readonly string[] | null;
      readonly error: UploadError;
      readonly maybeStored: readonly string[];
    }
  /** `retry()`: the listed failed or canceled items (or all) go back in line. */
  | { readonly type: "retryRequested"; readonly ids: readonly string[] | null }
  | { readonly type: "removed"; readonly ids: readonly string[] }
  /** The browser went offline (waiting items pause) or online (they resume). */
  | { readonly type: "connectivityChanged"; readonly isOnline: boolean };
