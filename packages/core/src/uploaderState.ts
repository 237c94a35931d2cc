// The uploader's state: the public snapshot plus the bookkeeping that keeps each change cheap.
// Counts and byte totals are updated incrementally, so one change costs O(1) besides copying
// the items array; see `uploaderReducer` for the transitions.
import { createItemsById, type ItemIndex } from "./itemsById.js";
import type {
  ProgressState,
  StatusCounts,
  UploaderSnapshot,
  UploadItem,
  UploadStatus,
} from "./types.js";

/** Byte totals over the items that count towards overall progress. */
export interface Totals {
  readonly loaded: number;
  readonly total: number;
  readonly speed: number;
  /** Items contributing to `speed`. */
  readonly measured: number;
}

/** The reducer's state: the public snapshot plus bookkeeping. */
export interface UploaderState {
  readonly snapshot: UploaderSnapshot;
  /** Items waiting for `start()` (added while `autoStart` was off). */
  readonly idle: ReadonlySet<string>;
  readonly index: ItemIndex;
  readonly totals: Totals;
}

const unsettled: ReadonlySet<UploadStatus> = new Set<UploadStatus>([
  "queued",
  "uploading",
  "processing",
  "retrying",
  "paused",
]);

/** Whether an item is still in play (not succeeded, failed, canceled or rejected). */
export function isUnsettled(status: UploadStatus): boolean {
  return unsettled.has(status);
}

const emptyCounts: StatusCounts = {
  rejected: 0,
  queued: 0,
  uploading: 0,
  processing: 0,
  retrying: 0,
  paused: 0,
  succeeded: 0,
  failed: 0,
  canceled: 0,
};

/** Progress of an item that has sent nothing (yet). */
export function zeroProgress(size: number): ProgressState {
  return { loaded: 0, total: size, fraction: 0, bytesPerSecond: null, secondsRemaining: null };
}

export function fullProgress(size: number): ProgressState {
  return { loaded: size, total: size, fraction: 1, bytesPerSecond: null, secondsRemaining: 0 };
}

// What an item adds to the overall progress: rejected and canceled items count for nothing; a
// stored upload counts in full, even while it waits for encoding.
function contribution(item: UploadItem): Totals {
  if (item.status === "rejected" || item.status === "canceled") {
    return { loaded: 0, total: 0, speed: 0, measured: 0 };
  }
  if (item.status === "succeeded" || item.result !== null) {
    return { loaded: item.size, total: item.size, speed: 0, measured: 0 };
  }
  const speed = item.status === "uploading" ? item.progress.bytesPerSecond : null;
  return {
    loaded: Math.min(item.size, item.progress.loaded),
    total: item.size,
    speed: speed ?? 0,
    measured: speed === null ? 0 : 1,
  };
}

/** The state of an empty uploader. */
export function createUploaderState(isOnline = true): UploaderState {
  const index: ItemIndex = new Map();
  const totals = { loaded: 0, total: 0, speed: 0, measured: 0 };
  return {
    snapshot: buildSnapshot([], index, emptyCounts, totals, isOnline, 0, null),
    idle: new Set(),
    index,
    totals,
  };
}

function buildSnapshot(
  items: readonly UploadItem[],
  index: ItemIndex,
  counts: StatusCounts,
  totals: Totals,
  isOnline: boolean,
  idleCount: number,
  previous: UploaderSnapshot | null,
): UploaderSnapshot {
  const bytesPerSecond = totals.measured > 0 ? totals.speed : null;
  const remaining = Math.max(0, totals.total - totals.loaded);
  const next: ProgressState = {
    loaded: totals.loaded,
    total: totals.total,
    fraction: totals.total > 0 ? totals.loaded / totals.total : 0,
    bytesPerSecond,
    secondsRemaining:
      remaining === 0
        ? 0
        : bytesPerSecond !== null && bytesPerSecond > 0
          ? remaining / bytesPerSecond
          : null,
  };
  const old = previous?.progress;
  const progress =
    old !== undefined &&
    old.loaded === next.loaded &&
    old.total === next.total &&
    old.bytesPerSecond === next.bytesPerSecond
      ? old
      : next;
  return {
    items,
    byId: createItemsById(items, index),
    counts,
    progress,
    isOnline,
    isBusy:
      counts.uploading + counts.processing + counts.retrying > 0 ||
      counts.queued + counts.paused > idleCount,
  };
}

/** A change to apply: `null` before means added, `null` after means removed. */
export type Change = readonly [before: UploadItem | null, after: UploadItem | null];

export function commit(
  state: UploaderState,
  items: readonly UploadItem[],
  changes: readonly Change[],
  patch: { idle?: ReadonlySet<string>; index?: ItemIndex; isOnline?: boolean } = {},
): UploaderState {
  let counts = state.snapshot.counts;
  let { loaded, total, speed, measured } = state.totals;
  let mutableCounts: Record<UploadStatus, number> | null = null;
  const apply = (item: UploadItem, sign: 1 | -1) => {
    const part = contribution(item);
    loaded += sign * part.loaded;
    total += sign * part.total;
    speed += sign * part.speed;
    measured += sign * part.measured;
  };
  for (const [before, after] of changes) {
    if (before?.status !== after?.status) {
      mutableCounts ??= { ...counts };
      if (before) {
        mutableCounts[before.status] -= 1;
      }
      if (after) {
        mutableCounts[after.status] += 1;
      }
    }
    if (before) {
      apply(before, -1);
    }
    if (after) {
      apply(after, 1);
    }
  }
  counts = mutableCounts ?? counts;
  // Float sums drift; reset when nothing is measured.
  const totals = { loaded, total, speed: measured === 0 ? 0 : speed, measured };
  const idle = patch.idle ?? state.idle;
  const index = patch.index ?? state.index;
  const isOnline = patch.isOnline ?? state.snapshot.isOnline;
  return {
    snapshot: buildSnapshot(items, index, counts, totals, isOnline, idle.size, state.snapshot),
    idle,
    index,
    totals,
  };
}

/**
 * Applies `update` to the items chosen by `ids` (all items when `null`); `update` returns the
 * item unchanged to skip it. Returns the same state when nothing changed.
 */
export function updateItems(
  state: UploaderState,
  ids: readonly string[] | null,
  update: (item: UploadItem) => UploadItem,
  patch: { idle?: ReadonlySet<string>; isOnline?: boolean } = {},
): UploaderState {
  const { items, byId } = state.snapshot;
  const changes: Change[] = [];
  let next: UploadItem[] | null = null;
  const visit = (item: UploadItem, position: number) => {
    const after = update(item);
    if (after !== item) {
      next ??= items.slice();
      next[position] = after;
      changes.push([item, after]);
    }
  };
  if (ids === null) {
    items.forEach(visit);
  } else {
    for (const id of ids) {
      const item = byId.get(id);
      const position = state.index.get(id);
      if (item !== undefined && position !== undefined) {
        visit(next?.[position] ?? item, position);
      }
    }
  }
  const idleChanged = patch.idle !== undefined && patch.idle !== state.idle;
  const onlineChanged = patch.isOnline !== undefined && patch.isOnline !== state.snapshot.isOnline;
  if (next === null && !idleChanged && !onlineChanged) {
    return state;
  }
  return commit(state, next ?? items, changes, patch);
}

/** `idle` without `ids` (all of them when `null`); the same set when nothing changes. */
export function withoutIds(
  idle: ReadonlySet<string>,
  ids: readonly string[] | null,
): ReadonlySet<string> {
  if (idle.size === 0) {
    return idle;
  }
  if (ids === null) {
    return new Set();
  }
  if (!ids.some((id) => idle.has(id))) {
    return idle;
  }
  const next = new Set(idle);
  ids.forEach((id) => next.delete(id));
  return next;
}
