// JSONP: the one way a page can read TwentyThree's API on a site that sends no CORS headers.
// TwentyThree documents `callback=fn` for both API generations, and its own browser library
// (visualplatform.js) reads across domains this way. It runs the site's answer as a script in
// this page, so it is used only where fetch cannot read the answer (see listPhotos).

/**
 * What a JSONP request brought: the value passed to the callback, or why there is none, with a
 * sentence for people:
 * - `network`: the script could not be loaded (offline, an HTTP error status, a
 *   Content-Security-Policy or Trusted Types policy that refuses it);
 * - `format`: the script ran but never called back (not a JSONP answer);
 * - `aborted`: the signal fired first.
 */
export type JsonpOutcome =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly kind: "network" | "format" | "aborted";
      readonly message: string;
      readonly cause?: unknown;
    };

const aborted: JsonpOutcome = { ok: false, kind: "aborted", message: "The request was canceled." };
const silent: JsonpOutcome = {
  ok: false,
  kind: "format",
  message: "TwentyThree's answer could not be read: the script it sent did not call back.",
};
const unreachable = (cause?: unknown): JsonpOutcome => ({
  ok: false,
  kind: "network",
  message:
    "TwentyThree could not be reached, or this page may not load its scripts (Content-Security-Policy).",
  cause,
});

let sequence = 0;

/**
 * Loads `url` with a `callback` parameter as a script. Never rejects: the caller turns a
 * failure into its typed error (this module is loaded on demand and imports no error classes,
 * which would otherwise be split out of the up-front chunk into one of their own).
 */
export function loadJsonp(url: string, signal: AbortSignal | undefined): Promise<JsonpOutcome> {
  if (signal?.aborted) return Promise.resolve(aborted);
  // Unique per call, so that concurrent look-ups and late answers never meet.
  const name = `twentythreeUploadJsonp${Date.now().toString(36)}_${(sequence++).toString(36)}`;
  const globals = globalThis as unknown as Record<string, unknown>;
  return new Promise((resolve) => {
    let answer = silent;
    const script = document.createElement("script");
    const finish = (outcome: JsonpOutcome, isScriptDone: boolean) => {
      script.remove();
      signal?.removeEventListener("abort", onAbort);
      // A canceled script may still run later: leave it a callback that only cleans up.
      if (isScriptDone) delete globals[name];
      else globals[name] = () => delete globals[name];
      resolve(outcome);
    };
    const onAbort = () => finish(aborted, false);
    globals[name] = (value: unknown) => {
      answer = { ok: true, value };
    };
    script.async = true;
    // A classic script's `load` fires after it ran: by then a JSONP answer has called back.
    script.addEventListener("load", () => finish(answer, true));
    script.addEventListener("error", () => finish(unreachable(), true));
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const withCallback = new URL(url);
      withCallback.searchParams.set("callback", name);
      script.src = withCallback.href;
      (document.head ?? document.documentElement).append(script);
    } catch (cause) {
      // Trusted Types refuse a plain string as a script URL.
      finish(unreachable(cause), true);
    }
  });
}
