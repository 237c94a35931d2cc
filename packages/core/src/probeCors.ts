import { apiUrl } from "./siteUrls.js";
import type { ApiVersion } from "./types.js";

/** Options of {@link probeCors}. */
export interface ProbeCorsOptions {
  /**
   * How long a confirmed refusal is remembered, in milliseconds; after that the next upload
   * probes again (the site may have turned CORS on). Default: `600_000` (10 minutes). A success
   * is remembered for the life of the page; an unreachable site is never remembered.
   */
  refusalMaxAgeMs?: number;
  /**
   * Give up on each probe request after this many milliseconds; a probe that times out means
   * "unreachable", never "refused". Default: `30_000`.
   */
  timeoutMs?: number;
}

/**
 * What a CORS probe found out:
 * - `allowed`: the site answered a preflighted upload request and this page could read it;
 * - `refused`: the site is up (it answered the same request sent without CORS) but refuses CORS;
 * - `unreachable`: no answer at all (offline, connection reset or refused, timeout): nothing is
 *   known about CORS, and nothing is cached.
 */
export type CorsProbeResult = "allowed" | "refused" | "unreachable";

interface CacheEntry {
  readonly result: Promise<CorsProbeResult>;
  /** The result once the probe has it (read without waiting by `knownCorsResult`). */
  settled?: CorsProbeResult;
  /** `Date.now()` after which the entry is stale; `Infinity` while in flight or for `allowed`. */
  expiresAt: number;
}

const probes = new Map<string, CacheEntry>();
let listeningForOnline = false;

/**
 * Whether the site lets this page upload with progress and read the answer, i.e. answers the
 * CORS preflight of an XHR upload to redeem-upload-token. The probe is that very preflight: an
 * XHR POST with an upload listener and a form without token or file, so no upload bytes are
 * sent, and where CORS is refused not even the POST is (only the preflight `OPTIONS`). Where it
 * works, TwentyThree answers the empty POST with its missing-token error.
 *
 * A failed probe is ambiguous (a refused preflight and a reset connection look the same to a
 * page), so it is checked: the same empty POST is sent again without CORS (`mode: "no-cors"`),
 * and if the site answers that, the XHR probe is repeated once. Only when the site answers but
 * the XHR probe fails twice is CORS taken as refused. A site that does not answer at all
 * (offline, reset, refused connection, timeout) is "unreachable": `probeCors` resolves `true`
 * (not known to be refused) and remembers nothing, so the next call probes again.
 *
 * Results are cached per redeem URL: a success for the life of the page, a refusal for
 * `refusalMaxAgeMs` (default 10 minutes). The `online` event clears the cache. Call it early to
 * warm it up (e.g. when the upload UI mounts). Outside browsers (no `XMLHttpRequest`, no
 * same-origin policy) it resolves `true`.
 *
 * @returns `false` when the site is up but refuses CORS (fall back to the iframe transport),
 *   otherwise `true`.
 */
export async function probeCors(
  site: string,
  apiVersion: ApiVersion = "legacy",
  options: ProbeCorsOptions = {},
): Promise<boolean> {
  return (await probeCorsResult(site, apiVersion, options)) !== "refused";
}

/** {@link probeCors} with the three-way answer (the auto transport waits out `unreachable`). */
export function probeCorsResult(
  site: string,
  apiVersion: ApiVersion = "legacy",
  options: ProbeCorsOptions = {},
): Promise<CorsProbeResult> {
  if (typeof XMLHttpRequest === "undefined") return Promise.resolve("allowed");
  listenForOnline();
  const url = apiUrl(site, apiVersion, "photo/redeem-upload-token");
  const cached = probes.get(url);
  if (cached && Date.now() < cached.expiresAt) return cached.result;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxAge = options.refusalMaxAgeMs ?? 600_000;
  const entry: CacheEntry = { result: probe(url, timeoutMs), expiresAt: Number.POSITIVE_INFINITY };
  probes.set(url, entry);
  void entry.result.then((result) => {
    // The cache may have been cleared (online) or replaced while this probe ran.
    if (probes.get(url) !== entry) return;
    entry.settled = result;
    if (result === "unreachable") probes.delete(url);
    else if (result === "refused") entry.expiresAt = Date.now() + maxAge;
  });
  return entry.result;
}

/**
 * @internal What a finished, still-valid probe of the site found, read without waiting (`null`
 * while none is known): the auto transport then picks in the same task, so that the upload
 * request goes out before the page renders anything.
 */
export function knownCorsResult(site: string, apiVersion: ApiVersion): CorsProbeResult | null {
  if (typeof XMLHttpRequest === "undefined") return "allowed";
  const cached = probes.get(apiUrl(site, apiVersion, "photo/redeem-upload-token"));
  return cached && Date.now() < cached.expiresAt ? (cached.settled ?? null) : null;
}

async function probe(url: string, timeoutMs: number): Promise<CorsProbeResult> {
  const first = await preflight(url, timeoutMs);
  if (first !== "failed") return first;
  // Offline looks exactly like a refused preflight.
  if (isOffline()) return "unreachable";
  if (!(await answersWithoutCors(url, timeoutMs))) return "unreachable";
  // The site is up. A refused preflight fails again; a one-off reset of the probe does not.
  const second = await preflight(url, timeoutMs);
  return second === "failed" ? "refused" : second;
}

/** The XHR probe: `failed` is a network error (refused preflight or broken connection). */
function preflight(url: string, timeoutMs: number): Promise<"allowed" | "failed" | "unreachable"> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    // An upload listener makes the browser preflight the POST exactly as it will for an upload.
    xhr.upload.addEventListener("progress", () => undefined);
    xhr.addEventListener("load", () => resolve("allowed"));
    xhr.addEventListener("error", () => resolve("failed"));
    // A refused preflight is a quick error: a probe without any answer is a site problem.
    xhr.addEventListener("abort", () => resolve("unreachable"));
    xhr.addEventListener("timeout", () => resolve("unreachable"));
    xhr.open("POST", url);
    xhr.timeout = timeoutMs;
    xhr.send(new FormData());
  });
}

/**
 * Sends the probe's empty form as a simple request without CORS: the browser sends it without
 * a preflight and hands back an opaque answer. Any answer means the site is up; a rejection
 * means it could not be reached.
 */
async function answersWithoutCors(url: string, timeoutMs: number): Promise<boolean> {
  if (typeof fetch === "undefined") return true;
  // A timer rather than AbortSignal.timeout (Chrome 103, Safari 16): on older browsers that call
  // threw, and every refusal was taken for an unreachable site (no iframe fallback).
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    await fetch(url, {
      method: "POST",
      mode: "no-cors",
      body: new FormData(),
      cache: "no-store",
      signal: controller.signal,
    });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function isOffline(): boolean {
  return typeof navigator !== "undefined" && navigator.onLine === false;
}

// Back online, possibly on another network (or behind another proxy): ask again.
function listenForOnline() {
  if (listeningForOnline || typeof window === "undefined") return;
  listeningForOnline = true;
  window.addEventListener("online", () => probes.clear());
}
