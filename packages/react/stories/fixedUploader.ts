// An uploader frozen in a given state, for stories that show states side by side. It implements
// the core `Uploader` interface; its commands do nothing.
import {
  UploadError,
  type ProgressState,
  type StatusCounts,
  type Uploader,
  type UploaderSnapshot,
  type UploadItem,
  type UploadStatus,
} from "../src/index.js";

const statuses: readonly UploadStatus[] = [
  "rejected",
  "queued",
  "uploading",
  "processing",
  "retrying",
  "paused",
  "succeeded",
  "failed",
  "canceled",
];

const size = 48_000_000;

function progress(fraction: number | null, bytesPerSecond: number | null = null): ProgressState {
  const loaded = Math.round((fraction ?? 0) * size);
  return {
    loaded,
    total: size,
    fraction,
    bytesPerSecond,
    secondsRemaining: bytesPerSecond ? (size - loaded) / bytesPerSecond : null,
  };
}

function itemIn(status: UploadStatus): UploadItem {
  const name = `${status}.mp4`;
  return {
    id: status,
    file: new Blob([]),
    name,
    size,
    type: "video/mp4",
    status,
    progress:
      status === "uploading"
        ? progress(0.42, 3_200_000)
        : status === "processing" || status === "succeeded"
          ? progress(1)
          : status === "retrying" || status === "paused"
            ? progress(0.6)
            : progress(0),
    attempt: status === "retrying" ? 2 : 1,
    retryAt: status === "retrying" ? Date.now() + 5000 : null,
    meta: { title: status },
    rejection:
      status === "rejected"
        ? { code: "too-large", message: `${name} is 48 MB; the limit is 20 MB.` }
        : null,
    error:
      status === "failed"
        ? new UploadError("http", "The server answered 503.", {
            status: 503,
            serverMessage: "Service unavailable",
          })
        : null,
    result:
      status === "succeeded"
        ? { photoId: "12345", treeId: "97531", token: "secret", domain: null, params: {} }
        : null,
  };
}

/** An uploader with one item in every `UploadStatus`, ids equal to the status names. */
export function createFixedUploader(): Uploader {
  const items = statuses.map(itemIn);
  const counts = Object.fromEntries(statuses.map((status) => [status, 1])) as StatusCounts;
  const snapshot: UploaderSnapshot = {
    items,
    byId: new Map(items.map((item) => [item.id, item])),
    counts,
    progress: progress(0.55),
    isOnline: true,
    isBusy: true,
  };
  return {
    subscribe: () => () => {},
    getSnapshot: () => snapshot,
    add: () => [],
    start: () => {},
    cancel: () => {},
    retry: () => {},
    remove: () => {},
    setOptions: () => {},
    destroy: () => {},
  };
}

export { statuses };
