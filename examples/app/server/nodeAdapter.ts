// Runs a Fetch API handler on node:http (and on Express, whose req/res are node:http's). Node's
// own Request/Response (undici) do the work; this only copies headers and streams bodies across.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

/** A node:http request listener. */
export type NodeListener = (request: IncomingMessage, response: ServerResponse) => void;

/** Builds a Fetch API Request from a node:http request (the body is streamed, not buffered). */
export function toFetchRequest(request: IncomingMessage, signal?: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  let url: URL;
  try {
    url = new URL(request.url ?? "/", `http://${request.headers.host ?? "localhost"}`);
  } catch {
    url = new URL(request.url ?? "/", "http://localhost");
  }
  const method = request.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const init: RequestInit & { duplex?: "half" } = {
    method,
    headers,
    ...(signal ? { signal } : {}),
    ...(hasBody
      ? { body: Readable.toWeb(request) as ReadableStream<Uint8Array>, duplex: "half" }
      : {}),
  };
  return new Request(url, init);
}

/** Writes a Fetch API Response to a node:http response. */
export async function writeFetchResponse(
  fetchResponse: Response,
  response: ServerResponse,
): Promise<void> {
  response.statusCode = fetchResponse.status;
  fetchResponse.headers.forEach((value, name) => {
    if (name !== "set-cookie") response.setHeader(name, value);
  });
  const cookies = fetchResponse.headers.getSetCookie();
  if (cookies.length > 0) response.setHeader("set-cookie", cookies);
  if (!fetchResponse.body) {
    response.end();
    return;
  }
  const body = Readable.fromWeb(fetchResponse.body as NodeReadableStream<Uint8Array>);
  await new Promise<void>((resolve, reject) => {
    body.once("error", reject);
    response.once("close", resolve);
    body.pipe(response);
  });
}

/** Adapts a Fetch API handler to a node:http listener: `createServer(toNodeListener(handler))`. */
export function toNodeListener(handler: (request: Request) => Promise<Response>): NodeListener {
  return (request, response) => {
    // Abort the handler's work (e.g. the call to TwentyThree) when the client goes away.
    const controller = new AbortController();
    response.once("close", () => {
      if (!response.writableFinished) controller.abort();
    });
    void handler(toFetchRequest(request, controller.signal))
      .then((fetchResponse) => writeFetchResponse(fetchResponse, response))
      .catch(() => {
        if (!response.headersSent) {
          response.writeHead(500, {
            "Content-Type": "application/json",
            "Cache-Control": "no-store",
          });
          response.end(JSON.stringify({ error: "internal_error", message: "The request failed." }));
        } else {
          response.destroy();
        }
      });
  };
}
