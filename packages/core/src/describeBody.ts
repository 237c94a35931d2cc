import { redactSecrets } from "./redactSecrets.js";

const EXCERPT_LENGTH = 120;

/** What a body looks like, for error messages: a kind in words and a short token-free excerpt. */
export interface BodyDescription {
  /** E.g. `"an empty body"`, `"an HTML page"`, `"plain text"`. */
  readonly kind: string;
  /** At most ~120 characters, whitespace collapsed, secrets redacted. */
  readonly excerpt: string;
}

/** Describes an unexpected body so that a person can tell what came back, without secrets. */
export function describeBody(body: unknown, known: readonly string[] = []): BodyDescription {
  const text = typeof body === "string" ? body : safeStringify(body);
  const trimmed = text.trim();
  const excerpt = shorten(redactSecrets(trimmed, known).replace(/\s+/g, " "));
  if (trimmed === "") return { kind: "an empty body", excerpt: "" };
  if (typeof body !== "string") return { kind: "an object of an unknown shape", excerpt };
  if (/^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(trimmed)) {
    return { kind: "an HTML page", excerpt };
  }
  if (trimmed.startsWith("<")) return { kind: "XML that is not a TwentyThree answer", excerpt };
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    return { kind: "JSON of an unknown shape", excerpt };
  }
  return { kind: "plain text", excerpt };
}

function shorten(text: string): string {
  if (text.length <= EXCERPT_LENGTH) return text;
  // Count code points, not UTF-16 units, so a surrogate pair is never split.
  return `${Array.from(text).slice(0, EXCERPT_LENGTH).join("")}…`;
}

function safeStringify(value: unknown): string {
  if (value === undefined) return "";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
