import {
  CallbackError,
  parseCallbackUrl,
  siteOrigin,
  type CallbackResult,
} from "@twentythree-upload/core";

/** A successful callback (the seed's step 4a). */
export type CallbackSuccess = Extract<CallbackResult, { status: "success" }>;
/** A callback that reports a failed upload (step 4b). */
export type CallbackFailure = Extract<CallbackResult, { status: "error" }>;

/** What `CallbackHandler` knows, as passed to its render prop. */
export type CallbackState =
  /** Before the URL was read (on the server, and in the first client render). */
  | { readonly status: "pending" }
  /** The result was posted to the parent window (iframe fallback) or the opener (popup). */
  | { readonly status: "handed-off" }
  /**
   * A well-formed callback for the configured site. `verified`: whether this browser tab received
   * its upload token (`true`), or not (`false`: a forged link, or an upload started elsewhere,
   * e.g. a form posted before the page's JavaScript ran); `null` until checked (on the server and
   * in the first render) or when the browser cannot tell.
   */
  | {
      readonly status: "success";
      readonly result: CallbackSuccess;
      readonly verified: boolean | null;
    }
  /**
   * TwentyThree reported an error (`result` set, `error.code` `"upload_failed"`), or the URL is
   * not a trustworthy callback (`result` null; `error.code` e.g. `"foreign_domain"`,
   * `"missing_field"`, `"invalid_callback"`). `verified`, as for a success: whether this tab
   * received the failed upload's token. Anyone can put an `error_message` into a link: show
   * `result.errorMessage` only when `verified` is `true`. `null` until checked, and without a
   * `result`.
   */
  | {
      readonly status: "error";
      readonly error: CallbackError;
      readonly result: CallbackFailure | null;
      readonly verified: boolean | null;
    };

/** The host (with port, if any) that a site's callbacks name as `domain`. */
function siteHost(site: string): string {
  return new URL(siteOrigin(site)).host.toLowerCase();
}

/**
 * @internal Parses a return_url with core's `parseCallbackUrl` and refuses a `domain` other than
 * the configured site's: a callback naming another site is not ours to trust.
 */
export function readCallback(input: string | URL | URLSearchParams, site: string): CallbackState {
  let result: CallbackResult;
  try {
    result = parseCallbackUrl(input);
  } catch (error) {
    const callbackError =
      error instanceof CallbackError
        ? error
        : new CallbackError("invalid_callback", "The callback could not be read.", {
            cause: error,
          });
    return { status: "error", error: callbackError, result: null, verified: null };
  }
  if (result.domain.toLowerCase() !== siteHost(site)) {
    return {
      status: "error",
      error: new CallbackError(
        "foreign_domain",
        "The callback names a different TwentyThree site than the one configured; it was ignored.",
      ),
      result: null,
      verified: null,
    };
  }
  if (result.status === "error") {
    return {
      status: "error",
      error: new CallbackError("upload_failed", "TwentyThree reported that the upload failed."),
      result,
      verified: null,
    };
  }
  return { status: "success", result, verified: null };
}

const twentyThreeParams = [
  "domain",
  "upload_token",
  "photo_id",
  "tree_id",
  "token",
  "error_message",
];

/** @internal The URL without TwentyThree's callback parameters (the app's own are kept). */
export function withoutCallbackParams(href: string): string {
  const url = new URL(href);
  for (const key of twentyThreeParams) {
    url.searchParams.delete(key);
  }
  return url.href;
}
