import type { ServerResponse } from "node:http";

/** An answer computed by an endpoint, written by the router (which adds CORS and applies faults). */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A plain-text answer. */
export function textReply(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): Reply {
  return { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...headers }, body };
}

/** A JSON answer. */
export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(value),
  };
}

/** Writes a reply unless the connection is already gone. */
export function sendReply(
  res: ServerResponse,
  reply: Reply,
  extraHeaders: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const body = Buffer.from(reply.body, "utf8");
  res.writeHead(reply.status, {
    ...extraHeaders,
    ...reply.headers,
    "Content-Length": String(body.length),
  });
  res.end(body);
}
