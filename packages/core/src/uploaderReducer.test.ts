import { describe, expect, it } from "vitest";
import { UploadError } from "./errors.js";
import type { UploadItem, UploadResult } from "./types.js";
import type { UploaderAction } from "./uploaderActions.js";
import { uploaderReducer } from "./uploaderReducer.js";
import { createUploaderState, zeroProgress, type UploaderState } from "./uploaderState.js";

const canceled = new UploadError("aborted", "The upload was canceled.", { ambiguous: true });

const item = (id: string, size = 100, status: UploadItem["status"] = "queued"): UploadItem => ({
  id,
  file: new Blob([new Uint8Array(size)]),
  name: `${id}.mov`,
  size,
  type: "video/quicktime",
  status,
  progress: zeroProgress(size),
  attempt: 0,
  retryAt: null,
  meta: { title: id },
  rejection: status === "rejected" ? { code: "empty", message: `${id} is empty.` } : null,
  error: null,
  result: null,
});
const result = (photoId: string): UploadResult => ({
  photoId,
  treeId: null,
  token: null,
  domain: null,
  params: {},
});
const run = (actions: UploaderAction[], state = createUploaderState()): UploaderState =>
  actions.reduce(uploaderReducer, state);
const added = (...items: UploadItem[]): UploaderAction => ({ type: "added", items, idle: false });
const network = new UploadError("network", "The connection was lost.");

describe("uploaderReducer", () => {
  it("starts empty, online and idle", () => {
    const { snapshot } = createUploaderState();
    expect(snapshot.items).toEqual([]);
    expect(snapshot.byId.size).toBe(0);
    expect(snapshot.isOnline).toBe(true);
    expect(snapshot.isBusy).toBe(false);
    expect(snapshot.progress).toMatchObject({ loaded: 0, total: 0, fraction: 0 });
  });

  it("adds items in order, indexes them by id and counts them by status", () => {
    const state = run([added(item("a"), item("b", 50, "rejected")), added(item("c"))]);
    const { snapshot } = state;
    expect(snapshot.items.map((entry) => entry.id)).toEqual(["a", "b", "c"]);
    expect(snapshot.byId.get("c")).toBe(snapshot.items[2]);
    expect(snapshot.byId.has("zzz")).toBe(false);
    expect([...snapshot.byId.keys()]).toEqual(["a", "b", "c"]);
    expect(snapshot.counts).toMatchObject({ queued: 2, rejected: 1 });
    // Rejected items do not count towards progress.
    expect(snapshot.progress.total).toBe(200);
    expect(snapshot.isBusy).toBe(true);
  });

  it("returns the same state for an action that changes nothing", () => {
    const state = run([added(item("a"))]);
    expect(uploaderReducer(state, added())).toBe(state);
    expect(uploaderReducer(state, { type: "failed", id: "missing", error: network })).toBe(state);
    expect(uploaderReducer(state, { type: "bodySent", id: "a", attempt: 1 })).toBe(state);
    expect(uploaderReducer(state, { type: "retryRequested", ids: null })).toBe(state);
    expect(uploaderReducer(state, { type: "removed", ids: ["missing"] })).toBe(state);
  });

  it("keeps the identity of items an action does not touch", () => {
    const before = run([added(item("a"), item("b"))]);
    const after = uploaderReducer(before, { type: "attemptStarted", id: "b", attempt: 1 });
    expect(after.snapshot).not.toBe(before.snapshot);
    expect(after.snapshot.items[0]).toBe(before.snapshot.items[0]);
    expect(after.snapshot.items[1]).not.toBe(before.snapshot.items[1]);
    // The earlier snapshot is untouched.
    expect(before.snapshot.byId.get("b")?.status).toBe("queued");
    expect(after.snapshot.byId.get("b")?.status).toBe("uploading");
  });

  it("walks an item through a successful upload", () => {
    const progress = {
      loaded: 50,
      total: 100,
      fraction: 0.5,
      bytesPerSecond: 25,
      secondsRemaining: 2,
    };
    let state = run([added(item("a")), { type: "attemptStarted", id: "a", attempt: 1 }]);
    expect(state.snapshot.byId.get("a")).toMatchObject({ status: "uploading", attempt: 1 });
    state = uploaderReducer(state, {
      type: "progressed",
      updates: [{ id: "a", attempt: 1, progress }],
    });
    expect(state.snapshot.byId.get("a")?.progress).toBe(progress);
    expect(state.snapshot.progress).toMatchObject({
      loaded: 50,
      total: 100,
      fraction: 0.5,
      bytesPerSecond: 25,
    });
    expect(state.snapshot.progress.secondsRemaining).toBe(2);
    state = uploaderReducer(state, { type: "bodySent", id: "a", attempt: 1 });
    expect(state.snapshot.byId.get("a")).toMatchObject({
      status: "processing",
      progress: { fraction: 1 },
    });
    state = uploaderReducer(state, { type: "succeeded", id: "a", result: result("42") });
    expect(state.snapshot.byId.get("a")).toMatchObject({
      status: "succeeded",
      result: { photoId: "42" },
    });
    expect(state.snapshot.counts).toMatchObject({ succeeded: 1, uploading: 0, processing: 0 });
    expect(state.snapshot.progress).toMatchObject({ loaded: 100, total: 100, fraction: 1 });
    expect(state.snapshot.isBusy).toBe(false);
  });

  it("ignores progress of an attempt that is over", () => {
    const state = run([
      added(item("a")),
      { type: "attemptStarted", id: "a", attempt: 1 },
      { type: "requeued", id: "a", error: network },
      { type: "attemptStarted", id: "a", attempt: 2 },
    ]);
    const stale = { loaded: 90, total: 100, fraction: 0.9, bytesPerSecond: 1, secondsRemaining: 1 };
    expect(
      uploaderReducer(state, {
        type: "progressed",
        updates: [{ id: "a", attempt: 1, progress: stale }],
      }),
    ).toBe(state);
    const done = uploaderReducer(state, { type: "succeeded", id: "a", result: result("1") });
    expect(
      uploaderReducer(done, {
        type: "progressed",
        updates: [{ id: "a", attempt: 2, progress: stale }],
      }),
    ).toBe(done);
  });

  it("shows a backoff as retrying with its time, then queued again", () => {
    let state = run([added(item("a")), { type: "attemptStarted", id: "a", attempt: 1 }]);
    state = uploaderReducer(state, {
      type: "retryScheduled",
      id: "a",
      error: network,
      retryAt: 5000,
    });
    expect(state.snapshot.byId.get("a")).toMatchObject({
      status: "retrying",
      retryAt: 5000,
      error: network,
    });
    expect(state.snapshot.isBusy).toBe(true);
    state = uploaderReducer(state, { type: "requeued", id: "a", error: network });
    expect(state.snapshot.byId.get("a")).toMatchObject({ status: "queued", retryAt: null });
    state = uploaderReducer(state, { type: "attemptStarted", id: "a", attempt: 2 });
    expect(state.snapshot.byId.get("a")).toMatchObject({
      status: "uploading",
      attempt: 2,
      error: null,
    });
  });

  it("never changes a settled item except through retryRequested or removed", () => {
    const state = run([
      added(item("a")),
      { type: "attemptStarted", id: "a", attempt: 1 },
      { type: "failed", id: "a", error: network },
    ]);
    expect(state.snapshot.byId.get("a")).toMatchObject({ status: "failed", error: network });
    for (const action of [
      { type: "attemptStarted", id: "a", attempt: 2 },
      { type: "succeeded", id: "a", result: result("1") },
      { type: "canceled", ids: null, error: canceled, maybeStored: [] },
      { type: "requeued", id: "a", error: null },
      { type: "connectivityChanged", isOnline: true },
    ] satisfies UploaderAction[]) {
      expect(uploaderReducer(state, action).snapshot.items).toBe(state.snapshot.items);
    }
    const retried = uploaderReducer(state, { type: "retryRequested", ids: ["a"] });
    expect(retried.snapshot.byId.get("a")).toMatchObject({ status: "queued", error: null });
  });

  it("gives an item canceled after its body was sent (no answer yet) the ambiguous error", () => {
    const state = run([
      added(item("a"), item("b")),
      { type: "attemptStarted", id: "a", attempt: 1 },
      { type: "bodySent", id: "a", attempt: 1 },
      { type: "attemptStarted", id: "b", attempt: 1 },
      { type: "canceled", ids: null, error: canceled, maybeStored: [] },
    ]);
    expect(state.snapshot.byId.get("a")).toMatchObject({ status: "canceled", error: canceled });
    expect(state.snapshot.byId.get("b")).toMatchObject({ status: "canceled", error: null });
  });

  it("gives the ambiguous error to items the engine says may be stored, though still uploading", () => {
    // The iframe's form POST: no progress, no "body sent", but submitted.
    const state = run([
      added(item("a"), item("b")),
      { type: "attemptStarted", id: "a", attempt: 1 },
      { type: "attemptStarted", id: "b", attempt: 1 },
      { type: "canceled", ids: null, error: canceled, maybeStored: ["a"] },
    ]);
    expect(state.snapshot.byId.get("a")).toMatchObject({ status: "canceled", error: canceled });
    expect(state.snapshot.byId.get("b")).toMatchObject({ status: "canceled", error: null });
  });

  it("cancels only unsettled items", () => {
    const state = run([
      added(item("a"), item("b"), item("c", 10, "rejected")),
      { type: "attemptStarted", id: "a", attempt: 1 },
      { type: "succeeded", id: "a", result: result("1") },
      { type: "canceled", ids: null, error: canceled, maybeStored: [] },
    ]);
    expect(state.snapshot.items.map((entry) => entry.status)).toEqual([
      "succeeded",
      "canceled",
      "rejected",
    ]);
    expect(state.snapshot.progress).toMatchObject({ loaded: 100, total: 100 });
    expect(state.snapshot.isBusy).toBe(false);
  });

  it("removes items, keeping byId and counts in sync", () => {
    const state = run([added(item("a"), item("b"), item("c")), { type: "removed", ids: ["b"] }]);
    expect(state.snapshot.items.map((entry) => entry.id)).toEqual(["a", "c"]);
    expect(state.snapshot.byId.get("b")).toBeUndefined();
    expect(state.snapshot.byId.get("c")).toBe(state.snapshot.items[1]);
    expect(state.snapshot.counts.queued).toBe(2);
    expect(state.snapshot.progress.total).toBe(200);
  });

  it("keeps older snapshots' byId correct when later items are added", () => {
    const first = run([added(item("a"))]);
    const second = uploaderReducer(first, added(item("b")));
    const branch = uploaderReducer(first, added(item("x")));
    expect(first.snapshot.byId.get("b")).toBeUndefined();
    expect(first.snapshot.byId.size).toBe(1);
    expect(second.snapshot.byId.get("b")?.id).toBe("b");
    expect(branch.snapshot.byId.get("b")).toBeUndefined();
    expect(branch.snapshot.byId.get("x")?.id).toBe("x");
  });

  it("pauses waiting items while offline and resumes them online", () => {
    let state = run([
      added(item("a"), item("b"), item("c")),
      { type: "attemptStarted", id: "a", attempt: 1 },
      { type: "retryScheduled", id: "b", error: network, retryAt: 1 },
      { type: "connectivityChanged", isOnline: false },
    ]);
    expect(state.snapshot.isOnline).toBe(false);
    // In flight: allowed to finish or fail by itself.
    expect(state.snapshot.items.map((entry) => entry.status)).toEqual([
      "uploading",
      "paused",
      "paused",
    ]);
    state = uploaderReducer(state, { type: "requeued", id: "a", error: network });
    expect(state.snapshot.byId.get("a")?.status).toBe("paused");
    state = uploaderReducer(state, { type: "connectivityChanged", isOnline: true });
    expect(state.snapshot.items.map((entry) => entry.status)).toEqual([
      "queued",
      "queued",
      "queued",
    ]);
  });

  it("adds files as paused while offline", () => {
    const state = run([
      { type: "connectivityChanged", isOnline: false },
      added(item("a"), item("b", 10, "rejected")),
    ]);
    expect(state.snapshot.items.map((entry) => entry.status)).toEqual(["paused", "rejected"]);
    expect(state.snapshot.counts).toMatchObject({ paused: 1, queued: 0 });
  });

  it("does not call the queue busy while items wait for start()", () => {
    let state = uploaderReducer(createUploaderState(), {
      type: "added",
      items: [item("a"), item("b")],
      idle: true,
    });
    expect(state.snapshot.isBusy).toBe(false);
    state = uploaderReducer(state, { type: "startRequested", ids: ["a"] });
    expect(state.snapshot.isBusy).toBe(true);
    state = uploaderReducer(state, {
      type: "canceled",
      ids: ["a"],
      error: canceled,
      maybeStored: [],
    });
    expect(state.snapshot.isBusy).toBe(false);
    state = uploaderReducer(state, { type: "startRequested", ids: null });
    expect(state.snapshot.isBusy).toBe(true);
  });

  it("keeps the totals exact over many changes", () => {
    let state = run([added(...Array.from({ length: 50 }, (_, i) => item(`f${i}`, 10 + i)))]);
    for (let i = 0; i < 50; i += 1) {
      state = run(
        [
          { type: "attemptStarted", id: `f${i}`, attempt: 1 },
          i % 3 === 0
            ? { type: "failed", id: `f${i}`, error: network }
            : { type: "succeeded", id: `f${i}`, result: result(String(i)) },
        ],
        state,
      );
    }
    const expected = state.snapshot.items
      .filter((entry) => entry.status === "succeeded")
      .reduce((sum, entry) => sum + entry.size, 0);
    expect(state.snapshot.progress.loaded).toBe(expected);
    expect(state.snapshot.progress.total).toBe(
      state.snapshot.items.reduce((sum, entry) => sum + entry.size, 0),
    );
    expect(state.snapshot.counts).toMatchObject({ succeeded: 33, failed: 17 });
  });

  it("adds 10,000 items in one step", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => item(`n${i}`, 1));
    const state = uploaderReducer(createUploaderState(), {
      type: "added",
      items: many,
      idle: false,
    });
    expect(state.snapshot.items).toHaveLength(10_000);
    expect(state.snapshot.byId.get("n9999")?.id).toBe("n9999");
    expect(state.snapshot.counts.queued).toBe(10_000);
  });
});
