import {
  createAutoTransport,
  createChunkedTransport,
  probeCors,
  requestUploadToken,
  resolveTransport,
  UploadError,
} from "@twentythree-upload/core";

const site = "videos.example.com";

// Warm the CORS probe up while the user is still choosing files.
void probeCors(site, "legacy");

// XHR with progress where the site allows it, chunks from 500 MB, the iframe where it doesn't.
const transport = createAutoTransport({
  chunkedFrom: 500 * 1024 * 1024,
  chunked: { chunkSize: 10 * 1024 * 1024, parallel: 2 },
});
// The same built-ins by name, as the uploader's `transport` option takes them:
const chunked = resolveTransport("chunked", { chunkSize: 8 * 1024 * 1024 });
const explicit = createChunkedTransport({ chunkSize: 8 * 1024 * 1024, chunkRetries: 5 });
console.log(typeof chunked, typeof explicit);

export async function sendOne(file: File, signal: AbortSignal) {
  const token = await requestUploadToken("/api/upload-token", { fileName: file.name }, { signal });
  try {
    return await transport({
      file,
      fileName: file.name,
      token,
      site,
      apiVersion: "legacy",
      fields: {},
      signal,
      onProgress: ({ loaded, total }) =>
        console.log(total === null ? "uploading…" : `${loaded}/${total}`),
      onBodySent: () => console.log("processing…"),
    });
  } catch (error) {
    if (!(error instanceof UploadError)) throw error;
    // kind: network | timeout | http | token-expired | token-invalid | file-rejected | cors | aborted
    if (error.ambiguous)
      console.warn("TwentyThree may have stored the file: check before retrying.");
    throw error;
  }
}
