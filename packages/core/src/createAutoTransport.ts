import type { ChunkedTransportOptions } from "./createChunkedTransport.js";
import { createXhrTransport } from "./createXhrTransport.js";
import { UploadError } from "./errors.js";
import { lazyTransport } from "./lazyTransport.js";
import { knownCorsResult, probeCorsResult, type ProbeCorsOptions } from "./probeCors.js";
import { raceSignal } from "./raceSignal.js";
import { transportKit } from "./transportKit.js";
import type { Transport } from "./types.js";

/** Options of {@link createAutoTransport}. */
export interface AutoTransportOptions {
  /**
   * Send files of at least this many bytes with the chunked transport (when CORS works).
   * Default: `Infinity` (never).
   */
  chunkedFrom?: number;
  /** Options of the chunked transport. Default: its own defaults (16 MiB chunks, 3 at a time). */
  chunked?: ChunkedTransportOptions;
  /**
   * Options of the CORS probe: how long a refusal is remembered (`refusalMaxAgeMs`) and its
   * timeout (`timeoutMs`). Default: `{ refusalMaxAgeMs: 600_000, timeoutMs: 30_000 }` (10
   * minutes, 30 s).
   */
  probe?: ProbeCorsOptions;
}

/**
 * Picks a transport per site, before any byte is sent: it probes the site's CORS support
 * (`probeCors`, cached per site) and then uses XHR with byte progress (or chunks, for files of at
 * least `chunkedFrom` bytes) where the site allows this page to read its answers, and the
 * iframe fallback where it does not. The probe carries no file, so nothing is ever uploaded
 * twice.
 *
 * Only a confirmed refusal (the site answers, but not to CORS requests) selects the iframe; when
 * the site could not be reached at all the attempt fails with a `network` error that is not
 * ambiguous (nothing was sent), and the uploader's retry probes again.
 */
export function createAutoTransport(options: AutoTransportOptions = {}): Transport {
  const chunkedFrom = options.chunkedFrom ?? Number.POSITIVE_INFINITY;
  const xhr = createXhrTransport();
  // Loaded on first use: most sites have CORS, and most files go in one request.
  const chunked = lazyTransport("chunked", async () =>
    (await import("./chunkedTransport.js")).chunkedTransport(transportKit, options.chunked ?? {}),
  );
  const iframe = lazyTransport("iframe", async () =>
    (await import("./iframeTransport.js")).iframeTransport(transportKit),
  );
  return async (request) => {
    // A probe that already answered is read without waiting (see knownCorsResult).
    const cors =
      knownCorsResult(request.site, request.apiVersion) ??
      (await raceSignal(
        probeCorsResult(request.site, request.apiVersion, options.probe),
        request.signal,
      ));
    if (cors === "unreachable") throw unreachable();
    if (cors === "refused") return iframe(request);
    return request.file.size >= chunkedFrom ? chunked(request) : xhr(request);
  };
}

function unreachable(): UploadError {
  return new UploadError(
    "network",
    "Could not reach the video site to check how to upload to it. Nothing was uploaded.",
  );
}
