import { redactSecrets } from "./redactSecrets.js";

const EXCERPT_LENGTH = 120;

/**
 * A short excerpt of an unexpected body for error messages, so that a person can tell what came
 * back: at most ~120 characters, whitespace collapsed, secrets redacted (see `redactSecrets`).
 */
export function excerptOf(body: unknown, known: readonly string[] = []): string {
  const text = typeof body === "string" ? body : safeStringify(body);
  const flat = redactSecrets(text.trim(), known).replace(/\s+/g, " ");
  // Count code points, not UTF-16 units, so that a surrogate pair is never split.
  const chars = Array.from(flat);
  return chars.length <= EXCERPT_LENGTH ? flat : `${chars.slice(0, EXCERPT_LENGTH).join("")}…`;
}

function safeStringify(value: unknown): string {
  if (value === undefined) return "";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
