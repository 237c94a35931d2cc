import { UploadError } from "./errors.js";
import type { Transport } from "./types.js";

/**
 * A transport whose code is downloaded on first use (a dynamic `import()`), so that pages which
 * never need it (most never need the chunked or the iframe transport) do not load it. A failed
 * download is reported as a `network` error before anything was sent, and is tried again on the
 * next call.
 */
export function lazyTransport(name: string, load: () => Promise<Transport>): Transport {
  let loading: Promise<Transport> | null = null;
  return async (request) => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw new UploadError(
        "network",
        `The code of the ${name} transport could not be loaded (is the connection down?). Nothing was sent.`,
        { cause: error },
      );
    });
    return (await loading)(request);
  };
}
