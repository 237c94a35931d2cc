// Holds the uploader's state and tells subscribers about changes. Status changes notify promptly
// (once per microtask, however many actions ran in it); byte progress is collected and applied
// at most once per animation frame, so uploads in flight cost at most one render per frame.
import { createFrameScheduler, type FrameSchedulerOptions } from "./frameScheduler.js";
import type { UploaderSnapshot } from "./types.js";
import type { ProgressUpdate, UploaderAction } from "./uploaderActions.js";
import { uploaderReducer } from "./uploaderReducer.js";
import { createUploaderState, type UploaderState } from "./uploaderState.js";

/** The uploader's state container. */
export interface UploaderStore {
  getSnapshot(): UploaderSnapshot;
  getState(): UploaderState;
  subscribe(listener: () => void): () => void;
  /** Applies an action now; subscribers hear about it in a microtask. */
  dispatch(action: UploaderAction): void;
  /** Records progress; applied and announced on the next frame. */
  queueProgress(update: ProgressUpdate): void;
  /** Forgets progress not applied yet for an item (its attempt is over). */
  dropProgress(id: string): void;
  /** Stops notifying; the state stays readable. */
  destroy(): void;
}

/** Options of {@link createUploaderStore}. */
export interface UploaderStoreOptions {
  readonly isOnline: boolean;
  readonly frame?: FrameSchedulerOptions;
}

/** Creates a store holding an empty uploader state. */
export function createUploaderStore(options: UploaderStoreOptions): UploaderStore {
  let state = createUploaderState(options.isOnline);
  let announced = state.snapshot;
  const listeners = new Set<() => void>();
  const pending = new Map<string, ProgressUpdate>();
  let isMicrotaskQueued = false;
  let isDestroyed = false;

  const notify = () => {
    if (isDestroyed || announced === state.snapshot) {
      return;
    }
    announced = state.snapshot;
    for (const listener of [...listeners]) {
      listener();
    }
  };
  const frame = createFrameScheduler(() => {
    if (pending.size > 0) {
      const updates = [...pending.values()];
      pending.clear();
      state = uploaderReducer(state, { type: "progressed", updates });
    }
    notify();
  }, options.frame);

  return {
    getSnapshot: () => state.snapshot,
    getState: () => state,
    subscribe(listener) {
      if (isDestroyed) {
        return () => {};
      }
      const entry = () => listener();
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    dispatch(action) {
      const next = uploaderReducer(state, action);
      if (next === state) {
        return;
      }
      state = next;
      if (!isMicrotaskQueued && !isDestroyed) {
        isMicrotaskQueued = true;
        queueMicrotask(() => {
          isMicrotaskQueued = false;
          notify();
        });
      }
    },
    queueProgress(update) {
      if (isDestroyed) {
        return;
      }
      pending.set(update.id, update);
      frame.schedule();
    },
    dropProgress(id) {
      pending.delete(id);
    },
    destroy() {
      isDestroyed = true;
      frame.cancel();
      pending.clear();
      listeners.clear();
    },
  };
}
