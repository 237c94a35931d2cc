// Helpers for the transports' browser tests: real random bytes, their SHA-256, tokens from the
// emulator, and a TransportRequest that records what the transport reported.
import {
  createEmulatorClient,
  type ApiParamsInput,
  type EmulatorClient,
  type RequestRecord,
  type UploadRecord,
} from "@twentythree-upload/emulator/client";
import { inject } from "vitest";
import { requestUploadToken } from "../src/requestUploadToken.js";
import type {
  ApiVersion,
  TransportProgress,
  TransportRequest,
  Uploader,
  UploaderSnapshot,
  UploadToken,
} from "../src/types.js";

/** The emulator started for this test run. */
export function sharedEmulator(): EmulatorClient {
  return createEmulatorClient(inject("emulatorUrl"));
}

/** A File of `size` random bytes and its lower-case hex SHA-256. */
export async function randomFile(
  size: number,
  name = "clip.mp4",
  type = "video/mp4",
): Promise<{ file: File; sha256: string }> {
  const bytes = new Uint8Array(size);
  // getRandomValues fills at most 64 KiB per call.
  for (let offset = 0; offset < size; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
  }
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  const sha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join(
    "",
  );
  return { file: new File([bytes], name, { type }), sha256 };
}

/** A fresh token from the emulator's token endpoint, through `requestUploadToken` as an app would. */
export function tokenFrom(
  emulator: EmulatorClient,
  apiVersion: ApiVersion,
  params: ApiParamsInput = {},
): Promise<UploadToken> {
  return requestUploadToken(
    emulator.tokenUrl({ ...params, ...(apiVersion === "v2" ? { api: "v2" } : {}) }),
    { title: "Browser test" },
  );
}

/** A TransportRequest plus what the transport reported through it. */
export interface RecordedRequest extends TransportRequest {
  readonly progress: TransportProgress[];
  readonly bodySent: () => number;
  /** How many times the transport called `onSubmitted`. */
  readonly submitted: () => number;
  readonly controller: AbortController;
}

export function transportRequest(
  emulator: EmulatorClient,
  apiVersion: ApiVersion,
  token: UploadToken,
  file: File,
  fields: Record<string, string> = {},
): RecordedRequest {
  const progress: TransportProgress[] = [];
  const controller = new AbortController();
  let bodySent = 0;
  let submitted = 0;
  return {
    file,
    fileName: file.name,
    token,
    site: emulator.url,
    apiVersion,
    fields,
    signal: controller.signal,
    controller,
    progress,
    bodySent: () => bodySent,
    submitted: () => submitted,
    onProgress: (event) => progress.push(event),
    onBodySent: () => (bodySent += 1),
    onSubmitted: () => (submitted += 1),
  };
}

/** Stored uploads with this checksum. */
export async function storedWith(
  emulator: EmulatorClient,
  sha256: string,
): Promise<UploadRecord[]> {
  return (await emulator.uploads()).filter((upload) => upload.sha256 === sha256);
}

/** Redeem requests carrying this upload token, once all of them are finished. */
export async function redeemRequests(
  emulator: EmulatorClient,
  uploadToken: string,
): Promise<RequestRecord[]> {
  for (;;) {
    const all = (await emulator.requests()).filter(
      (r) => r.endpoint === "photo/redeem-upload-token" && r.uploadToken === uploadToken,
    );
    if (all.every((r) => r.done)) return all;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Resolves with the rejection of `promise` (and fails when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

/**
 * Resolves with the snapshot once no item is queued, in flight or waiting; every snapshot seen
 * on the way is pushed onto `seen`.
 */
export function settled(
  uploader: Uploader,
  seen: UploaderSnapshot[] = [],
): Promise<UploaderSnapshot> {
  return new Promise((resolve) => {
    const check = () => {
      const snapshot = uploader.getSnapshot();
      seen.push(snapshot);
      const busy = snapshot.items.some((item) =>
        ["queued", "uploading", "processing", "retrying", "paused"].includes(item.status),
      );
      if (!busy) {
        unsubscribe();
        resolve(snapshot);
      }
    };
    const unsubscribe = uploader.subscribe(check);
    check();
  });
}
