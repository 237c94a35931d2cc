import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setupUploader, videoFiles } from "../test/uploaderHarness.js";
import { createUploader } from "./createUploader.js";
import { TwentyThreeUploadError } from "./errors.js";
import type { Transport } from "./types.js";

beforeEach(() => vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") }));
afterEach(() => vi.useRealTimers());

/** Wraps a transport to count the uploads it runs at once; `mostInFlight()` is the peak. */
function countingInFlight(transport: Transport): Transport & { mostInFlight: () => number } {
  let inFlight = 0;
  let most = 0;
  const counted = async (request: Parameters<Transport>[0]) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    try {
      return await transport(request);
    } finally {
      inFlight -= 1;
    }
  };
  return Object.assign(counted, { mostInFlight: () => most });
}

describe("createUploader: the queue", () => {
  it("uploads every file once, never more than `concurrency` at a time", async () => {
    const { uploader, transport, token, statuses } = setupUploader({ concurrency: 3 });
    const counted = countingInFlight(transport);
    uploader.setOptions({ transport: counted });
    const files = videoFiles(7);
    uploader.add(files);
    await vi.advanceTimersByTimeAsync(500);
    expect(uploader.getSnapshot().counts).toMatchObject({ uploading: 3, queued: 4 });
    await vi.runAllTimersAsync();
    expect(statuses()).toEqual(Array(7).fill("succeeded"));
    expect(counted.mostInFlight()).toBe(3);
    expect(transport.uploads.map((upload) => upload.fileName).sort()).toEqual(
      files.map((file) => file.name).sort(),
    );
    // One token per file, asked for with what is known about the file.
    expect(new Set(transport.calls.map((call) => call.token.uploadToken)).size).toBe(7);
    expect(token.requests[0]).toEqual({
      title: "clip-0",
      fileName: "clip-0.mov",
      fileSize: 1000,
      fileType: "video/quicktime",
    });
  });

  it("merges the meta option with add()'s meta", async () => {
    const { uploader, token } = setupUploader({
      meta: (file) => ({ title: `Clip ${file.name ?? ""}`, tags: "a" }),
    });
    const [id] = uploader.add(videoFiles(1), { albumId: "7", tags: "b" });
    expect(uploader.getSnapshot().byId.get(id ?? "")?.meta).toEqual({
      title: "Clip clip-0.mov",
      tags: "b",
      albumId: "7",
    });
    await vi.runAllTimersAsync();
    expect(token.requests[0]).toMatchObject({ title: "Clip clip-0.mov", albumId: "7" });
  });

  it("reports per-item and total progress with speed, at most one notification per frame", async () => {
    const { uploader, listener } = setupUploader({
      mock: { durationMs: 1000, progressSteps: 250 },
    });
    const [id] = uploader.add(videoFiles(1, 10_000));
    await vi.advanceTimersByTimeAsync(500);
    const item = uploader.getSnapshot().byId.get(id ?? "");
    expect(item?.status).toBe("uploading");
    expect(item?.progress.fraction).toBeCloseTo(0.5, 1);
    expect(item?.progress.bytesPerSecond).toBeCloseTo(10_000, -2);
    expect(item?.progress.secondsRemaining).toBeCloseTo(0.5, 0);
    expect(uploader.getSnapshot().progress.loaded).toBe(item?.progress.loaded);
    // 125 progress events in 500 ms: notifications are bounded by frames (16 ms), not events.
    expect(listener.mock.calls.length).toBeGreaterThan(5);
    expect(listener.mock.calls.length).toBeLessThanOrEqual(500 / 16 + 3);
    await vi.runAllTimersAsync();
    expect(uploader.getSnapshot().progress).toMatchObject({
      loaded: 10_000,
      total: 10_000,
      fraction: 1,
    });
  });

  it("uploads three files at a time when no concurrency is given", async () => {
    const { uploader, transport, statuses } = setupUploader();
    const counted = countingInFlight(transport);
    uploader.setOptions({ transport: counted });
    uploader.add(videoFiles(5));
    await vi.advanceTimersByTimeAsync(500);
    expect(uploader.getSnapshot().counts).toMatchObject({ uploading: 3, queued: 2 });
    await vi.runAllTimersAsync();
    expect(statuses()).toEqual(Array(5).fill("succeeded"));
    expect(counted.mostInFlight()).toBe(3);
  });

  it("sums the speed of the uploads in flight and estimates the time left for the whole queue", async () => {
    // 2 s per file whatever its size: 5, 10 and 15 kB/s for the three files in flight.
    const { uploader } = setupUploader({ mock: { durationMs: 2000, progressSteps: 200 } });
    const sizes = [10_000, 20_000, 30_000, 40_000];
    const files = sizes.map((size, i) => new File([new Uint8Array(size)], `clip-${i}.mov`));
    const ids = uploader.add(files);
    await vi.advanceTimersByTimeAsync(1000);

    const snapshot = uploader.getSnapshot();
    const items = ids.map((id) => snapshot.byId.get(id));
    expect(items.map((item) => item?.status)).toEqual([
      "uploading",
      "uploading",
      "uploading",
      "queued",
    ]);
    const [a = 0, b = 0, c = 0] = items.map((item) => item?.progress.bytesPerSecond ?? 0);
    expect(a).toBeCloseTo(5_000, -2);
    expect(b).toBeCloseTo(10_000, -2);
    expect(c).toBeCloseTo(15_000, -2);
    const { progress } = snapshot;
    // The queued file counts towards the bytes still to send, not towards the speed.
    expect(progress.total).toBe(100_000);
    expect(progress.loaded).toBe(
      items.reduce((sum, item) => sum + (item?.progress.loaded ?? 0), 0),
    );
    expect(progress.loaded).toBeCloseTo(30_000, -3);
    expect(progress.bytesPerSecond).toBeCloseTo(a + b + c, 6);
    expect(progress.secondsRemaining).toBeCloseTo(
      (progress.total - progress.loaded) / (progress.bytesPerSecond ?? Number.NaN),
      6,
    );
    expect(progress.secondsRemaining).toBeCloseTo(70_000 / 30_000, 1);

    // The first file done, the fourth started: its speed is not known yet, the others' is.
    await vi.advanceTimersByTimeAsync(1100);
    const later = uploader.getSnapshot();
    expect(later.byId.get(ids[0] ?? "")?.status).toBe("succeeded");
    expect(later.byId.get(ids[3] ?? "")?.status).toBe("uploading");
    const inFlight = ids.slice(1).map((id) => later.byId.get(id)?.progress.bytesPerSecond ?? 0);
    expect(later.progress.bytesPerSecond).toBeCloseTo(
      inFlight.reduce((sum, speed) => sum + speed, 0),
      6,
    );

    await vi.runAllTimersAsync();
    expect(uploader.getSnapshot().progress).toMatchObject({
      loaded: 100_000,
      total: 100_000,
      fraction: 1,
      bytesPerSecond: null,
      secondsRemaining: 0,
    });
  });

  it("keeps the snapshot, and untouched items, identical until something changes", async () => {
    const { uploader } = setupUploader({ autoStart: false });
    const [a, b] = uploader.add(videoFiles(2));
    const first = uploader.getSnapshot();
    expect(uploader.getSnapshot()).toBe(first);
    uploader.start(b);
    const second = uploader.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.byId.get(a ?? "")).toBe(first.byId.get(a ?? ""));
    expect(second.byId.get(b ?? "")?.status).toBe("uploading");
    uploader.cancel(a);
    uploader.cancel(a);
    expect(uploader.getSnapshot().byId.get(b ?? "")).toBe(second.byId.get(b ?? ""));
  });

  it("calls onSuccess and onError exactly once per settled item", async () => {
    const { uploader, onSuccess, onError } = setupUploader({
      mock: {
        failures: (call) => (call.fileName === "clip-1.mov" ? { kind: "file-rejected" } : null),
      },
    });
    const [a, b] = uploader.add(videoFiles(2));
    await vi.runAllTimersAsync();
    expect(onSuccess).toHaveBeenCalledOnce();
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ id: a, status: "succeeded" });
    expect(onError).toHaveBeenCalledOnce();
    expect(onError.mock.calls[0]?.[0]).toMatchObject({
      id: b,
      status: "failed",
      error: { kind: "file-rejected" },
    });
  });

  it("turns invalid files into rejected items with readable reasons, and never sends them", async () => {
    const { uploader, transport } = setupUploader({
      accept: "video/*",
      maxFiles: 2,
      maxSize: 5000,
    });
    const ids = uploader.add([
      new File(["x"], "notes.txt", { type: "text/plain" }),
      new File([], "empty.mov", { type: "video/quicktime" }),
      ...videoFiles(3),
      new File([new Uint8Array(6000)], "big.mov", { type: "video/quicktime" }),
    ]);
    const rejections = ids.map(
      (id) => uploader.getSnapshot().byId.get(id)?.rejection?.code ?? null,
    );
    expect(rejections).toEqual(["file-type", "empty", null, null, "too-many-files", "too-large"]);
    await vi.runAllTimersAsync();
    expect(transport.calls).toHaveLength(2);
    expect(uploader.getSnapshot().counts).toMatchObject({ rejected: 4, succeeded: 2 });
  });

  it("adding 10,000 files is one action and one notification", async () => {
    const { uploader, listener } = setupUploader();
    const files = videoFiles(10_000, 1);
    listener.mockClear();
    const ids = uploader.add(files);
    await vi.advanceTimersByTimeAsync(0); // tokens arrive, the first three start sending
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
    expect(uploader.getSnapshot().counts).toMatchObject({ uploading: 3, queued: 9997 });
    uploader.destroy();
  }, 30_000); // creating 10,000 Files in Node is slow on a busy machine; no timing is asserted
});

describe("createUploader: idempotent commands", () => {
  it("waits for start() when autoStart is off; starting twice starts each file once", async () => {
    const { uploader, transport, statuses } = setupUploader({ autoStart: false });
    uploader.add(videoFiles(2));
    await vi.advanceTimersByTimeAsync(5000);
    expect(statuses()).toEqual(["queued", "queued"]);
    expect(uploader.getSnapshot().isBusy).toBe(false);
    uploader.start();
    uploader.start();
    expect(uploader.getSnapshot().isBusy).toBe(true);
    await vi.runAllTimersAsync();
    expect(statuses()).toEqual(["succeeded", "succeeded"]);
    expect(transport.calls).toHaveLength(2);
  });

  it("adding the same File again makes a duplicate rejection instead of a second upload", async () => {
    const { uploader, transport, item } = setupUploader();
    const [file] = videoFiles(1);
    const [first, twin] = uploader.add([file!, file!]);
    const [again] = uploader.add([file!]);
    expect(item(first)?.status).toBe("uploading");
    for (const id of [twin, again]) {
      expect(item(id)).toMatchObject({
        status: "rejected",
        rejection: { code: "duplicate", message: "clip-0.mov is already in the queue." },
      });
    }
    await vi.runAllTimersAsync();
    expect(transport.calls).toHaveLength(1);
  });

  it("refuses a copy of a file in the queue (same name, size, type, lastModified), unless allowDuplicates", async () => {
    const copy = () =>
      new File([new Uint8Array(1000)], "clip.mov", { type: "video/quicktime", lastModified: 7 });
    const { uploader, transport, item, statuses } = setupUploader({
      mock: { failures: [{ kind: "http", status: 400 }] },
      retry: false,
    });
    const [first, twin] = uploader.add([copy(), copy()]);
    expect(item(twin)?.rejection).toEqual({
      code: "duplicate",
      message: "clip.mov is already in the queue.",
    });
    await vi.runAllTimersAsync();
    // Still there while failed (and once succeeded): picked again, it is refused again.
    expect(item(first)?.status).toBe("failed");
    const [again] = uploader.add([copy()]);
    expect(item(again)?.rejection?.code).toBe("duplicate");
    // Another lastModified or name is another file; a rejected item holds no place.
    const other = new File([new Uint8Array(1000)], "clip.mov", { lastModified: 8 });
    const [empty] = uploader.add([new File([], "empty.mov")]);
    const [second, third] = uploader.add([other, new File([], "empty.mov")]);
    expect([empty, second, third].map((id) => item(id)?.rejection?.code ?? null)).toEqual([
      "empty",
      null,
      "empty",
    ]);
    await vi.runAllTimersAsync();
    expect(transport.calls).toHaveLength(2);
    // Removed, it can be added again.
    uploader.remove(first!);
    uploader.add([copy()]);
    await vi.runAllTimersAsync();
    expect(transport.calls).toHaveLength(3);
    expect(statuses().filter((status) => status === "rejected")).toHaveLength(4);

    const allowing = setupUploader({ allowDuplicates: true });
    const file = copy();
    const ids = allowing.uploader.add([file, copy(), file]);
    expect(ids.map((id) => allowing.item(id)?.rejection?.code ?? null)).toEqual([
      null,
      null,
      "duplicate",
    ]);
    await vi.runAllTimersAsync();
    expect(allowing.transport.uploads).toHaveLength(2);
  });

  it("knows the files waiting for start(): adding one again is refused; start(id) starts only it", async () => {
    const { uploader, transport, token, item } = setupUploader({
      autoStart: false,
      tokenStrategy: "shared",
    });
    const files = videoFiles(3);
    const ids = uploader.add(files);
    const [again] = uploader.add([files[1]!]);
    expect(item(again)?.rejection?.code).toBe("duplicate");
    expect(uploader.getSnapshot().counts.queued).toBe(3);
    uploader.start(ids[1]);
    await vi.runAllTimersAsync();
    expect(ids.map((id) => item(id)?.status)).toEqual(["queued", "succeeded", "queued"]);
    // The shared token was asked for every file not settled yet, the waiting ones included.
    expect(token.requests).toEqual([{ maxUploads: 3 }]);
    uploader.start();
    await vi.runAllTimersAsync();
    expect(ids.map((id) => item(id)?.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    expect(transport.uploads.map((upload) => upload.fileName).sort()).toEqual([
      "clip-0.mov",
      "clip-1.mov",
      "clip-2.mov",
    ]);
  });

  it("ignores retry() on an item in flight", async () => {
    const { uploader, transport, item } = setupUploader();
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(100);
    uploader.retry(id);
    uploader.retry();
    await vi.runAllTimersAsync();
    expect(item(id)?.status).toBe("succeeded");
    expect(transport.calls).toHaveLength(1);
  });

  it("switching autoStart on starts the waiting files", async () => {
    const { uploader, statuses } = setupUploader({ autoStart: false });
    uploader.add(videoFiles(2));
    uploader.setOptions({ autoStart: true });
    await vi.runAllTimersAsync();
    expect(statuses()).toEqual(["succeeded", "succeeded"]);
  });
});

describe("createUploader: cancel, remove, destroy", () => {
  it("cancel aborts the request; its late rejection changes nothing", async () => {
    let aborted = 0;
    const { uploader, transport, listener, onError, item } = setupUploader();
    uploader.setOptions({
      transport: (request) => {
        request.signal.addEventListener("abort", () => (aborted += 1));
        return transport(request);
      },
    });
    const [id, other] = uploader.add(videoFiles(2));
    await vi.advanceTimersByTimeAsync(300);
    uploader.cancel(id);
    expect(item(id)?.status).toBe("canceled");
    expect(aborted).toBe(1);
    await vi.runAllTimersAsync();
    expect(item(id)?.status).toBe("canceled");
    expect(item(other)?.status).toBe("succeeded");
    expect(onError).not.toHaveBeenCalled();
    // A canceled item can be retried by a person.
    listener.mockClear();
    uploader.retry(id);
    await vi.runAllTimersAsync();
    expect(item(id)?.status).toBe("succeeded");
    expect(transport.uploads).toHaveLength(2);
  });

  it("cancel() without an id cancels everything unsettled, queued files included", async () => {
    const { uploader, transport, statuses } = setupUploader({ concurrency: 1 });
    uploader.add(videoFiles(3));
    await vi.advanceTimersByTimeAsync(1100);
    uploader.cancel();
    await vi.runAllTimersAsync();
    expect(statuses()).toEqual(["succeeded", "canceled", "canceled"]);
    expect(transport.uploads).toHaveLength(1);
  });

  it("remove cancels and forgets the item; the file can then be added again", async () => {
    const { uploader, transport } = setupUploader();
    const [file] = videoFiles(1);
    const [id] = uploader.add([file!]);
    await vi.advanceTimersByTimeAsync(300);
    uploader.remove(id!);
    expect(uploader.getSnapshot().items).toEqual([]);
    expect(uploader.getSnapshot().byId.get(id!)).toBeUndefined();
    await vi.runAllTimersAsync();
    expect(transport.uploads).toHaveLength(0);
    const [again] = uploader.add([file!]);
    expect(again).not.toBe(id);
    await vi.runAllTimersAsync();
    expect(transport.uploads).toHaveLength(1);
  });

  it("files waiting for start() can be canceled, retried and removed, then added again", async () => {
    const { uploader, transport, item, statuses } = setupUploader({ autoStart: false });
    const files = videoFiles(3);
    const [canceled, removed, waiting] = uploader.add(files);
    uploader.cancel(canceled);
    uploader.remove(removed!);
    expect(statuses()).toEqual(["canceled", "queued"]);
    expect(uploader.getSnapshot().isBusy).toBe(false);
    const [again] = uploader.add([files[1]!]);
    expect(again).not.toBe(removed);
    uploader.retry(canceled);
    await vi.runAllTimersAsync();
    // A person's retry sends the canceled file; the others still wait for start().
    expect([canceled, waiting, again].map((id) => item(id)?.status)).toEqual([
      "succeeded",
      "queued",
      "queued",
    ]);
    uploader.cancel();
    expect(statuses()).toEqual(["succeeded", "canceled", "canceled"]);
    uploader.start();
    await vi.runAllTimersAsync();
    expect(statuses()).toEqual(["succeeded", "canceled", "canceled"]);
    expect(transport.uploads).toHaveLength(1);
  });

  it("destroy aborts everything, leaves no timer behind, and later calls are harmless", async () => {
    const { uploader, listener } = setupUploader({
      mock: { failures: [{ kind: "http", status: 503 }] },
    });
    uploader.add(videoFiles(5));
    await vi.advanceTimersByTimeAsync(1200); // some in flight, some in backoff
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    uploader.destroy();
    expect(vi.getTimerCount()).toBe(0);
    const last = uploader.getSnapshot();
    listener.mockClear();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(() => {
      uploader.add(videoFiles(1));
      uploader.start();
      uploader.retry();
      uploader.cancel();
      uploader.remove("x");
      uploader.setOptions({ concurrency: 9 });
      uploader.subscribe(() => {})();
      uploader.destroy();
    }).not.toThrow();
    expect(uploader.getSnapshot()).toBe(last);
    expect(listener).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("createUploader: bad input", () => {
  it("throws a typed error naming the option", () => {
    const make = (options: object) => () => createUploader(options as never);
    expect(make({ token: "/t" })).toThrow(/`site` is required/);
    expect(make({ site: "example.com" })).toThrow(/`token` is required/);
    expect(make({ site: "x", token: "/t", concurrency: 0 })).toThrow(
      "createUploader: `concurrency` must be an integer at least 1; got 0.",
    );
    expect(make({ site: "x", token: "/t", minSize: 10, maxSize: 5 })).toThrow(/larger than/);
    expect(make({ site: "x", token: "/t", transport: "carrier-pigeon" })).toThrow(
      TwentyThreeUploadError,
    );
    expect(make({ site: "x", token: "/t", stallTimeoutMs: -1 })).toThrow(
      expect.objectContaining({
        code: "invalid_options",
        message: expect.stringContaining("`stallTimeoutMs`"),
      }),
    );
  });

  it("refuses a malformed site at once, in createUploader and setOptions", () => {
    const make = (options: object) => () => createUploader(options as never);
    const invalidSite = expect.objectContaining({
      code: "invalid_site",
      message: expect.stringContaining('"videos example.com" is not usable'),
    });
    expect(make({ site: "videos example.com", token: "/t" })).toThrow(invalidSite);
    expect(make({ site: "ftp://videos.example.com", token: "/t" })).toThrow(
      expect.objectContaining({ code: "invalid_site" }),
    );
    const { uploader } = setupUploader();
    expect(() => uploader.setOptions({ site: "videos example.com" })).toThrow(invalidSite);
  });

  it.each([
    "stallTimeoutMs",
    "responseTimeoutMs",
    "requestTimeoutMs",
    "retry.baseDelayMs",
    "retry.maxDelayMs",
    "waitForEncoding.intervalMs",
    "waitForEncoding.timeoutMs",
  ])("refuses %s of Infinity or above setTimeout's limit, and takes the limit itself", (name) => {
    const [group, key] = name.includes(".") ? name.split(".") : [null, name];
    const withValue = (value: number) => {
      const option = group === null ? { [key!]: value } : { [group]: { [key!]: value } };
      return () => createUploader({ site: "x", token: "/t", ...option } as never);
    };
    for (const value of [Infinity, 2_147_483_648]) {
      expect(withValue(value)).toThrow(
        expect.objectContaining({
          code: "invalid_options",
          message: expect.stringMatching(
            new RegExp(
              `^createUploader: \`${name}\` must be a number .* and at most 2147483647 \\(about 24\\.8 days\\); got ${value}\\.$`,
            ),
          ),
        }),
      );
    }
    expect(withValue(2_147_483_647)).not.toThrow();
  });

  it("fails an item at once, with its own message, when the transport throws a library error", async () => {
    const thrown = new TwentyThreeUploadError(
      "invalid_site",
      'The site "videos example.com" is not usable: it is not a domain or URL.',
    );
    const transport = vi.fn<Transport>(() => Promise.reject(thrown));
    const { uploader, item } = setupUploader({ transport });
    const [id] = uploader.add(videoFiles(1));
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({
      status: "failed",
      attempt: 1,
      error: { message: thrown.message, cause: thrown },
    });
    expect(transport).toHaveBeenCalledOnce();
  });

  it("refuses things that are not files, before adding anything", () => {
    const { uploader } = setupUploader();
    expect(() => uploader.add([videoFiles(1)[0]!, "clip.mov" as never])).toThrow(
      "add() takes File or Blob objects; entry 1 is string.",
    );
    expect(uploader.getSnapshot().items).toEqual([]);
  });
});
