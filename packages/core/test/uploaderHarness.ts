// Shared setup for the uploader's Node tests: an uploader over the mock transport and mock token
// source, a subscribed listener, and small helpers to read its state.
import { vi, type Mock } from "vitest";
import {
  createMockTokenSource,
  type MockTokenSource,
  type MockTokenSourceOptions,
} from "../src/createMockTokenSource.js";
import {
  createMockTransport,
  type MockTransport,
  type MockTransportOptions,
} from "../src/createMockTransport.js";
import { createUploader } from "../src/createUploader.js";
import type { UploaderOptions, Uploader, UploadItem, UploadStatus } from "../src/types.js";

export interface HarnessOptions extends Partial<UploaderOptions> {
  readonly mock?: MockTransportOptions;
  readonly tokens?: MockTokenSourceOptions;
}

/** `count` files of `size` bytes named clip-0.mov, clip-1.mov, … */
export function videoFiles(count: number, size = 1000): File[] {
  return Array.from(
    { length: count },
    (_, i) => new File([new Uint8Array(size)], `clip-${i}.mov`, { type: "video/quicktime" }),
  );
}

export interface Harness {
  readonly uploader: Uploader;
  readonly transport: MockTransport;
  readonly token: MockTokenSource;
  readonly listener: Mock<() => void>;
  readonly onSuccess: Mock<(item: UploadItem) => void>;
  readonly onError: Mock<(item: UploadItem) => void>;
  statuses(): UploadStatus[];
  item(id: string | undefined): UploadItem | undefined;
}

/** An uploader with the mock transport; retries without jitter (1 s, 2 s, 4 s…) for exact timing. */
export function setupUploader(options: HarnessOptions = {}): Harness {
  const { mock, tokens: tokenOptions, ...rest } = options;
  const transport = createMockTransport({ durationMs: 1000, progressSteps: 4, ...mock });
  const token = createMockTokenSource(tokenOptions);
  const onSuccess = vi.fn<(item: UploadItem) => void>();
  const onError = vi.fn<(item: UploadItem) => void>();
  const uploader: Uploader = createUploader({
    site: "videos.example.com",
    token,
    transport,
    findUploads: transport.findUploads,
    retry: { jitter: false },
    onSuccess,
    onError,
    ...rest,
  });
  const listener = vi.fn<() => void>();
  uploader.subscribe(listener);
  const statuses = () => uploader.getSnapshot().items.map((item) => item.status);
  const item = (id: string | undefined) => uploader.getSnapshot().byId.get(id ?? "");
  return { uploader, transport, token, listener, onSuccess, onError, statuses, item };
}

/** A browser-like global `window`/`navigator` whose connectivity the test controls. */
export function fakeConnectivity(isOnline = true) {
  const target = new EventTarget();
  const navigator = { onLine: isOnline };
  vi.stubGlobal("window", target);
  vi.stubGlobal("navigator", navigator);
  return {
    target,
    go(online: boolean) {
      navigator.onLine = online;
      target.dispatchEvent(new Event(online ? "online" : "offline"));
    },
  };
}
