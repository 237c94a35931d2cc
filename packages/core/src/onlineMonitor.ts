// Follows the browser's connectivity. Listeners are attached on `start()` (lazily, by the
// uploader) and removed on `stop()`, so that importing or creating an uploader during SSR or in
// Node touches nothing.

/** Tracks `navigator.onLine` and the window's `online`/`offline` events. */
export interface OnlineMonitor {
  /** `false` only when the browser says it is offline (unknown counts as online). */
  isOnline(): boolean;
  /** Attaches the listeners (idempotent). */
  start(): void;
  /** Detaches them (idempotent). */
  stop(): void;
}

/**
 * @param onChange called with the new state whenever it changes (on an event, or when
 *   `isOnline()` reads a value that differs from the last one).
 */
export function createOnlineMonitor(onChange: (isOnline: boolean) => void): OnlineMonitor {
  const read = () =>
    !(typeof navigator !== "undefined" && (navigator as { onLine?: boolean }).onLine === false);
  let last = read();
  let target: Pick<Window, "addEventListener" | "removeEventListener"> | null = null;
  const handle = () => {
    const now = read();
    if (now !== last) {
      last = now;
      onChange(now);
    }
  };

  return {
    isOnline() {
      // Re-read: a failure can be noticed before the `offline` event is delivered.
      handle();
      return last;
    },
    start() {
      if (target !== null || typeof window === "undefined") {
        return;
      }
      target = window;
      target.addEventListener("online", handle);
      target.addEventListener("offline", handle);
      handle();
    },
    stop() {
      if (target === null) {
        return;
      }
      target.removeEventListener("online", handle);
      target.removeEventListener("offline", handle);
      target = null;
    },
  };
}
