import { chunkedTransport } from "./chunkedTransport.js";
import { transportKit } from "./transportKit.js";
import type { Transport } from "./types.js";

/** Options of {@link createChunkedTransport}. */
export interface ChunkedTransportOptions {
  /**
   * Bytes per chunk. There are `floor(size / chunkSize)` chunks (at least one) and the last one
   * also carries the remainder, as TwentyThree's Resumable.js server expects. Default: 16 MiB
   * (bigger chunks cost fewer round trips; smaller ones re-send less after a dropped connection).
   */
  chunkSize?: number;
  /**
   * Chunks sent at the same time. The last chunk is always sent alone, after all others.
   * Default: `3`, since requests in flight together hide each chunk's round trip and the
   * server's work between chunks (TwentyThree's own CLI sends 5 at a time).
   */
  parallel?: number;
  /**
   * Retries of one chunk after a failure worth retrying (network, HTTP other than 500; for the
   * final chunk only failures before its body was sent, 408 and 429). Default: `3`.
   */
  chunkRetries?: number;
  /**
   * Wait before retry `n` (1-based) of a chunk: a number of milliseconds, or a function of `n`.
   * Default: `min(1000 · 2^(n-1), 30000)` ms.
   */
  retryDelayMs?: number | ((retry: number) => number);
  /**
   * Report a refused CORS preflight as kind `"cors"` (see `createXhrTransport`). Default: `true`.
   */
  detectCors?: boolean;
}

/**
 * Sends large files in chunks with the Resumable.js protocol TwentyThree's redeem-upload-token
 * understands (reference §2.5): every chunk is a multipart POST with `upload_token`, the
 * `resumable*` fields, the request's `fields` and the chunk as `file`. A `500` on any chunk means
 * the file is not supported (the whole upload stops, `file-rejected`); other failures retry that
 * chunk with backoff. The final chunk's answer is the upload's answer (a redirect, JSON, a text
 * line…), read with `parseRedeemResponse`.
 *
 * Progress is in file bytes: completed chunks plus the chunks in flight. Only a failure of the
 * final chunk after its body was sent is `ambiguous`: TwentyThree stores nothing before that. So
 * the final chunk is never re-sent after a 5xx answer (a gateway may have given up while
 * TwentyThree stored the file): the upload fails with that `http` error, and the uploader looks
 * the upload up before sending the file again.
 */
export function createChunkedTransport(options: ChunkedTransportOptions = {}): Transport {
  return chunkedTransport(transportKit, options);
}
