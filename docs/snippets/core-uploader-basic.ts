import { createUploader, formatBytes, type UploaderSnapshot } from "@twentythree-upload/core";

// #region create
const uploader = createUploader({
  site: "videos.example.com",
  // Your own endpoint: it calls get-upload-token with your credentials and returns the token.
  token: "/api/upload-token",
  accept: "video/*",
  maxSize: 4 * 1024 ** 3,
});
// #endregion create

// #region render
function render(snapshot: UploaderSnapshot) {
  for (const item of snapshot.items) {
    // item.status: rejected | queued | uploading | processing | retrying | paused | succeeded | failed | canceled
    const percent =
      item.progress.fraction === null ? "…" : `${Math.round(item.progress.fraction * 100)} %`;
    const detail = item.rejection?.message ?? item.error?.message ?? percent;
    console.log(`${item.name} (${formatBytes(item.size)}): ${item.status} ${detail}`);
  }
  const { progress, counts, isOnline } = snapshot;
  console.log(
    `${counts.succeeded}/${snapshot.items.length} done`,
    progress.secondsRemaining,
    isOnline,
  );
}

const unsubscribe = uploader.subscribe(() => render(uploader.getSnapshot()));
// #endregion render

// #region commands
export function onFilesChosen(input: HTMLInputElement) {
  // Returns one id per file; invalid files become `rejected` items with a readable reason.
  const ids = uploader.add(input.files ?? [], { tags: "from-the-web" });
  input.value = ""; // so that the same file can be chosen again
  return ids;
}

export function onCancel(id: string) {
  uploader.cancel(id); // or uploader.cancel() for everything unsettled
}

export function onRetry(id: string) {
  uploader.retry(id); // failed or canceled items; uploader.retry() for all of them
}

export function onRemove(id: string) {
  uploader.remove(id);
}

export function onLeave() {
  unsubscribe();
  uploader.destroy(); // aborts requests, removes listeners and timers
}
// #endregion commands
