// Stall detection is the uploader's job (transports never time out by themselves). While the
// body is being sent, silence longer than `stallTimeoutMs` is a stall. Once the whole body is
// sent, the server may legitimately take a long time (storing, transcoding a thumbnail), so a
// separate, longer `responseTimeoutMs` deadline applies instead. Until the browser has reported
// a single byte sent, nothing is known: the request may wait for a connection, or (Chromium, a
// small body answered with a redirect) it may have been sent whole without one upload event.
// Only the response deadline applies then.

/**
 * Where the attempt was when the watch fired: `sending` (bytes had been moving), `response`
 * (the whole body was sent), or `unknown` (no byte was ever reported sent).
 */
export type StallPhase = "sending" | "response" | "unknown";

/** Options of {@link createStallWatch}. */
export interface StallWatchOptions {
  /** Longest silence between progress events while sending. */
  readonly stallTimeoutMs: number;
  /** Longest wait for the answer once the body is sent. */
  readonly responseTimeoutMs: number;
  /** Called at most once, when a deadline passes. */
  readonly onStall: (phase: StallPhase) => void;
}

/** Feed it the transport's events; it calls `onStall` when one deadline passes. */
export interface StallWatch {
  /** A progress event: arms (first call) or re-arms (more bytes) the idle timer. */
  progress(loaded: number): void;
  /** The body is sent: the idle timer stops, the response deadline starts. */
  bodySent(): void;
  /** Stops every timer; later calls do nothing. */
  stop(): void;
}

/**
 * Creates a watch for one attempt. The idle timer is armed by the first progress event with
 * bytes sent, so time spent before sending starts (connecting, a CORS preflight, the browser's
 * queue for a connection) is not counted as a stall; until then the response deadline applies.
 */
export function createStallWatch(options: StallWatchOptions): StallWatch {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let loadedSoFar = -1;
  let phase: StallPhase | "stopped" = "sending";

  const clear = () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  };
  const arm = (ms: number, firing: StallPhase) => {
    clear();
    timer = setTimeout(() => {
      timer = null;
      phase = "stopped";
      options.onStall(firing);
    }, ms);
  };

  return {
    progress(loaded) {
      if (phase !== "sending" || loaded <= loadedSoFar) {
        return;
      }
      loadedSoFar = loaded;
      if (loaded > 0) {
        arm(options.stallTimeoutMs, "sending");
      } else {
        arm(options.responseTimeoutMs, "unknown");
      }
    },
    bodySent() {
      if (phase !== "sending") {
        return;
      }
      phase = "response";
      arm(options.responseTimeoutMs, "response");
    },
    stop() {
      phase = "stopped";
      clear();
    },
  };
}
