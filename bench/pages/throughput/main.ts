// Throughput: one big file through a bare XHR, our XHR transport and our chunked transport, and
// a batch of files through a bare XHR pool and our uploader, all in this one page.
import { bareChunkedUpload, bareXhrUpload, photoIdOf } from "../shared/bareXhr.js";
import { makeFile } from "../shared/blobs.js";
import {
  createChunkedTransport,
  createUploader,
  createXhrTransport,
  toUploadToken,
} from "../shared/ours.js";
import { emulatorUrl, expose } from "../shared/protocol.js";
import { fetchToken, redeemUrl, tokenEndpoint, tokenString } from "../shared/tokens.js";

const emulator = emulatorUrl();
let big: File | null = null;
let files: File[] = [];

/** One upload's outcome. */
interface Outcome {
  ms: number;
  photoId?: string;
  progressEvents?: number;
}

function requireBig(): File {
  if (!big) {
    throw new Error("call prepare first");
  }
  return big;
}

async function bare(file: File): Promise<Outcome> {
  const token = await fetchToken(emulator, { fileName: file.name, fileSize: file.size });
  const upload = await bareXhrUpload(redeemUrl(emulator), tokenString(token), file);
  return { ms: upload.ms, photoId: photoIdOf(upload), progressEvents: upload.progressEvents };
}

async function bareChunked(file: File, chunkSize: number): Promise<Outcome> {
  const token = await fetchToken(emulator, { fileName: file.name, fileSize: file.size });
  const upload = await bareChunkedUpload(redeemUrl(emulator), tokenString(token), file, chunkSize);
  return { ms: upload.ms, photoId: photoIdOf(upload), progressEvents: upload.progressEvents };
}

async function viaTransport(
  file: File,
  name: "xhr" | "chunked",
  chunkSize: number | undefined,
): Promise<Outcome> {
  const transport =
    name === "chunked"
      ? createChunkedTransport(chunkSize === undefined ? {} : { chunkSize })
      : createXhrTransport();
  const token = await toUploadToken(
    await fetchToken(emulator, { fileName: file.name, fileSize: file.size }),
  );
  let progressEvents = 0;
  const started = performance.now();
  const result = await transport({
    file,
    fileName: file.name,
    token,
    site: emulator,
    apiVersion: "v2",
    fields: {},
    signal: new AbortController().signal,
    onProgress: () => {
      progressEvents += 1;
    },
    onBodySent: () => {},
  });
  return { ms: performance.now() - started, photoId: result.photoId, progressEvents };
}

async function barePool(batch: readonly File[], concurrency: number): Promise<Outcome> {
  let next = 0;
  const started = performance.now();
  // Each file gets its own token, fetched in the worker, as our uploader does by default.
  const worker = async () => {
    while (next < batch.length) {
      const file = batch[next] as File;
      next += 1;
      const token = await fetchToken(emulator, { fileName: file.name, fileSize: file.size });
      photoIdOf(await bareXhrUpload(redeemUrl(emulator), tokenString(token), file));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms: performance.now() - started };
}

async function oursPool(batch: readonly File[], concurrency: number): Promise<Outcome> {
  const uploader = createUploader({
    site: emulator,
    apiVersion: "v2",
    token: tokenEndpoint(emulator),
    transport: "xhr",
    concurrency,
    retry: false,
  });
  const count = batch.length;
  const done = new Promise<void>((resolve, reject) => {
    const unsubscribe = uploader.subscribe(() => {
      const snapshot = uploader.getSnapshot();
      const failed = snapshot.items.find(
        (item) => item.status === "failed" || item.status === "rejected",
      );
      if (failed) {
        unsubscribe();
        reject(
          new Error(
            `ours: ${failed.name} ${failed.status}: ${failed.error?.message ?? failed.rejection?.message ?? ""}`,
          ),
        );
      } else if (snapshot.counts.succeeded === count) {
        unsubscribe();
        resolve();
      }
    });
  });
  const started = performance.now();
  uploader.add(batch);
  await done;
  const ms = performance.now() - started;
  uploader.destroy();
  return { ms };
}

expose({
  prepare: async ({
    size,
    batchCount,
    batchSize,
  }: {
    size: number;
    batchCount: number;
    batchSize: number;
  }) => {
    big = makeFile(size, "big.mp4");
    files = Array.from({ length: batchCount }, (_, index) =>
      makeFile(batchSize, `batch-${index}.mp4`),
    );
    return null;
  },
  /** One small run of every variant, not measured: JIT, connections and the emulator warm up. */
  warmup: async () => {
    const file = makeFile(8 * 1024 * 1024, "warmup.mp4");
    const few = Array.from({ length: 3 }, (_, index) =>
      makeFile(1024 * 1024, `warmup-${index}.mp4`),
    );
    await bare(file);
    await viaTransport(file, "xhr", 0);
    await viaTransport(file, "chunked", 2 * 1024 * 1024);
    await bareChunked(file, 2 * 1024 * 1024);
    await barePool(few, 3);
    await oursPool(few, 3);
    return null;
  },
  bare: () => bare(requireBig()),
  bareChunked: ({ chunkSize }: { chunkSize: number }) => bareChunked(requireBig(), chunkSize),
  xhr: () => viaTransport(requireBig(), "xhr", 0),
  chunked: ({ chunkSize }: { chunkSize?: number }) =>
    viaTransport(requireBig(), "chunked", chunkSize),
  barePool: ({ concurrency }: { concurrency: number }) => barePool(files, concurrency),
  oursPool: ({ concurrency }: { concurrency: number }) => oursPool(files, concurrency),
});
