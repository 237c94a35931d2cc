// Raw HTTP for tests that need control over the connection (abort mid-body, truncated bodies,
// oversized headers), which fetch does not give.
import { type ClientRequest, request } from "node:http";
import { Socket } from "node:net";

/** A multipart/form-data body built by hand. */
export function multipartBody(
  fields: Record<string, string>,
  file: { bytes: Uint8Array; name?: string; type?: string; field?: string } | null,
): { body: Buffer; contentType: string } {
  const boundary = `----tt-test-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? "file"}"; filename="${file.name ?? "clip.bin"}"\r\nContent-Type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface RawResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends `body` and resolves with the answer, or rejects with the connection error. */
export function postRaw(
  url: string,
  body: Buffer,
  headers: Record<string, string>,
): { request: ClientRequest; result: Promise<RawResult> } {
  let req!: ClientRequest;
  const result = new Promise<RawResult>((resolve, reject) => {
    req = request(
      url,
      { method: "POST", headers: { ...headers, "Content-Length": String(body.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
  result.catch(() => {});
  return { request: req, result };
}

/** Writes raw bytes to a socket and resolves with everything the server sent back. */
export function rawExchange(
  url: string,
  bytes: string | Buffer,
  closeAfterWrite = false,
): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.connect(Number(port), hostname, () => {
      socket.write(bytes);
      if (closeAfterWrite) socket.end();
    });
  });
}
