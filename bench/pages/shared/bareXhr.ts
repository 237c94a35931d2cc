// The baseline: a bare hand-written XHR upload, as a developer would write it with no library.

/** What a bare upload measured. */
export interface BareUpload {
  /** From just before the FormData is built to the `load` event. */
  readonly ms: number;
  readonly status: number;
  readonly progressEvents: number;
  readonly response: string;
}

/** POSTs `upload_token` then `file` as multipart, with an upload progress listener. */
export function bareXhrUpload(url: string, token: string, file: File): Promise<BareUpload> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const form = new FormData();
    form.append("upload_token", token);
    form.append("file", file, file.name);
    const xhr = new XMLHttpRequest();
    let progressEvents = 0;
    xhr.upload.addEventListener("progress", () => {
      progressEvents += 1;
    });
    xhr.addEventListener("load", () => {
      resolve({
        ms: performance.now() - started,
        status: xhr.status,
        progressEvents,
        response: xhr.responseText,
      });
    });
    xhr.addEventListener("error", () => reject(new Error("bare XHR: network error")));
    xhr.addEventListener("abort", () => reject(new Error("bare XHR: aborted")));
    xhr.open("POST", url);
    xhr.send(form);
  });
}

/** Checks a redeem answer (v2 JSON without return_url) and returns the photo id. */
export function photoIdOf(upload: BareUpload): string {
  if (upload.status !== 200) {
    throw new Error(`bare XHR: HTTP ${upload.status}: ${upload.response.slice(0, 200)}`);
  }
  const body = JSON.parse(upload.response) as { status?: string; data?: { photo_id?: unknown } };
  if (body.status !== "ok" || body.data?.photo_id == null) {
    throw new Error(`bare XHR: unexpected answer ${upload.response.slice(0, 200)}`);
  }
  return String(body.data.photo_id);
}

/**
 * A hand-written Resumable.js-style chunked upload, as TwentyThree's redeem endpoint takes it:
 * one multipart POST per chunk, in order, the last chunk carrying the remainder. A reference
 * for what the chunked protocol costs on its own.
 */
export async function bareChunkedUpload(
  url: string,
  token: string,
  file: File,
  chunkSize: number,
): Promise<BareUpload> {
  const started = performance.now();
  const count = Math.max(1, Math.floor(file.size / chunkSize));
  const identifier = `${file.size}-bare-${Math.random().toString(36).slice(2)}`;
  let last: BareUpload | null = null;
  let progressEvents = 0;
  for (let number = 1; number <= count; number += 1) {
    const start = (number - 1) * chunkSize;
    const end = number === count ? file.size : start + chunkSize;
    const form = new FormData();
    form.append("upload_token", token);
    form.append("resumableChunkNumber", String(number));
    form.append("resumableChunkSize", String(chunkSize));
    form.append("resumableCurrentChunkSize", String(end - start));
    form.append("resumableTotalSize", String(file.size));
    form.append("resumableIdentifier", identifier);
    form.append("resumableFilename", file.name);
    form.append("resumableTotalChunks", String(count));
    form.append("file", file.slice(start, end), file.name);
    last = await new Promise<BareUpload>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.upload.addEventListener("progress", () => {
        progressEvents += 1;
      });
      xhr.addEventListener("load", () =>
        resolve({ ms: 0, status: xhr.status, progressEvents, response: xhr.responseText }),
      );
      xhr.addEventListener("error", () => reject(new Error(`bare chunk ${number}: network error`)));
      xhr.open("POST", url);
      xhr.send(form);
    });
    if (last.status !== 200) {
      throw new Error(`bare chunk ${number}: HTTP ${last.status}: ${last.response.slice(0, 200)}`);
    }
  }
  return { ...(last as BareUpload), ms: performance.now() - started, progressEvents };
}
