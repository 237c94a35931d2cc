import type { RefCallback } from "react";

/**
 * @internal A ref callback for a button that can disappear while it has focus (Cancel when the
 * upload settles on its own or is canceled, Retry once retried): the browser would drop focus to
 * `<body>`, and keyboard users would lose their place. React detaches the ref before it removes
 * the element, so the callback still sees it focused; right after the commit, focus goes to what
 * `next` finds in the closest `scope` element, unless focus went somewhere in the meantime.
 */
export function createFocusKeeper(
  scope: string,
  next: (container: Element) => HTMLElement | null,
): RefCallback<HTMLElement> {
  let current: HTMLElement | null = null;
  return (node) => {
    const gone = current;
    current = node;
    if (node || !gone || gone !== document.activeElement) {
      return;
    }
    const container = gone.closest(scope);
    queueMicrotask(() => {
      const focused = document.activeElement;
      if (container?.isConnected && (!focused || focused === document.body)) {
        next(container)?.focus();
      }
    });
  };
}
