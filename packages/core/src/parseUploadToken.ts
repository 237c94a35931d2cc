import { isRecord } from "./apiFields.js";
import { apiErrorOf } from "./apiErrorOf.js";
import { decodeApiBody } from "./decodeApiBody.js";
import { excerptOf } from "./excerptOf.js";
import { ResponseFormatError } from "./errors.js";
import type { UploadToken } from "./types.js";

/** Options of {@link parseUploadToken}. */
export interface ParseUploadTokenOptions {
  /** The HTTP status the body came with, recorded on a `TwentyThreeApiError`. Default: `null`. */
  status?: number | null;
}

// Envelope fields around a flat token (XML root attributes, legacy JSON, v2): not token data.
const ENVELOPE_KEYS = new Set([
  "status",
  "message",
  "permission_level",
  "cached",
  "cache_time",
  "p",
  "size",
  "total_count",
  "site",
  "endpoint",
]);
const TOKEN_KEYS = new Set([
  "upload_token",
  "title",
  "description",
  "publish",
  "tags",
  "user_id",
  "album_id",
  "max_uploads",
  "valid_minutes",
  "valid_until",
  "return_url",
  "background_return_p",
]);

/**
 * Parses an upload token from any shape TwentyThree or an app's token endpoint returns: legacy
 * XML, legacy JSON (`uploadtoken`), `var visual = {…}`, JSONP, v2 JSON (`data`), a flat object
 * with TwentyThree's field names, an already-parsed object of any of these, or an
 * {@link UploadToken} (also as JSON, with `validUntil` as an ISO date). Numbers may be strings.
 *
 * @throws TwentyThreeApiError for TwentyThree's error envelope (`code`, `message`).
 * @throws ResponseFormatError for anything else that is not a complete token (an HTML page, an
 *   empty body, truncated XML, a missing `upload_token` or `valid_until`); `received` holds a
 *   short excerpt with secrets redacted.
 */
export async function parseUploadToken(
  body: string | object,
  options: ParseUploadTokenOptions = {},
): Promise<UploadToken> {
  if (typeof body !== "string") return parseTokenObject(body, options);
  const decoded = await decodeApiBody(body);
  if (!decoded.ok) throw formatError(body, `received ${decoded.reason}`);
  return parseTokenObject(decoded.value, options, body);
}

/**
 * @internal {@link parseUploadToken} of a value that needs no decoding (an object), in the same
 * task: the uploader starts an upload with a token a token function already held without
 * waiting for a microtask. `original` is what the excerpt of an error shows.
 */
export function parseTokenObject(
  value: unknown,
  options: ParseUploadTokenOptions = {},
  original: unknown = value,
): UploadToken {
  if (!isRecord(value)) throw formatError(original, "received something other than an object");
  const apiError = apiErrorOf(value, options.status ?? null);
  if (apiError) throw apiError;
  if ("uploadToken" in value) return fromParsedToken(value, original);
  const fields = tokenRecord(value);
  if (!fields) throw formatError(original, "it has no upload_token");
  return fromApiFields(fields.record, fields.flat, original);
}

/** Finds the token fields: legacy JSON `uploadtoken`, v2 `data`, or the object itself. */
function tokenRecord(
  record: Record<string, unknown>,
): { record: Record<string, unknown>; flat: boolean } | null {
  for (const key of ["uploadtoken", "data"]) {
    const nested = record[key];
    if (isRecord(nested) && "upload_token" in nested) return { record: nested, flat: false };
  }
  return "upload_token" in record ? { record, flat: true } : null;
}

function fromApiFields(
  record: Record<string, unknown>,
  flat: boolean,
  original: unknown,
): UploadToken {
  const read = fieldReader(record, original);
  const validUntil = read.epochSeconds("valid_until");
  const extra: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (TOKEN_KEYS.has(key) || (flat && ENVELOPE_KEYS.has(key))) continue;
    const text = asText(value);
    if (text !== null) extra[key] = text;
  }
  return {
    uploadToken: read.token("upload_token"),
    title: read.text("title"),
    description: read.text("description"),
    publish: read.flag("publish", true),
    tags: read.text("tags"),
    userId: read.optionalId("user_id"),
    albumId: read.optionalId("album_id"),
    maxUploads: read.count("max_uploads", 1, 1),
    validMinutes: read.count("valid_minutes", minutesUntil(validUntil), 0),
    validUntil,
    returnUrl: read.text("return_url") || null,
    backgroundReturn: read.flag("background_return_p", false),
    extra,
  };
}

/** An {@link UploadToken} (or its JSON) passes through after the same checks. */
function fromParsedToken(record: Record<string, unknown>, original: unknown): UploadToken {
  const read = fieldReader(record, original);
  const rawUntil = record.validUntil;
  const validUntil =
    rawUntil instanceof Date ? rawUntil : typeof rawUntil === "string" ? new Date(rawUntil) : null;
  if (!validUntil || Number.isNaN(validUntil.getTime())) {
    throw formatError(original, "its validUntil is not a date");
  }
  const extra: Record<string, string> = {};
  if (isRecord(record.extra)) {
    for (const [key, value] of Object.entries(record.extra)) {
      const text = asText(value);
      if (text !== null) extra[key] = text;
    }
  }
  return {
    uploadToken: read.token("uploadToken"),
    title: read.text("title"),
    description: read.text("description"),
    publish: read.flag("publish", true),
    tags: read.text("tags"),
    userId: read.optionalId("userId"),
    albumId: read.optionalId("albumId"),
    maxUploads: read.count("maxUploads", 1, 1),
    validMinutes: read.count("validMinutes", minutesUntil(validUntil), 0),
    validUntil,
    returnUrl: read.text("returnUrl") || null,
    backgroundReturn: read.flag("backgroundReturn", false),
    extra,
  };
}

/** Reads and checks one field at a time; every failure names the field, never its secret value. */
interface FieldReader {
  token(key: string): string;
  text(key: string): string;
  optionalId(key: string): string | null;
  flag(key: string, fallback: boolean): boolean;
  count(key: string, fallback: number, min: number): number;
  epochSeconds(key: string): Date;
}

function fieldReader(record: Record<string, unknown>, original: unknown): FieldReader {
  const fail = (key: string, problem: string) => formatError(original, `its ${key} ${problem}`);
  // A field's value, `null` when absent (undefined, null or "").
  const valueOf = (key: string) => {
    const value = record[key];
    return value === undefined || value === "" ? null : value;
  };
  const text = (key: string) => {
    const value = valueOf(key);
    const text = value === null ? "" : asText(value);
    if (text === null) throw fail(key, "is not text");
    return text;
  };
  return {
    token(key) {
      const value = valueOf(key);
      const text = typeof value === "string" ? value.trim() : "";
      if (text === "") throw fail(key, "is missing or empty");
      if (/[\s<>"'&]/.test(text)) throw fail(key, "is malformed");
      return text;
    },
    text,
    optionalId: (key) => text(key).trim() || null,
    flag(key, fallback) {
      const value = valueOf(key);
      if (value === null) return fallback;
      const word = (asText(value) ?? "").trim().toLowerCase();
      if (["1", "t", "true", "yes"].includes(word)) return true;
      if (["0", "f", "false", "no"].includes(word)) return false;
      throw fail(key, "is not a yes/no value");
    },
    count(key, fallback, min) {
      const value = valueOf(key);
      if (value === null) return fallback;
      const number = integer(value);
      if (number === null || number < min) {
        throw fail(key, `is not a whole number of at least ${min}`);
      }
      return number;
    },
    epochSeconds(key) {
      const value = valueOf(key);
      if (value === null) throw formatError(original, `it has no ${key}`);
      const seconds = integer(value);
      if (seconds === null || seconds < 0) throw fail(key, "is not a time in epoch seconds");
      return new Date(seconds * 1000);
    },
  };
}

function integer(value: unknown): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : null;
  if (typeof value === "string" && /^\s*\d{1,15}\s*$/.test(value)) return Number(value);
  return null;
}

function minutesUntil(date: Date): number {
  return Math.max(0, Math.round((date.getTime() - Date.now()) / 60_000));
}

function asText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "";
  return null;
}

function formatError(original: unknown, problem: string): ResponseFormatError {
  const excerpt = excerptOf(original);
  const quoted = excerpt ? `: ${JSON.stringify(excerpt)}` : "";
  return new ResponseFormatError(
    `Expected an upload token, but ${problem}${problem.startsWith("received") ? quoted : ""}.`,
    excerpt,
  );
}
