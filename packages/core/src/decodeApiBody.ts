import { parseXml, type XmlNode, type XmlValue } from "./parseXml.js";

/** A body decoded into plain data, or the reason it could not be. */
export type DecodedBody =
  | { readonly ok: true; readonly format: "xml" | "json"; readonly value: unknown }
  | { readonly ok: false; readonly reason: string };

/**
 * Decodes every text shape the TwentyThree API answers with into plain data:
 * - XML (`<response status="ok" …>…</response>`): the root's attributes and children become one
 *   object (`{ status: "ok", upload_token: "…" }`);
 * - JSON, `var visual = {…}` (legacy `format=json` without `raw`) and JSONP (`fn({…})`, also
 *   v2's `/* *\/\nfn({…})`).
 * Never throws; `reason` says in words what the body was instead.
 */
export async function decodeApiBody(text: string): Promise<DecodedBody> {
  const body = text.replace(/^\uFEFF/, "").trim();
  if (body === "") return { ok: false, reason: "an empty body" };
  if (body.startsWith("<")) {
    if (/^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(body)) {
      return { ok: false, reason: "an HTML page" };
    }
    try {
      return { ok: true, format: "xml", value: flattenXmlRoot(await parseXml(body)) };
    } catch {
      return { ok: false, reason: "malformed or truncated XML" };
    }
  }
  const json = unwrapScript(body);
  if (json === null) return { ok: false, reason: "plain text" };
  try {
    return { ok: true, format: "json", value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false, reason: "malformed or truncated JSON" };
  }
}

const VAR_ASSIGNMENT = /^var\s+[A-Za-z_$][\w$]*\s*=\s*([\s\S]*?)\s*;?$/;
const JSONP_CALL = /^[A-Za-z_$][\w$.]*\s*\(([\s\S]*)\)\s*;?$/;

/** The JSON text inside a body, or `null` when the body is not JSON-ish at all. */
function unwrapScript(body: string): string | null {
  // v2 JSONP starts with an empty comment to defuse content sniffing.
  const code = body.replace(/^(?:\/\*[\s\S]*?\*\/\s*)+/, "");
  if (code.startsWith("{") || code.startsWith("[")) return code;
  const assigned = VAR_ASSIGNMENT.exec(code);
  if (assigned?.[1] !== undefined) return assigned[1];
  const called = JSONP_CALL.exec(code);
  if (called?.[1] !== undefined) return called[1];
  return null;
}

/** `{ response: { "@_status": "ok", upload_token: "…" } }` → `{ status: "ok", upload_token: "…" }`. */
function flattenXmlRoot(document: XmlNode): Record<string, unknown> {
  const roots = Object.entries(document);
  const [, root] = roots.find(([name]) => !name.startsWith("?") && !name.startsWith("#")) ?? [];
  if (root === undefined) throw new Error("The XML document has no root element.");
  if (typeof root === "string" || Array.isArray(root)) return { "#text": root };
  return flattenNode(root as XmlNode);
}

function flattenNode(node: XmlNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node)) {
    out[name.startsWith("@_") ? name.slice(2) : name] = plain(value);
  }
  return out;
}

function plain(value: XmlValue): unknown {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return (value as readonly XmlValue[]).map(plain);
  return flattenNode(value as XmlNode);
}
