// Counts React commits through the DevTools global hook, which production React calls on every
// commit (production builds skip <Profiler onRender>). Import this before react-dom loads.

interface DevToolsHook {
  supportsFiber: true;
  renderers: Map<number, unknown>;
  inject(renderer: unknown): number;
  onCommitFiberRoot(): void;
  onCommitFiberUnmount(): void;
  onPostCommitFiberRoot(): void;
  checkDCE(): void;
}

declare global {
  interface Window {
    __REACT_DEVTOOLS_GLOBAL_HOOK__?: DevToolsHook;
  }
}

/** Commits and animation frames seen so far. */
export const counters = { commits: 0, frames: 0 };

const renderers = new Map<number, unknown>();
window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  renderers,
  inject(renderer) {
    const id = renderers.size + 1;
    renderers.set(id, renderer);
    return id;
  },
  onCommitFiberRoot() {
    counters.commits += 1;
  },
  onCommitFiberUnmount() {},
  onPostCommitFiberRoot() {},
  checkDCE() {},
};

function frame(): void {
  counters.frames += 1;
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
