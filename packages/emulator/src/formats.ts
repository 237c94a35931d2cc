// TwentyThree's response formats. Legacy (`/api`): XML by default, `format=json` gives
// `var visual = {…}`, `raw` gives bare JSON, `varname=x` gives `var x = {…}`, `callback=fn` gives
// JSONP; every answer is HTTP 200, errors included. v2 (`/api/2`): JSON envelope with `data`,
// errors with a 4xx/5xx status, `callback=fn` gives `/* */\nfn({…})`.
import { XMLBuilder } from "fast-xml-parser";
import type { ApiGeneration, PermissionLevel } from "./controlTypes.js";
import { type Reply, jsonReply } from "./reply.js";

/** How a legacy answer is serialised. */
export type LegacyFormat =
  | { kind: "xml" }
  | { kind: "raw" }
  | { kind: "var"; name: string }
  | { kind: "jsonp"; callback: string };

/** The generation and format an answer is rendered in. */
export interface ResponseStyle {
  api: ApiGeneration;
  /** Legacy format; ignored for v2 except for the JSONP callback. */
  format: LegacyFormat;
  /** Host reported as `site.domain` and as `domain` in callbacks. */
  domain: string;
  /** `/api/photo/get-upload-token`, echoed as `endpoint` in legacy JSON. */
  endpointPath: string;
}

/** The parts of a successful answer; each endpoint gives both its XML and its JSON payload. */
export interface OkBody {
  message?: string;
  permissionLevel: PermissionLevel;
  /** Root attributes such as `p`, `size`, `total_count` (legacy strings). */
  attributes?: Record<string, string>;
  /** Legacy XML children of `<response>` (fast-xml-parser builder object). */
  xml: Record<string, unknown>;
  /** Legacy JSON payload keys (values already strings). */
  json: Record<string, unknown>;
  /** v2 `data`. */
  data: unknown;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: false,
});

/** Reads `format`, `raw`, `varname` and `callback`; a callback implies JSON. */
export function parseLegacyFormat(
  params: ReadonlyMap<string, string>,
): { ok: true; format: LegacyFormat } | { ok: false; message: string } {
  const callback = params.get("callback");
  const varname = params.get("varname");
  const format = (params.get("format") ?? "xml").toLowerCase();
  if (callback !== undefined && callback !== "") {
    if (!IDENTIFIER.test(callback)) {
      return {
        ok: false,
        message: "callback must be a JavaScript identifier such as handle or a.b.",
      };
    }
    return { ok: true, format: { kind: "jsonp", callback } };
  }
  if (format !== "xml" && format !== "json") {
    return { ok: false, message: `format must be xml or json; got "${format.slice(0, 20)}".` };
  }
  if (format === "xml") return { ok: true, format: { kind: "xml" } };
  if (params.has("raw")) return { ok: true, format: { kind: "raw" } };
  if (varname !== undefined && varname !== "") {
    if (!IDENTIFIER.test(varname)) {
      return { ok: false, message: "varname must be a JavaScript identifier." };
    }
    return { ok: true, format: { kind: "var", name: varname } };
  }
  return { ok: true, format: { kind: "var", name: "visual" } };
}

function site(domain: string): Record<string, string> {
  return { domain, product_key: "", site_id: "1", site_name: "TwentyThree Emulator" };
}

function serialiseJson(format: LegacyFormat, value: unknown): Reply {
  const json = JSON.stringify(value);
  switch (format.kind) {
    case "raw":
    case "xml":
      return jsonReply(200, value);
    case "var":
      return { status: 200, headers: jsJs(), body: `var ${format.name} = ${json}` };
    case "jsonp":
      return { status: 200, headers: jsJs(), body: `${format.callback}(${json});` };
  }
}

function jsJs(): Record<string, string> {
  return { "Content-Type": "text/javascript; charset=utf-8" };
}

function xmlReply(root: Record<string, unknown>): Reply {
  const xml = builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    response: root,
  }) as string;
  return { status: 200, headers: { "Content-Type": "text/xml; charset=utf-8" }, body: xml };
}

function prefixed(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([k, v]) => [`@_${k}`, v]));
}

/** A successful answer in the style's generation and format. */
export function renderOk(style: ResponseStyle, body: OkBody): Reply {
  const message = body.message === undefined ? {} : { message: body.message };
  const attributes = body.attributes ?? {};
  if (style.api === "v2") {
    const counts = Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, Number(v)]));
    return renderV2(style, 200, {
      status: "ok",
      permission_level: body.permissionLevel,
      cached: false,
      ...message,
      ...counts,
      data: body.data,
    });
  }
  if (style.format.kind === "xml") {
    return xmlReply({
      ...prefixed({
        status: "ok",
        permission_level: body.permissionLevel,
        ...message,
        cached: "0",
      }),
      ...prefixed(attributes),
      ...body.xml,
    });
  }
  return serialiseJson(style.format, {
    status: "ok",
    ...message,
    permission_level: body.permissionLevel,
    cached: "0",
    ...body.json,
    ...attributes,
    site: site(style.domain),
    endpoint: style.endpointPath,
  });
}

/** An error: legacy 200 with `status="error"`, v2 `httpStatus` with the JSON error envelope. */
export function renderError(
  style: ResponseStyle,
  httpStatus: number,
  code: string,
  message: string,
  permissionLevel: PermissionLevel = "none",
): Reply {
  if (style.api === "v2") {
    return renderV2(style, httpStatus, {
      status: "error",
      message,
      code,
      permission_level: permissionLevel,
    });
  }
  if (style.format.kind === "xml") {
    return xmlReply(
      prefixed({ status: "error", code, message, permission_level: permissionLevel }),
    );
  }
  return serialiseJson(style.format, {
    status: "error",
    message,
    code,
    permission_level: permissionLevel,
    endpoint: style.endpointPath,
  });
}

function renderV2(style: ResponseStyle, status: number, envelope: unknown): Reply {
  if (style.format.kind === "jsonp") {
    return {
      status,
      headers: jsJs(),
      body: `/* */\n${style.format.callback}(${JSON.stringify(envelope)})`,
    };
  }
  return jsonReply(status, envelope);
}

/**
 * The style of an answer from the request's parameters. A malformed `format`, `callback` or
 * `varname` falls back to a style that can still carry the error, and `formatError` says why.
 */
export function responseStyle(
  api: ApiGeneration,
  params: ReadonlyMap<string, string>,
  domain: string,
  endpointPath: string,
): { style: ResponseStyle; formatError: string | null } {
  const parsed = parseLegacyFormat(params);
  if (api === "v2") {
    // v2 is always JSON; only a valid JSONP callback changes the wrapping.
    const format: LegacyFormat =
      parsed.ok && parsed.format.kind === "jsonp" ? parsed.format : { kind: "raw" };
    const bad = !parsed.ok && params.has("callback");
    return {
      style: { api, format, domain, endpointPath },
      formatError: bad ? parsed.message : null,
    };
  }
  if (parsed.ok)
    return { style: { api, format: parsed.format, domain, endpointPath }, formatError: null };
  const fallback: LegacyFormat =
    params.get("format")?.toLowerCase() === "json" ? { kind: "raw" } : { kind: "xml" };
  return { style: { api, format: fallback, domain, endpointPath }, formatError: parsed.message };
}
