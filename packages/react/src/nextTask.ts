// Runs callbacks in one task after the current one (a MessageChannel message, as React's own
// scheduler does; timers would be throttled in background tabs), in the order they were queued.
type Callback = () => void;

const queue = new Set<Callback>();
let channel: MessageChannel | null = null;

function flush(): void {
  const callbacks = [...queue];
  queue.clear();
  for (const callback of callbacks) {
    try {
      callback();
    } catch (error) {
      // One failing callback must not starve the others: report it as uncaught.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

/**
 * @internal Sets up the message channel ahead of the first {@link nextTask} (its first use costs
 * a few milliseconds, which should not land between a file pick and the upload's first byte).
 */
export function prepareNextTask(): MessageChannel | null {
  if (channel === null && typeof MessageChannel === "function") {
    channel = new MessageChannel();
    channel.port1.onmessage = flush;
    // In Node (tests), an open port would keep the process alive.
    (channel.port1 as MessagePort & { unref?: () => void }).unref?.();
  }
  return channel;
}

function schedule(): void {
  const port = prepareNextTask()?.port2;
  if (port === undefined) {
    setTimeout(flush, 0);
  } else {
    port.postMessage(null);
  }
}

/**
 * @internal Calls `callback` in a new task once the current task and its microtasks are done.
 * Returns a function that cancels the call if it has not happened yet.
 */
export function nextTask(callback: Callback): () => void {
  if (queue.size === 0) {
    schedule();
  }
  queue.add(callback);
  return () => {
    queue.delete(callback);
  };
}

/**
 * @internal Calls `callback` in the animation frame after React has rendered the changes made in
 * this task (hooks render engine changes in the next task; see `useUploaderState`). For focus
 * fixes after an action that removes the focused button.
 */
export function afterNextRender(callback: () => void): void {
  nextTask(() => {
    requestAnimationFrame(callback);
  });
}
