// get-upload-token's parameters (reference §1.2): defaults and ranges per generation, validation
// with TwentyThree's error codes, and the extra parameters that are repeated in the callback.
import type { ApiGeneration, PermissionLevel } from "./controlTypes.js";
import type { EmulatorState, StoredToken } from "./emulatorState.js";
import { hasPermission } from "./oauthVerify.js";

/** A refused parameter, with the HTTP status v2 answers it with. */
export interface ParamError {
  status: number;
  code: string;
  message: string;
}

const LIMITS = {
  legacy: { validMinutes: 180, maxUploads: 1, maxUploadsMax: 100 },
  v2: { validMinutes: 360, maxUploads: 1, maxUploadsMax: 1000 },
} as const;

/** The user a token is for when `user_id` is not given (the seed's example user). */
export const DEFAULT_USER_ID = "17488";

const KNOWN = new Set([
  "return_url",
  "background_return_p",
  "user_id",
  "album_id",
  "title",
  "description",
  "tags",
  "publish",
  "absolute_url",
  "valid_minutes",
  "max_uploads",
  // Response-format and cache parameters, never repeated in the callback.
  "format",
  "raw",
  "callback",
  "varname",
  "time",
  "fields",
]);

const SAFE_TAGS = new Set(["b", "i", "u", "em", "strong", "p", "br", "ul", "ol", "li", "a"]);

/** "All HTML tags will be stripped away from the title." */
export function stripTags(value: string): string {
  return value.replace(/<[^>]*>/g, "");
}

/** Safe HTML is kept; if any other tag (or any attribute but a plain link) is present, all HTML goes. */
export function cleanDescription(value: string): string {
  for (const match of value.matchAll(/<\/?\s*([a-zA-Z0-9]+)([^>]*)>/g)) {
    const tag = (match[1] ?? "").toLowerCase();
    const attributes = (match[2] ?? "").trim().replace(/\/$/, "").trim();
    const plainLink = tag === "a" && /^href\s*=\s*"https?:\/\/[^"]*"$/i.test(attributes);
    if (!SAFE_TAGS.has(tag) || (attributes !== "" && !plainLink)) return stripTags(value);
  }
  return value;
}

function given(params: ReadonlyMap<string, string>, name: string): string | undefined {
  const value = params.get(name)?.trim();
  return value === undefined || value === "" ? undefined : value;
}

function integer(
  params: ReadonlyMap<string, string>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number | ParamError {
  const raw = given(params, name);
  if (raw === undefined) return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) {
    return {
      status: 400,
      code: "invalid_input",
      message: `${name} must be a whole number from ${min} to ${max}; got "${raw.slice(0, 30)}".`,
    };
  }
  return value;
}

function flag(
  params: ReadonlyMap<string, string>,
  name: string,
  fallback: boolean,
  api: ApiGeneration,
): boolean | ParamError {
  const raw = given(params, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (raw === "1") return true;
  if (raw === "0") return false;
  if (api === "v2" && ["t", "true"].includes(raw)) return true;
  if (api === "v2" && ["f", "false"].includes(raw)) return false;
  return {
    status: 400,
    code: "invalid_input",
    message: `${name} must be 0 or 1; got "${raw.slice(0, 30)}".`,
  };
}

const isError = (value: unknown): value is ParamError =>
  typeof value === "object" && value !== null && "code" in value;

function checkUrl(name: string, raw: string | undefined): ParamError | null {
  if (raw === undefined) return null;
  try {
    const url = new URL(raw);
    if (url.protocol === "http:" || url.protocol === "https:") return null;
  } catch {
    // fall through
  }
  return {
    status: 400,
    code: "invalid_input",
    message: `${name} must be an absolute http(s) URL.`,
  };
}

/** Validates get-upload-token parameters and builds the token they describe (not yet stored). */
export function buildToken(
  state: EmulatorState,
  api: ApiGeneration,
  params: ReadonlyMap<string, string>,
  level: PermissionLevel,
): { ok: true; token: StoredToken } | { ok: false; error: ParamError } {
  const limits = LIMITS[api];
  const validMinutes = integer(params, "valid_minutes", limits.validMinutes, 15, 1440);
  const maxUploads = integer(params, "max_uploads", limits.maxUploads, 1, limits.maxUploadsMax);
  let publish = flag(params, "publish", true, api);
  const background = flag(params, "background_return_p", false, api);
  const userId = given(params, "user_id");
  const albumId = given(params, "album_id") ?? "";
  const returnUrl = given(params, "return_url");
  const absoluteUrl = given(params, "absolute_url");
  const publishDate = api === "v2" ? given(params, "publish_date") : undefined;
  for (const value of [validMinutes, maxUploads, publish, background]) {
    if (isError(value)) return { ok: false, error: value };
  }
  const urlError = checkUrl("return_url", returnUrl) ?? checkUrl("absolute_url", absoluteUrl);
  if (urlError) return { ok: false, error: urlError };
  if (albumId !== "" && !/^\d+(\s*,\s*\d+)*$/.test(albumId)) {
    return {
      ok: false,
      error: {
        status: 400,
        code: "invalid_album",
        message: "album_id must be one or more numeric ids, comma-separated.",
      },
    };
  }
  if (userId !== undefined && !/^\d+$/.test(userId)) {
    return {
      ok: false,
      error: { status: 400, code: "no_such_user", message: "user_id must be a numeric user id." },
    };
  }
  if (userId !== undefined && !hasPermission(level, "super")) {
    return {
      ok: false,
      error: {
        status: 403,
        code: "permission_denied",
        message:
          "You don't have the necessary permissions to perform this action (required level: 'super')",
      },
    };
  }
  if (publishDate !== undefined) {
    if (Number.isNaN(Date.parse(publishDate.replace(" ", "T")))) {
      return {
        ok: false,
        error: {
          status: 400,
          code: "invalid_input",
          message: 'publish_date must be a date and time such as "2026-11-01 09:00:00".',
        },
      };
    }
    publish = false; // "Setting this overrides publish to 0."
  }
  const extra: Record<string, string> = {};
  for (const [name, value] of params) {
    if (KNOWN.has(name) || name.startsWith("oauth_") || (api === "v2" && name === "publish_date"))
      continue;
    extra[name] = value;
  }
  const nowSeconds = Math.floor(Date.now() / 1000);
  const minutes = validMinutes as number;
  return {
    ok: true,
    token: {
      uploadToken: state.newUploadToken(api),
      api,
      title: stripTags(params.get("title") ?? ""),
      description: cleanDescription(params.get("description") ?? ""),
      tags: params.get("tags") ?? "",
      publish: publish as boolean,
      publishDate: publishDate ?? "",
      userId: userId ?? DEFAULT_USER_ID,
      albumId,
      absoluteUrl: absoluteUrl ?? "",
      returnUrl: returnUrl ?? "",
      backgroundReturn: background as boolean,
      validMinutes: minutes,
      validUntil: nowSeconds + minutes * 60,
      maxUploads: maxUploads as number,
      uploadsUsed: 0,
      extra,
      createdAt: new Date().toISOString(),
      expiredByControl: false,
      deleted: false,
    },
  };
}
