import { useEffect } from "react";

/**
 * @internal While `active`, asks the browser to confirm leaving or reloading the page (uploads in
 * flight would be lost). The listener exists only then: a `beforeunload` listener can keep a
 * page out of the back/forward cache.
 */
export function useWarnBeforeUnload(active: boolean): void {
  useEffect(() => {
    if (!active) {
      return;
    }
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers (Chrome and Edge before 119) ask only when `returnValue` is set.
      event.returnValue = true;
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [active]);
}
