import type { IncomingMessage } from "node:http";
import busboy from "busboy";
import { type BodyMeter, drain, readText } from "./bodyMeter.js";

/** Parameters of an API call, and the pairs the OAuth signature covers. */
export interface ApiParams {
  /** The parameters the method uses (first value wins). On POST only the body counts. */
  params: Map<string, string>;
  /** Query-string pairs (always part of the OAuth base string). */
  query: [string, string][];
  /** url-encoded body pairs (signed); multipart fields are never signed. */
  signedBody: [string, string][];
}

/** A multipart body that could not be parsed (truncated, no boundary…). */
export class MultipartError extends Error {}

const MAX_FORM_BYTES = 1024 * 1024;

function firstValues(pairs: readonly (readonly [string, string])[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const [k, v] of pairs) if (!map.has(k)) map.set(k, v);
  return map;
}

/** The media type of a request, lower-cased, without parameters. */
export function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** Multipart fields (files are read and discarded). */
export function readMultipartFields(
  req: IncomingMessage,
  body: BodyMeter,
): Promise<[string, string][]> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: "utf8",
        limits: { fieldSize: MAX_FORM_BYTES },
      });
    } catch (error) {
      reject(new MultipartError(error instanceof Error ? error.message : String(error)));
      return;
    }
    const fields: [string, string][] = [];
    parser.on("field", (name, value) => fields.push([name, value]));
    parser.on("file", (_name, stream) => stream.resume());
    parser.on("error", (error) => {
      body.unpipe(parser);
      void drain(body).then(
        () => reject(new MultipartError(error instanceof Error ? error.message : String(error))),
        reject,
      );
    });
    parser.on("close", () => resolve(fields));
    body.on("error", reject);
    body.pipe(parser);
  });
}

/**
 * Reads the parameters of a GET (query string) or POST (url-encoded or multipart body; the query
 * string is ignored for parameters, as TwentyThree documents, but still signed).
 */
export async function readApiParams(
  req: IncomingMessage,
  body: BodyMeter,
  url: URL,
): Promise<ApiParams> {
  const query = [...url.searchParams.entries()];
  if (req.method !== "POST") {
    await drain(body);
    return { params: firstValues(query), query, signedBody: [] };
  }
  const type = mediaType(req);
  if (type === "application/x-www-form-urlencoded") {
    const text = await readText(body, MAX_FORM_BYTES);
    const signedBody = [...new URLSearchParams(text).entries()];
    return { params: firstValues(signedBody), query, signedBody };
  }
  if (type === "multipart/form-data") {
    const fields = await readMultipartFields(req, body);
    return { params: firstValues(fields), query, signedBody: [] };
  }
  await drain(body);
  return { params: new Map(), query, signedBody: [] };
}
