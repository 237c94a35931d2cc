// Reads a small JSON body without trusting its declared size: the stream is cut off as soon as it
// passes the limit, so a client cannot make the server buffer megabytes of metadata.
import type { Refusal } from "./refusal.js";

/** The parsed body, or why it was refused (415, 413 or 400). */
export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; refusal: Refusal };

const tooLarge = (limit: number): JsonBodyResult => ({
  ok: false,
  refusal: {
    status: 413,
    error: "payload_too_large",
    message: `The request body is larger than ${limit} bytes.`,
  },
});

/** Whether the Content-Type is JSON (`application/json`, any parameters such as charset). */
export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const [type] = value.split(";");
  return type?.trim().toLowerCase() === "application/json";
}

/** Reads and parses the body of a JSON request, at most `limit` bytes. */
export async function readJsonBody(request: Request, limit: number): Promise<JsonBodyResult> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return {
      ok: false,
      refusal: {
        status: 415,
        error: "unsupported_media_type",
        message: "Send the request body as JSON with Content-Type: application/json.",
      },
    };
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) return tooLarge(limit);

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return tooLarge(limit);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      refusal: {
        status: 400,
        error: "invalid_json",
        message: "The request body is not valid UTF-8 JSON.",
      },
    };
  }
}
