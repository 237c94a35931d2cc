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
  /** A progress event: arms (first call) or re-arms (a new byte count) the idle timer. */
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
  let lastLoaded = -1;
  let hasSentBytes = false;
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
      // Liveness is bytes moving now, not a new peak: after a chunk is re-sent the total drops
      // and climbs back, and on a slow link that climb takes longer than the stall timeout.
      if (phase !== "sending" || loaded === lastLoaded) {
        return;
      }
      lastLoaded = loaded;
      hasSentBytes ||= loaded > 0;
      if (hasSentBytes) {
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
