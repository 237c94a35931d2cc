import { CallbackError } from "./errors.js";
import type { CallbackResult } from "./types.js";

// Parameters TwentyThree adds to return_url; everything else belongs to the app.
const TWENTYTHREE_KEYS = new Set([
  "domain",
  "upload_token",
  "photo_id",
  "tree_id",
  "token",
  "error_message",
]);

/** The app's own parameters of a callback query (the first of each name), without TwentyThree's. */
export function appParams(query: URLSearchParams): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of query) {
    if (!TWENTYTHREE_KEYS.has(key) && !(key in params)) params[key] = value;
  }
  return params;
}

/**
 * Parses the parameters TwentyThree sends to return_url after an upload (the seed's steps 4a and
 * 4b): success carries `photo_id`, `tree_id` and `token`; failure carries `error_message`. Both
 * carry `domain` and `upload_token`. The app's own parameters (`theme=green`) are kept in
 * `params`.
 *
 * @param input The callback URL (absolute, relative, or just `?query`), a `URL`, or its
 *   `URLSearchParams` (e.g. a POSTed form body, which TwentyThree uses for long callbacks).
 * @throws CallbackError `invalid_callback` when the input is neither a success nor an error
 *   callback; `missing_field` when a required parameter is missing or empty; `invalid_field`
 *   when `photo_id` or `tree_id` is not a number. Messages name the field, never a value.
 */
export function parseCallbackUrl(input: string | URL | URLSearchParams): CallbackResult {
  const query = searchParamsOf(input);
  const value = (key: string) => {
    // TwentyThree appends its parameters, so when the app's return_url already had one of
    // these names, TwentyThree's is the last.
    const all = query.getAll(key);
    return all.length > 0 ? (all[all.length - 1] ?? "").trim() : null;
  };
  const params = appParams(query);

  const errorMessage = value("error_message");
  const photoId = value("photo_id");
  if (errorMessage === null && photoId === null) {
    throw new CallbackError(
      "invalid_callback",
      "This is not a TwentyThree upload callback: it has neither photo_id nor error_message.",
    );
  }
  const domain = required("domain", value("domain"));
  const uploadToken = required("upload_token", value("upload_token"));
  if (errorMessage !== null) {
    return {
      status: "error",
      domain,
      uploadToken,
      errorMessage: errorMessage || "The upload failed.",
      params,
    };
  }
  return {
    status: "success",
    domain,
    uploadToken,
    photoId: numeric("photo_id", required("photo_id", photoId)),
    treeId: numeric("tree_id", required("tree_id", value("tree_id"))),
    token: required("token", value("token")),
    params,
  };
}

function searchParamsOf(input: string | URL | URLSearchParams): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  if (input instanceof URL) return input.searchParams;
  if (typeof input !== "string") {
    throw new CallbackError(
      "invalid_callback",
      "A callback must be a URL, a string or URLSearchParams.",
    );
  }
  const withoutFragment = input.trim().split("#", 1)[0] ?? "";
  const queryStart = withoutFragment.indexOf("?");
  // A bare `a=b&c=d` is a query too (e.g. a form body read as text).
  const query =
    queryStart >= 0
      ? withoutFragment.slice(queryStart + 1)
      : withoutFragment.includes("=") && !withoutFragment.includes("/")
        ? withoutFragment
        : "";
  return new URLSearchParams(query);
}

function required(name: string, value: string | null): string {
  if (value === null || value === "") {
    throw new CallbackError("missing_field", `The upload callback has no ${name}.`);
  }
  return value;
}

function numeric(name: string, value: string): string {
  if (!/^\d+$/.test(value)) {
    throw new CallbackError("invalid_field", `The upload callback's ${name} is not a number.`);
  }
  return value;
}
