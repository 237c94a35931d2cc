import { createAutoTransport } from "./createAutoTransport.js";
import { createXhrTransport } from "./createXhrTransport.js";
import { TwentyThreeUploadError } from "./errors.js";
import { lazyTransport } from "./lazyTransport.js";
import { transportKit } from "./transportKit.js";
import type { Transport, TransportName } from "./types.js";

/** Options of {@link resolveTransport}. */
export interface ResolveTransportOptions {
  /** Chunk size for `"chunked"`. Default: 16 MiB. */
  chunkSize?: number;
}

/**
 * A built-in transport by name, or your own transport as is.
 * `"auto"` (the default) is {@link createAutoTransport}, `"xhr"` {@link createXhrTransport},
 * `"chunked"` {@link createChunkedTransport}, `"iframe"` {@link createIframeTransport}.
 *
 * @throws TwentyThreeUploadError `invalid_transport` for an unknown name.
 */
export function resolveTransport(
  transport: TransportName | Transport = "auto",
  options: ResolveTransportOptions = {},
): Transport {
  if (typeof transport === "function") return transport;
  const chunkOptions = options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize };
  switch (transport) {
    case "auto":
      return createAutoTransport({ chunked: chunkOptions });
    case "xhr":
      return createXhrTransport();
    // The chunked and iframe transports are downloaded when first used.
    case "chunked":
      return lazyTransport("chunked", async () =>
        (await import("./chunkedTransport.js")).chunkedTransport(transportKit, chunkOptions),
      );
    case "iframe":
      return lazyTransport("iframe", async () =>
        (await import("./iframeTransport.js")).iframeTransport(transportKit),
      );
    default:
      throw new TwentyThreeUploadError(
        "invalid_transport",
        `Unknown transport ${JSON.stringify(transport satisfies never)}: use "auto", "xhr", "chunked", "iframe" or a function.`,
      );
  }
}
