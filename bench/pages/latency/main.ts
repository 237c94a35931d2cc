// Start latency: from the file input's change event to the upload's first bytes at the server,
// with the token fetched beforehand ("prefetch") or inside the path ("fetch").
import { bareXhrUpload, photoIdOf } from "../shared/bareXhr.js";
import { createUploader, probeCors } from "../shared/ours.js";
import { emulatorUrl, expose, queryParameter } from "../shared/protocol.js";
import { stampUploadSend } from "../shared/sendStamp.js";
import {
  fetchToken,
  redeemUrl,
  tokenEndpoint,
  tokenString,
  type RawToken,
} from "../shared/tokens.js";

type Mode = "bare-prefetch" | "bare-fetch" | "ours-prefetch" | "ours-fetch";

const site = emulatorUrl();
const mode = queryParameter("mode", "bare-prefetch") as Mode;
const input = document.querySelector<HTMLInputElement>("#file") as HTMLInputElement;
const epoch = () => performance.timeOrigin + performance.now();
// The harness's file is 1 MiB; the CORS probe's empty form does not count.
const stamp = stampUploadSend(1024);

let prefetched: RawToken | null = null;
let changeAt: number | null = null;
let settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
const done = new Promise<void>((resolve, reject) => {
  settle = { resolve, reject };
});

async function uploadBare(file: File): Promise<void> {
  const token =
    prefetched ?? (await fetchToken(site, { fileName: file.name, fileSize: file.size }));
  photoIdOf(await bareXhrUpload(redeemUrl(site), tokenString(token), file));
}

let uploader: ReturnType<typeof createUploader> | null = null;
/** Settles the pick's upload: set by uploadOurs, called from the uploader's subscription. */
let onSettled: ((error: Error | null) => void) | null = null;

/**
 * The engine as an app holds it: created and subscribed to when the page (or component) loads,
 * before any pick (as `useUploader` and `useSyncExternalStore` do at mount), which also starts
 * the auto transport's CORS probe.
 */
function createOurs(): ReturnType<typeof createUploader> {
  const created = createUploader({
    site,
    apiVersion: "v2",
    // The prefetched answer returned at once, not in a promise, as docs/core/uploader.md
    // recommends for a token at hand: the engine still parses it, in the same task.
    token: prefetched ? () => prefetched as RawToken : tokenEndpoint(site),
    retry: false,
  });
  created.subscribe(() => {
    const [item] = created.getSnapshot().items;
    if (item?.status === "succeeded") {
      onSettled?.(null);
    } else if (item && (item.status === "failed" || item.status === "rejected")) {
      onSettled?.(
        new Error(`${item.status}: ${item.error?.message ?? item.rejection?.message ?? ""}`),
      );
    }
  });
  return created;
}

function uploadOurs(files: FileList): Promise<void> {
  uploader ??= createOurs();
  const current = uploader;
  return new Promise((resolve, reject) => {
    onSettled = (error) => (error ? reject(error) : resolve());
    current.add(files);
  });
}

input.addEventListener("change", () => {
  changeAt = epoch();
  const files = input.files;
  const file = files?.[0];
  if (!files || !file || !settle) {
    return;
  }
  const { resolve, reject } = settle;
  const upload = mode.startsWith("bare") ? uploadBare(file) : uploadOurs(files);
  upload.then(resolve, (error: unknown) =>
    reject(error instanceof Error ? error : new Error(String(error))),
  );
});

expose({
  prepare: async () => {
    if (mode.endsWith("prefetch")) {
      prefetched = await fetchToken(site, { fileName: "clip.mp4" });
    }
    if (mode.startsWith("ours")) {
      uploader = createOurs();
      // The page has been open a moment: the probe it started has its answer.
      await probeCors(site, "v2");
      // A person takes seconds to pick a file: the page has been idle at least once (when the
      // uploader's warm-up runs; idle callbacks run in the order they were asked for).
      await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
    }
    return null;
  },
  // NTP-style clock check against the probe: offset = server − midpoint of the round trip.
  ping: async () => {
    const sent = epoch();
    const response = await fetch(`${site}/__probe/ping`, { cache: "no-store" });
    const { arrivedAt } = (await response.json()) as { arrivedAt: number };
    const received = epoch();
    return { offset: arrivedAt - (sent + received) / 2, roundTrip: received - sent };
  },
  result: async () => {
    await done;
    return { changeAt, sendAt: stamp.sendAt() };
  },
});
