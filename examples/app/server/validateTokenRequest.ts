// Server-side validation of the metadata a browser sends with a token request. The browser's own
// checks are advisory (anyone can POST anything), so every field is checked here before it is
// signed and sent to TwentyThree. Messages name the field and the rule, never echo the value.
// From the React package, which re-exports core: the one package an app installs.
import type { ApiVersion, UploadTokenRequest } from "@twentythree-upload/react";
import type { Refusal } from "./refusal.js";

/** A request that passed validation; `maxUploads` and `returnUrl` are settled. */
export interface ValidatedTokenRequest extends UploadTokenRequest {
  maxUploads: number;
  returnUrl: string;
}

/** The limits validation applies (from the handler options). */
export interface ValidationRules {
  apiVersion: ApiVersion;
  maxUploadsCap: number;
  maxFileSize: number;
  /** The first is the default. */
  returnUrls: readonly string[];
  /** Whether the request may pick one of `returnUrls` with `returnUrl`. */
  returnUrlChoice: boolean;
}

export type ValidationResult =
  { ok: true; request: ValidatedTokenRequest } | { ok: false; refusal: Refusal };

/** Extra keys become TwentyThree parameters and callback parameters: keep them plain. */
export const EXTRA_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_EXTRA_KEYS = 20;
const MAX_EXTRA_VALUE = 500;
/**
 * TwentyThree calls the return URL with a GET only while the whole URL is under 1500 characters,
 * and POSTs otherwise, which a callback page that reads its query cannot handle.
 */
export const CALLBACK_URL_LIMIT = 1500;
/**
 * What TwentyThree adds to the callback besides `extra`: `domain`, a 64-character `upload_token`,
 * `photo_id`, `tree_id` and `token`, or `error_message`. A generous estimate.
 */
export const CALLBACK_OVERHEAD = 250;

/**
 * Parameters TwentyThree reads on get-upload-token or adds to the callback: an `extra` entry with
 * one of these names could override server-side settings or forge a callback result.
 */
export const RESERVED_PARAMS: ReadonlySet<string> = new Set([
  "return_url",
  "background_return_p",
  "user_id",
  "album_id",
  "title",
  "description",
  "tags",
  "publish",
  "publish_date",
  "absolute_url",
  "valid_minutes",
  "max_uploads",
  "fields",
  "format",
  "raw",
  "callback",
  "varname",
  "upload_token",
  "domain",
  "photo_id",
  "tree_id",
  "token",
  "error_message",
  "file",
  "time",
]);

/** Fields only the server decides; a request carrying one is refused, so the mistake is seen. */
const SERVER_FIELDS = new Set([
  "return_url",
  "returnUrl",
  "background_return_p",
  "backgroundReturn",
  "upload_token",
  "uploadToken",
  "user_id",
  "userId",
  "valid_minutes",
  "validMinutes",
  "absolute_url",
  "absoluteUrl",
]);

const TEXT_LIMITS = {
  title: 255,
  description: 5000,
  tags: 500,
  fileName: 255,
  fileType: 255,
} as const;
// Control characters have no place in metadata; descriptions may have line breaks and tabs.
/* eslint-disable no-control-regex -- matching control characters is the point */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/* eslint-enable no-control-regex */
const ALBUM_IDS = /^\d{1,20}(,\d{1,20}){0,49}$/;
/** A MIME type's essence (`type/subtype`); any `;parameters` are split off first. */
const MIME_ESSENCE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;
const PUBLISH_DATE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function invalid(field: string, message: string, error = "invalid_field"): ValidationResult {
  return { ok: false, refusal: { status: 422, error, message, field } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isCalendarDate(match: RegExpExecArray): boolean {
  // Missing time parts (optional groups) count as 0.
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60
  );
}

/** Checks a parsed JSON body against the {@link UploadTokenRequest} contract and the rules. */
export function validateTokenRequest(body: unknown, rules: ValidationRules): ValidationResult {
  if (!isPlainObject(body)) {
    return {
      ok: false,
      refusal: {
        status: 400,
        error: "invalid_body",
        message: "The request body must be a JSON object.",
      },
    };
  }
  const out: ValidatedTokenRequest = { maxUploads: 1, returnUrl: rules.returnUrls[0] ?? "" };

  for (const [field, value] of Object.entries(body)) {
    // JSON has no `undefined`; a client that serializes "not set" as null means the same.
    if (value === null) continue;
    if (field === "returnUrl" && rules.returnUrlChoice) {
      if (typeof value !== "string" || !rules.returnUrls.includes(value)) {
        return invalid(
          field,
          "returnUrl must be exactly one of the return URLs this server allows.",
        );
      }
      out.returnUrl = value;
    } else if (SERVER_FIELDS.has(field) || field.startsWith("oauth_")) {
      return invalid(
        field,
        `${field} is set by the server and cannot be chosen by the request.`,
        "field_not_allowed",
      );
    } else if (Object.hasOwn(TEXT_LIMITS, field)) {
      // Own keys only: `in` would also accept `toString`, `constructor`, `__proto__`…
      const key = field as keyof typeof TEXT_LIMITS;
      const limit = TEXT_LIMITS[key];
      if (typeof value !== "string") return invalid(field, `${field} must be a string.`);
      if (value.length > limit)
        return invalid(field, `${field} must be at most ${limit} characters.`);
      const control = key === "description" ? CONTROL_EXCEPT_WHITESPACE : CONTROL;
      if (control.test(value))
        return invalid(field, `${field} must not contain control characters.`);
      if (key === "fileType" && value !== "") {
        const refused = checkFileType(value);
        if (refused) return invalid(field, refused);
      }
      out[key] = value;
    } else if (field === "albumId") {
      if (typeof value !== "string" || !ALBUM_IDS.test(value)) {
        return invalid(field, "albumId must be one or more numeric ids separated by commas.");
      }
      out.albumId = value;
    } else if (field === "publish") {
      if (typeof value !== "boolean") return invalid(field, "publish must be true or false.");
      out.publish = value;
    } else if (field === "publishDate") {
      const match = typeof value === "string" ? PUBLISH_DATE.exec(value) : null;
      if (!match || !isCalendarDate(match)) {
        return invalid(field, 'publishDate must be a date and time such as "2026-11-01 09:00:00".');
      }
      if (rules.apiVersion !== "v2") {
        return invalid(field, "publishDate is only supported by TwentyThree's v2 API.");
      }
      out.publishDate = value as string;
    } else if (field === "fileSize") {
      if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
        return invalid(field, "fileSize must be a positive whole number of bytes.");
      }
      if (value > rules.maxFileSize) {
        return invalid(
          field,
          `The file is larger than the ${rules.maxFileSize}-byte limit.`,
          "file_too_large",
        );
      }
      out.fileSize = value;
    } else if (field === "maxUploads") {
      if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
        return invalid(field, "maxUploads must be a whole number of at least 1.");
      }
      // Clamped, not refused: the library's shared strategy asks for one use per queued file, and
      // counts uses against the max_uploads of the token it gets back, so a smaller token only
      // means it asks again when that one is used up.
      out.maxUploads = Math.min(value, rules.maxUploadsCap);
    } else if (field === "extra") {
      const result = validateExtra(value);
      if (!result.ok) return result;
      if (result.request.extra) out.extra = result.request.extra;
    } else {
      return invalid(field, `${field} is not a field of an upload token request.`, "unknown_field");
    }
  }
  // The budget of the callback URL. encodeURIComponent is the longest likely encoding.
  const extraLength = Object.entries(out.extra ?? {}).reduce(
    (sum, [key, item]) => sum + key.length + encodeURIComponent(item).length + 2,
    0,
  );
  const callbackLength = out.returnUrl.length + extraLength + CALLBACK_OVERHEAD;
  if (extraLength > 0 && callbackLength >= CALLBACK_URL_LIMIT) {
    return invalid(
      "extra",
      `extra is too long: with the return URL and what TwentyThree adds, the callback URL would ` +
        `be about ${callbackLength} characters, and at ${CALLBACK_URL_LIMIT} or more TwentyThree ` +
        `POSTs the callback, which the callback page cannot read. Keep the URL-encoded extra ` +
        `entries (keys and values) under ${Math.max(0, CALLBACK_URL_LIMIT - CALLBACK_OVERHEAD - out.returnUrl.length - 1)} characters in all.`,
      "callback_too_long",
    );
  }
  return { ok: true, request: out };
}

/**
 * Why `fileType` is refused, or `undefined`. Browsers report recordings with parameters
 * (`video/webm;codecs=vp8,opus`) and types in any case, so only the essence is judged. It must
 * be a video type, as the app's file picker asks (`accept="video/*"`), or
 * `application/octet-stream`, which a browser reports for a file whose type it does not know.
 * Advisory like the browser's own filter: TwentyThree looks at the file itself.
 */
function checkFileType(value: string): string | undefined {
  const essence = value.split(";", 1)[0]!.trim().toLowerCase();
  if (!MIME_ESSENCE.test(essence)) {
    return "fileType must be a MIME type such as video/mp4 (parameters allowed), or empty.";
  }
  if (!essence.startsWith("video/") && essence !== "application/octet-stream") {
    return "fileType must be a video type (video/…), or empty: this site takes videos only.";
  }
  return undefined;
}

function validateExtra(value: unknown): ValidationResult {
  if (!isPlainObject(value)) return invalid("extra", "extra must be an object of string values.");
  const entries = Object.entries(value);
  if (entries.length > MAX_EXTRA_KEYS) {
    return invalid("extra", `extra may have at most ${MAX_EXTRA_KEYS} entries.`);
  }
  const extra: Record<string, string> = {};
  for (const [key, item] of entries) {
    const field = `extra.${key}`;
    if (!EXTRA_KEY_PATTERN.test(key)) {
      return invalid(
        "extra",
        "extra keys must be lowercase letters, digits and _ (start with a letter, at most 40).",
      );
    }
    if (RESERVED_PARAMS.has(key) || key.startsWith("oauth_")) {
      return invalid(
        field,
        `${field} is a TwentyThree parameter and cannot be used as an extra field.`,
        "field_not_allowed",
      );
    }
    if (typeof item !== "string") return invalid(field, `${field} must be a string.`);
    if (item.length > MAX_EXTRA_VALUE)
      return invalid(field, `${field} must be at most ${MAX_EXTRA_VALUE} characters.`);
    if (CONTROL.test(item)) return invalid(field, `${field} must not contain control characters.`);
    extra[key] = item;
  }
  return { ok: true, request: { maxUploads: 1, returnUrl: "", extra } };
}
