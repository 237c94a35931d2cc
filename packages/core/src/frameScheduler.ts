// Coalesces many "something changed" signals into at most one callback per animation frame, so
// that progress events (dozens per second per upload) cause at most one render per frame.

/** Requests a callback; returns a handle for the matching cancel function. */
export type RequestFrame = (callback: () => void) => unknown;

/** Options of {@link createFrameScheduler}; inject both functions in tests. */
export interface FrameSchedulerOptions {
  /** Default: `requestAnimationFrame` when there is one, else a 16 ms timer (Node, workers). */
  readonly requestFrame?: RequestFrame;
  /** Default: `cancelAnimationFrame` or `clearTimeout`, matching `requestFrame`. */
  readonly cancelFrame?: (handle: unknown) => void;
}

/** Calls its callback at most once per frame, however often `schedule` is called. */
export interface FrameScheduler {
  /** Asks for the callback on the next frame (no-op when one is already pending). */
  schedule(): void;
  /** Runs the pending callback now, if any. */
  flush(): void;
  /** Drops the pending callback. */
  cancel(): void;
}

function defaultFrame(): Required<FrameSchedulerOptions> {
  if (typeof requestAnimationFrame === "function" && typeof cancelAnimationFrame === "function") {
    return {
      requestFrame: (callback) => requestAnimationFrame(() => callback()),
      cancelFrame: (handle) => cancelAnimationFrame(handle as number),
    };
  }
  return {
    requestFrame: (callback) => setTimeout(callback, 16),
    cancelFrame: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

/** Creates a scheduler for `callback`. Nothing is touched until `schedule` is first called. */
export function createFrameScheduler(
  callback: () => void,
  options: FrameSchedulerOptions = {},
): FrameScheduler {
  let frame: Required<FrameSchedulerOptions> | null = null;
  let handle: unknown = null;
  let isPending = false;

  const run = () => {
    if (!isPending) {
      return;
    }
    isPending = false;
    handle = null;
    callback();
  };

  return {
    schedule() {
      if (isPending) {
        return;
      }
      frame ??=
        options.requestFrame && options.cancelFrame
          ? { requestFrame: options.requestFrame, cancelFrame: options.cancelFrame }
          : defaultFrame();
      isPending = true;
      handle = frame.requestFrame(run);
    },
    flush() {
      if (isPending && frame) {
        frame.cancelFrame(handle);
      }
      run();
    },
    cancel() {
      if (isPending && frame) {
        frame.cancelFrame(handle);
      }
      isPending = false;
      handle = null;
    },
  };
}
