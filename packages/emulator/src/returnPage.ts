import type { IncomingMessage, ServerResponse } from "node:http";
import { STATUS_CODES } from "node:http";
import { type EmulatorContext, sleep } from "./emulatorContext.js";
import { describeFault } from "./faults.js";
import { sendReply } from "./reply.js";

function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  return new Promise((resolve) => {
    const isForm = (req.headers["content-type"] ?? "").startsWith(
      "application/x-www-form-urlencoded",
    );
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (isForm && size <= 1024 * 1024) chunks.push(chunk);
    });
    req.on("error", () => resolve({}));
    req.on("end", () =>
      resolve(
        isForm
          ? Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")))
          : {},
      ),
    );
  });
}

/**
 * `/__emulator/return`: an echo page to use as return_url in tests. It answers its query (and, for
 * a POST callback, its url-encoded body) as a JSON object, with `Access-Control-Allow-Origin: *` so
 * that an XHR that followed the 301 can read it. Opened as a page (a navigation, e.g. in an iframe
 * or a no-JS form post) the same JSON is served as `text/plain`, so it renders as plain text.
 * Every hit is remembered for `GET /__emulator/returns`.
 */
export async function returnPage(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  // A slow or broken return_url page of the app (endpoint "return" faults).
  const fault = ctx.faults.take("return", null);
  const body = req.method === "POST" ? await readForm(req) : {};
  if (req.method !== "POST") req.resume();
  const query = Object.fromEntries(url.searchParams);
  ctx.state.recordReturn({
    at: new Date().toISOString(),
    method: req.method ?? "GET",
    query,
    body,
    fromEmulator: req.headers["x-twentythree-emulator"] === "background",
    fault: fault ? describeFault(fault) : null,
  });
  if (fault?.latencyMs) {
    const clientGone = new AbortController();
    res.once("close", () => clientGone.abort());
    try {
      await sleep(fault.latencyMs, AbortSignal.any([ctx.lifetime, clientGone.signal]));
    } catch {
      return;
    }
  }
  if (fault?.status !== undefined) {
    const headers: Record<string, string> = {
      "Content-Type": "text/plain; charset=utf-8",
      "Access-Control-Allow-Origin": "*",
    };
    if (fault.retryAfter !== undefined) headers["Retry-After"] = String(fault.retryAfter);
    sendReply(res, {
      status: fault.status,
      headers,
      body: fault.message ?? STATUS_CODES[fault.status] ?? `HTTP ${fault.status}`,
    });
    return;
  }
  const destination = req.headers["sec-fetch-dest"];
  const navigation =
    destination === "document" || destination === "iframe" || destination === "frame";
  sendReply(res, {
    status: 200,
    headers: {
      "Content-Type": navigation ? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "no-store",
    },
    body: JSON.stringify({ ...query, ...body }, null, navigation ? 2 : 0),
  });
}
