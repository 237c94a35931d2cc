import { useCallback, useEffect, useRef, useState } from "react";
import { afterNextRender } from "./nextTask.js";

/**
 * @internal The text of a live region, and a function that says a sentence in it. A live region
 * speaks only when its text changes, and React skips setting a string it already holds: a
 * sentence that is due again (the same failure after a retry, a second file of the same name)
 * first empties the region, then comes back once that was rendered. A sentence said before the
 * previous one was painted is added to it, so that neither is lost.
 */
export function useLiveText(initial: string): [string, (text: string) => void] {
  const [text, setText] = useState(initial);
  const last = useRef(initial);
  // What the region has shown in a painted frame, which is when assistive technology reads it.
  // A sentence replaced before that (React may render two in one go, or twice in one task) would
  // never be heard, so the next sentence is added to it instead. A hidden page paints nothing
  // (and no one listens to it): there a rendered sentence counts as shown.
  const shown = useRef(initial);
  useEffect(() => {
    if (document.visibilityState === "hidden") {
      shown.current = text;
      return;
    }
    const frame = requestAnimationFrame(() => {
      shown.current = text;
    });
    return () => cancelAnimationFrame(frame);
  }, [text]);
  // Only the newest sentence may come back: a later one cancels a pending repeat.
  const version = useRef(0);
  const say = useCallback((next: string) => {
    const current = ++version.current;
    if (next !== "" && next === last.current) {
      setText("");
      afterNextRender(() => current === version.current && setText(next));
      last.current = next;
      return;
    }
    const unsaid = next !== "" && last.current !== shown.current ? last.current : "";
    last.current = unsaid ? `${unsaid} ${next}` : next;
    setText(last.current);
  }, []);
  return [text, say];
}
