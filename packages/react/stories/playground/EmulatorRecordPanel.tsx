import type {
  CallbackRecord,
  EmulatorClient,
  RequestRecord,
} from "@twentythree-upload/emulator/client";
import { formatFileSize } from "../../src/index.js";
import { useEmulatorRecord } from "./useEmulatorRecord.js";

/** How often each stored file's bytes were stored: "once" is the goal. */
function timesStored(count: number): string {
  return count === 1 ? "once" : `${count} times`;
}

function callbackOf(callback: CallbackRecord | null): string {
  if (callback === null) return "none (answered directly)";
  const page = new URL(callback.url).pathname.split("/").pop() ?? "";
  return `${callback.mode} to ${page === "return" ? "the emulator's echo page" : page}`;
}

/** Where a request ended: its status, or how it ended without one. */
function outcomeOf(request: RequestRecord): string {
  if (request.status !== null) return String(request.status);
  if (request.aborted) return "cut";
  return request.done ? "no answer" : "in flight";
}

function requestLabel(request: RequestRecord): string {
  const what = `${request.method} ${request.endpoint}${request.api === "v2" ? " (v2)" : ""}`;
  if (request.chunk !== null) return `${what}, chunk ${request.chunk}`;
  return request.probe ? `${what} (CORS probe, no file)` : what;
}

/**
 * What the story's emulator instance recorded: stored files with their SHA-256 and how often each
 * was stored, the upload tokens, and the request log. Tokens are credentials, so they are shown
 * by number, never by value.
 */
export function EmulatorRecordPanel({ client }: { client: EmulatorClient }) {
  const record = useEmulatorRecord(client);
  if (record === null) {
    return <p data-part="record">Reading the emulator&apos;s record…</p>;
  }
  const tokenNumbers = new Map(record.tokens.map((token, index) => [token.uploadToken, index + 1]));
  const tokenLabel = (token: string | null) =>
    token === null ? "" : `#${tokenNumbers.get(token) ?? "?"}`;
  const countBySha = new Map<string, number>();
  for (const upload of record.uploads) {
    countBySha.set(upload.sha256, (countBySha.get(upload.sha256) ?? 0) + 1);
  }

  return (
    <section data-part="record" aria-label="Emulator record">
      <h3>Stored files</h3>
      {record.uploads.length === 0 ? (
        <p>Nothing stored yet.</p>
      ) : (
        <table data-part="uploads">
          <thead>
            <tr>
              <th>File</th>
              <th>Size</th>
              <th>SHA-256</th>
              <th>Stored</th>
              <th>Video id</th>
              <th>Token</th>
              <th>Callback</th>
            </tr>
          </thead>
          <tbody>
            {record.uploads.map((upload) => (
              <tr key={upload.photoId} data-sha256={upload.sha256}>
                <td>{upload.fileName}</td>
                <td>{formatFileSize(upload.size, "en")}</td>
                <td>
                  <code title={upload.sha256}>{upload.sha256.slice(0, 16)}…</code>
                </td>
                <td data-part="times-stored" data-count={countBySha.get(upload.sha256)}>
                  {timesStored(countBySha.get(upload.sha256) ?? 0)}
                </td>
                <td>{upload.photoId}</td>
                <td>{tokenLabel(upload.uploadToken)}</td>
                <td>{callbackOf(upload.callback)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Upload tokens</h3>
      {record.tokens.length === 0 ? (
        <p>No token issued yet.</p>
      ) : (
        <ol data-part="tokens">
          {record.tokens.map((token) => (
            <li key={token.uploadToken} data-state={token.state}>
              {`${token.api}, ${token.state}, ${token.uploadsUsed} of ${token.maxUploads} used`}
            </li>
          ))}
        </ol>
      )}
      <h3>Request log</h3>
      {record.requests.length === 0 ? (
        <p>No API request yet.</p>
      ) : (
        <table data-part="requests">
          <thead>
            <tr>
              <th>#</th>
              <th>Request</th>
              <th>Answer</th>
              <th>Body bytes read</th>
              <th>Fault</th>
              <th>Token</th>
            </tr>
          </thead>
          <tbody>
            {record.requests.map((request) => (
              <tr key={request.id} data-fault={request.fault === null ? undefined : ""}>
                <td>{request.id}</td>
                <td>{requestLabel(request)}</td>
                <td>{outcomeOf(request)}</td>
                <td>{request.bytesReceived}</td>
                <td>{request.fault ?? ""}</td>
                <td>{tokenLabel(request.uploadToken)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
