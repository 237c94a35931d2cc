// The control API under /__emulator/ (JSON, CORS always on, whatever the CORS mode): what tests
// and stories use to inspect and steer an emulator over HTTP, from Node or from a browser.
// POST /__emulator/token is routed with the API (it is logged and can be faulted).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorInfo } from "./controlTypes.js";
import { corsHeaders, preflightHeaders } from "./cors.js";
import type { EmulatorContext } from "./emulatorContext.js";
import { DEFAULT_BEARER_TOKEN, DEFAULT_CREDENTIALS } from "./emulatorOptions.js";
import { FaultSpecError } from "./faults.js";
import { type Reply, jsonReply, sendReply } from "./reply.js";
import { returnPage } from "./returnPage.js";

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 1024 * 1024) chunks.push(chunk);
    });
    req.on("error", reject);
    req.on("end", () => {
      if (size > 1024 * 1024)
        return reject(new ControlError(413, "The JSON body is larger than 1 MiB."));
      const text = Buffer.concat(chunks).toString("utf8").trim();
      if (text === "") return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new ControlError(400, "The body is not valid JSON."));
      }
    });
  });
}

function info(ctx: EmulatorContext): EmulatorInfo {
  const { options } = ctx;
  return {
    url: ctx.url,
    cors: options.cors,
    permissionLevel: options.permissionLevel,
    encodingDelayMs: options.encodingDelayMs,
    refuseTypes: options.refuseTypes,
    tokenErrorStatus: options.tokenErrorStatus,
    timestampWindowSeconds: options.timestampWindowSeconds,
    consumerKey: options.credentials.consumerKey,
    accessToken: options.credentials.accessToken,
    defaultSecrets: {
      consumerSecret: options.credentials.consumerSecret === DEFAULT_CREDENTIALS.consumerSecret,
      accessTokenSecret:
        options.credentials.accessTokenSecret === DEFAULT_CREDENTIALS.accessTokenSecret,
      bearerToken: options.bearerToken === DEFAULT_BEARER_TOKEN,
    },
  };
}

function tokenOrThrow(ctx: EmulatorContext, value: string) {
  const token = ctx.state.tokens.get(value);
  if (!token) throw new ControlError(404, "No such upload token.");
  return token;
}

async function dispatch(ctx: EmulatorContext, req: IncomingMessage, route: string): Promise<Reply> {
  const method = req.method ?? "GET";
  const { state } = ctx;
  const is = (m: string, path: string) => method === m && route === path;
  if (is("GET", "health")) return jsonReply(200, { status: "ok" });
  if (is("GET", "info")) return jsonReply(200, info(ctx));
  if (is("GET", "tokens"))
    return jsonReply(
      200,
      [...state.tokens.values()].map((t) => state.tokenRecord(t)),
    );
  if (is("GET", "uploads")) return jsonReply(200, state.uploads);
  if (is("GET", "requests")) return jsonReply(200, state.requests);
  if (is("GET", "returns")) return jsonReply(200, state.returns);
  if (is("GET", "faults")) return jsonReply(200, ctx.faults.list());
  if (is("GET", "instances")) return jsonReply(200, ctx.instances.list());
  if (is("DELETE", "faults")) {
    ctx.faults.clear();
    return jsonReply(200, { cleared: true });
  }
  if (is("POST", "faults")) {
    const body = await readJson(req);
    const specs = Array.isArray(body) ? body : [body];
    if (specs.length === 0)
      throw new ControlError(400, "Send a fault object or a non-empty array of them.");
    const added = specs.map((spec) => ctx.faults.add(spec));
    return jsonReply(201, Array.isArray(body) ? added : added[0]);
  }
  if (is("POST", "reset")) {
    await ctx.reset();
    return jsonReply(200, { reset: true });
  }
  if (is("POST", "instances")) {
    const body = (await readJson(req)) ?? {};
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new ControlError(400, "Instance options must be a JSON object.");
    }
    try {
      return jsonReply(201, await ctx.instances.spawn(body));
    } catch (error) {
      // Option validation throws TypeError with a message naming the option.
      if (error instanceof TypeError) throw new ControlError(400, error.message);
      throw error;
    }
  }
  const instance = /^instances\/(\d+)$/.exec(route);
  if (instance && method === "DELETE") {
    if (!(await ctx.instances.close(Number(instance[1]))))
      throw new ControlError(404, "No such instance.");
    return jsonReply(200, { closed: true });
  }
  const token = /^tokens\/([^/]+)(\/expire)?$/.exec(route);
  if (token) {
    const stored = tokenOrThrow(ctx, decodeURIComponent(token[1] ?? ""));
    if (token[2] && method === "POST") {
      stored.expiredByControl = true;
      return jsonReply(200, state.tokenRecord(stored));
    }
    if (!token[2] && method === "GET") return jsonReply(200, state.tokenRecord(stored));
  }
  const known =
    /^(health|info|tokens|uploads|requests|returns|faults|instances|reset)(\/.*)?$/.test(route);
  throw new ControlError(
    known ? 405 : 404,
    known
      ? `${method} is not supported on /__emulator/${route}.`
      : `No control endpoint /__emulator/${route}.`,
  );
}

/** Answers a request under /__emulator/. */
export async function handleControl(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (req.method === "OPTIONS") {
    req.resume();
    res.writeHead(204, preflightHeaders(req));
    res.end();
    return;
  }
  const route = url.pathname.replace(/^\/__emulator\/?/, "").replace(/\/+$/, "");
  if (route === "return") return returnPage(ctx, req, res, url);
  let reply: Reply;
  try {
    reply = await dispatch(ctx, req, route);
  } catch (error) {
    if (error instanceof ControlError || error instanceof FaultSpecError) {
      reply = jsonReply(error instanceof ControlError ? error.status : 400, {
        error: error.message,
      });
    } else throw error;
  }
  req.resume();
  sendReply(res, reply, { ...corsHeaders(), "Cache-Control": "no-store" });
}
