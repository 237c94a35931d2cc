import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeConnectivity, setupUploader, videoFiles } from "../test/uploaderHarness.js";

beforeEach(() => vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("createUploader: offline", () => {
  it("pauses waiting files while offline and resumes them online, losing nothing", async () => {
    const network = fakeConnectivity(true);
    const { uploader, transport, statuses } = setupUploader({ concurrency: 1 });
    uploader.add(videoFiles(3));
    await vi.advanceTimersByTimeAsync(500);
    network.go(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(uploader.getSnapshot().isOnline).toBe(false);
    // The file in flight may finish; the others wait.
    expect(statuses()).toEqual(["uploading", "paused", "paused"]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(statuses()).toEqual(["succeeded", "paused", "paused"]);
    expect(transport.calls).toHaveLength(1);
    network.go(true);
    expect(uploader.getSnapshot().isOnline).toBe(true);
    await vi.runAllTimersAsync();
    expect(statuses()).toEqual(["succeeded", "succeeded", "succeeded"]);
    expect(transport.uploads).toHaveLength(3);
  });

  it("a failure while offline uses no retry and waits for the connection", async () => {
    const network = fakeConnectivity(true);
    const { uploader, transport, item } = setupUploader({
      retry: false,
      mock: {
        failures: (call) => (call.attempt === 1 ? { kind: "network", at: "sending" } : null),
      },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(100);
    network.go(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(item(id)).toMatchObject({ status: "paused", error: { kind: "network" } });
    network.go(true);
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({ status: "succeeded", attempt: 2 });
    expect(transport.calls).toHaveLength(2);
  });

  it("ends a backoff when the connection drops, and retries once it is back", async () => {
    const network = fakeConnectivity(true);
    const { uploader, transport, item } = setupUploader({
      retry: { jitter: false, baseDelayMs: 60_000, maxDelayMs: 60_000 },
      mock: { failures: [{ kind: "http", status: 503 }] },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(1001);
    expect(item(id)?.status).toBe("retrying");
    network.go(false);
    expect(item(id)).toMatchObject({ status: "paused", retryAt: null });
    network.go(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(item(id)?.status).toBe("uploading");
    await vi.runAllTimersAsync();
    expect(item(id)?.status).toBe("succeeded");
    expect(transport.calls).toHaveLength(2);
  });

  it("looks again for an upload whose lookup failed because the connection dropped", async () => {
    const network = fakeConnectivity(true);
    let lookups = 0;
    const { uploader, transport, item } = setupUploader({
      mock: { failures: [{ kind: "network", at: "response", stored: true }] },
    });
    uploader.setOptions({
      findUploads: async (context) => {
        lookups += 1;
        if (lookups === 1) {
          network.go(false);
          throw new TypeError("Failed to fetch");
        }
        return transport.findUploads(context);
      },
    });
    const [id] = uploader.add(videoFiles(1));
    await vi.advanceTimersByTimeAsync(5000);
    expect(item(id)?.status).toBe("paused");
    network.go(true);
    await vi.runAllTimersAsync();
    expect(item(id)).toMatchObject({ status: "succeeded", result: { photoId: "1" } });
    expect(transport.calls).toHaveLength(1);
    expect(lookups).toBe(2);
  });

  it("starts paused when created offline, and attaches listeners only when used", async () => {
    const network = fakeConnectivity(false);
    const addEventListener = vi.spyOn(network.target, "addEventListener");
    const removeEventListener = vi.spyOn(network.target, "removeEventListener");
    const { uploader, statuses } = setupUploader(); // setupUploader subscribes: listeners attached
    expect(addEventListener).toHaveBeenCalledWith("online", expect.any(Function));
    expect(uploader.getSnapshot().isOnline).toBe(false);
    uploader.add(videoFiles(1));
    expect(statuses()).toEqual(["paused"]);
    network.go(true);
    await vi.runAllTimersAsync();
    expect(statuses()).toEqual(["succeeded"]);
    uploader.destroy();
    expect(removeEventListener).toHaveBeenCalledWith("online", expect.any(Function));
    expect(removeEventListener).toHaveBeenCalledWith("offline", expect.any(Function));
  });
});
