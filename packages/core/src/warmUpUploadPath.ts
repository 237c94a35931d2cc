// V8 compiles a function the first time it runs. Left alone, a page's first pick compiles the
// whole path from `add()` to the upload request (validation, the store, the token manager and
// parser, the job runner, the transport's form) between the change event and the first byte:
// 5–10 ms on the bench's loaded 2-core VM (docs/benchmarks.md, start latency), more on a
// low-end phone. Running that path once while the page is idle moves the compiling out of the
// pick. The run is a throwaway engine with a canned token and a transport that sends nothing (its
// XHR is aborted before it opens): no request, no storage, no app callback, nothing in the app's queue.
import { createXhrTransport } from "./createXhrTransport.js";
import { parseRedeemResponse } from "./parseRedeemResponse.js";
import { primeReceivedTokens } from "./receivedTokens.js";
import type { Transport, Uploader, UploaderOptions } from "./types.js";

/**
 * Creates an engine whose tokens never count as received (`rememberReceivedToken`) and that
 * never warms up itself.
 */
export type DryEngineFactory = (options: UploaderOptions, isDry: true) => Uploader;

/** The longest the throwaway engine may live, whatever happens. */
const MAX_RUN_MS = 5000;

// The code is compiled once per page, so one run per page is enough.
let isScheduled = false;

// A v2 get-upload-token answer (decoded, as a token function may return it) and a v2 redeem
// answer, as TwentyThree sends them.
const tokenAnswer = () => ({
  status: "ok",
  data: {
    upload_token: "warm-up",
    title: "",
    valid_minutes: "60",
    valid_until: String(Math.floor(Date.now() / 1000) + 3600),
    return_url: "",
  },
});
const REDEEM_ANSWER = JSON.stringify({
  status: "ok",
  data: { photo_id: "1", tree_id: "1", token: "warm-up" },
});

const xhr = createXhrTransport({ detectCors: false });

const transport: Transport = async (request) => {
  // Aborted before it opens: compiles the XHR transport (its form included) without sending.
  await xhr({ ...request, signal: AbortSignal.abort() }).catch(() => undefined);
  request.onProgress({ loaded: request.file.size, total: request.file.size });
  request.onBodySent();
  return parseRedeemResponse({ status: 200, body: REDEEM_ANSWER, contentType: "application/json" });
};

function run(createDry: DryEngineFactory): void {
  const dry = createDry(
    {
      site: "https://warm-up.invalid",
      apiVersion: "v2",
      // Handed over at once, as a prefetched token is: the run takes the same synchronous path.
      token: tokenAnswer,
      transport,
      retry: false,
    },
    true,
  );
  const timer = setTimeout(() => dry.destroy(), MAX_RUN_MS);
  dry.subscribe(() => {
    const status = dry.getSnapshot().items[0]?.status;
    if (status === "succeeded" || status === "failed" || status === "rejected") {
      clearTimeout(timer);
      // Not from inside the store's own notification.
      queueMicrotask(() => dry.destroy());
    }
  });
  dry.add([new Blob(["warm-up"], { type: "video/mp4" })]);
}

/**
 * Runs the upload path once in a throwaway engine when the page is next idle (browsers only,
 * once per page). Any failure of the run is ignored: it only costs the first pick its compile.
 */
export function scheduleWarmUp(createDry: DryEngineFactory): void {
  if (isScheduled || typeof window === "undefined") return;
  isScheduled = true;
  const start = () => {
    primeReceivedTokens();
    try {
      run(createDry);
    } catch {
      // Nothing depends on the warm-up.
    }
  };
  if (typeof requestIdleCallback === "function") requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 50);
}
