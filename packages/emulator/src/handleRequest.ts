import type { IncomingMessage, ServerResponse } from "node:http";
import { STATUS_CODES } from "node:http";
import { type ApiRoute, matchApiRoute } from "./apiRoutes.js";
import { BodyMeter, ClientAbortError, drain } from "./bodyMeter.js";
import { handleControl } from "./controlApi.js";
import { issueControlToken } from "./controlToken.js";
import type { FaultRecord } from "./controlTypes.js";
import { corsHeaders, isPreflight, preflightHeaders } from "./cors.js";
import { apiCrossdomain, masterCrossdomain } from "./crossdomain.js";
import { type ApiCall, type EmulatorContext, sleep } from "./emulatorContext.js";
import type { StoredRequest } from "./emulatorState.js";
import { describeFault } from "./faults.js";
import { renderError, responseStyle } from "./formats.js";
import { isProbe } from "./isProbe.js";
import { type Reply, sendReply, textReply } from "./reply.js";

/** A Node request listener that also works as Connect/Vite middleware (unknown paths go to `next`). */
export type RequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

const controlTokenRoute: ApiRoute = {
  api: null,
  endpoint: "token",
  endpointPath: "/api/photo/get-upload-token",
  handler: issueControlToken,
};

const crossdomainRoute = (endpointPath: string, reply: () => Reply): ApiRoute => ({
  api: null,
  endpoint: "crossdomain.xml",
  endpointPath,
  handler: () => Promise.resolve(reply()),
});

/** The host the client addressed (used for `domain` and the OAuth base string). */
function hostOf(ctx: EmulatorContext, req: IncomingMessage): string {
  return (req.headers.host ?? new URL(ctx.url || "http://127.0.0.1").host).toLowerCase();
}

function faultStatusReply(fault: FaultRecord): Reply {
  const status = fault.status ?? fault.statusAfterProcessing ?? 500;
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers["Retry-After"] = String(fault.retryAfter);
  return textReply(status, fault.message ?? STATUS_CODES[status] ?? `HTTP ${status}`, headers);
}

function unknownMethodReply(call: ApiCall): Reply {
  const params = new Map([...call.url.searchParams.entries()].reverse());
  const { style } = responseStyle(call.api, params, call.domain, call.endpointPath);
  return renderError(
    style,
    404,
    "unknown_method",
    `There is no API method at ${call.endpointPath.slice(0, 80)}.`,
  );
}

function finish(
  ctx: EmulatorContext,
  record: StoredRequest,
  status: number | null,
  aborted = false,
): void {
  record.status = status;
  record.aborted = aborted;
  record.done = true;
  record.endedAt = new Date().toISOString();
  if (ctx.options.quiet) return;
  const outcome = aborted ? "aborted" : status === null ? "no answer" : String(status);
  const fault = record.fault === null ? "" : ` [fault ${record.fault}]`;
  ctx.options.logger(
    `${record.method} ${record.path} → ${outcome} (${record.bytesReceived} B)${fault}`,
  );
}

async function handleApi(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  route: ApiRoute,
): Promise<void> {
  // The control API's token endpoint is logged and faulted like the API, but always sends CORS.
  const corsOn = ctx.options.cors === "full" || route.endpoint === "token";
  const cors = corsOn ? corsHeaders() : {};
  const record = ctx.state.startRequest(
    req.method ?? "GET",
    url.pathname,
    route.endpoint,
    route.api,
  );
  if (req.method === "OPTIONS") {
    // In CORS mode "none" a preflight fails the way it does on a server that never heard of CORS.
    const ok = corsOn && isPreflight(req);
    const reply = ok
      ? { status: 204, headers: preflightHeaders(req), body: "" }
      : textReply(405, "OPTIONS is not supported here.", { Allow: "GET, POST" });
    sendReply(res, reply);
    finish(ctx, record, reply.status);
    return;
  }
  record.probe = isProbe(req, route.endpoint);
  const fault = ctx.faults.take(route.endpoint, route.api, record.probe);
  if (fault) record.fault = describeFault(fault);
  // Fault delays end early when the client goes away or the emulator closes.
  const clientGone = new AbortController();
  res.once("close", () => clientGone.abort());
  const delays = AbortSignal.any([ctx.lifetime, clientGone.signal]);
  ctx.inflight.add(req);
  try {
    // Latency comes before anything is read: the body waits in the socket.
    if (fault?.latencyMs) await sleep(fault.latencyMs, delays);
    const body = new BodyMeter(req, fault ?? {}, (bytes) => (record.bytesReceived = bytes));
    const host = hostOf(ctx, req);
    const call: ApiCall = {
      ctx,
      req,
      body,
      url,
      api: route.api ?? "legacy",
      endpoint: route.endpoint,
      endpointPath: route.endpointPath,
      record,
      domain: ctx.options.domain ?? host,
      baseUrl: `http://${host.replace(/:80$/, "")}${url.pathname}`,
    };
    let reply: Reply;
    if (fault?.status !== undefined) {
      await drain(body);
      reply = faultStatusReply(fault);
    } else if (route.handler === null) {
      await drain(body);
      reply = unknownMethodReply(call);
    } else {
      reply = await route.handler(call);
    }
    if (!body.readableEnded) await drain(body);
    if (fault?.processingDelayMs) await sleep(fault.processingDelayMs, delays);
    if (res.destroyed || req.socket.destroyed) {
      // The client gave up while we were "processing"; whatever was stored stays stored.
      finish(ctx, record, null, true);
      return;
    }
    if (fault?.dropAnswer) {
      req.socket.destroy();
      finish(ctx, record, null);
      return;
    }
    // Stored, yet the client hears only a gateway's error.
    if (fault?.statusAfterProcessing !== undefined) reply = faultStatusReply(fault);
    sendReply(res, reply, cors);
    finish(ctx, record, reply.status);
  } catch (error) {
    if (error instanceof ClientAbortError || clientGone.signal.aborted || ctx.lifetime.aborted) {
      finish(ctx, record, null, true);
      return;
    }
    throw error;
  } finally {
    ctx.inflight.delete(req);
  }
}

async function route(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const path = url.pathname;
  if (path === "/__emulator/token") return handleApi(ctx, req, res, url, controlTokenRoute);
  if (path === "/__emulator" || path.startsWith("/__emulator/"))
    return handleControl(ctx, req, res, url);
  if (path === "/crossdomain.xml")
    return handleApi(ctx, req, res, url, crossdomainRoute(path, masterCrossdomain));
  if (path === "/api/crossdomain.xml")
    return handleApi(ctx, req, res, url, crossdomainRoute(path, apiCrossdomain));
  const apiRoute = matchApiRoute(path);
  if (apiRoute) return handleApi(ctx, req, res, url, apiRoute);
  if (next) return next();
  req.resume();
  sendReply(res, textReply(404, "Not found."), ctx.options.cors === "full" ? corsHeaders() : {});
}

/** The emulator's request listener. Never throws: an unexpected failure is a plain 500. */
export function createRequestHandler(ctx: EmulatorContext): RequestHandler {
  return (req, res, next) => {
    route(ctx, req, res, next).catch((error: unknown) => {
      console.error(
        "twentythree-emulator: internal error:",
        error instanceof Error ? error.message : error,
      );
      req.resume();
      sendReply(res, textReply(500, "Internal emulator error."), corsHeaders());
    });
  };
}
