import { useCallback, useRef, useState } from "react";
import { afterNextRender } from "./nextTask.js";

/**
 * @internal The text of a live region, and a function that says a sentence in it. A live region
 * speaks only when its text changes, and React skips setting a string it already holds: a
 * sentence that is due again (the same failure after a retry, a second file of the same name)
 * first empties the region, then comes back once that was rendered.
 */
export function useLiveText(initial: string): [string, (text: string) => void] {
  const [text, setText] = useState(initial);
  const last = useRef(initial);
  // Only the newest sentence may come back: a later one cancels a pending repeat.
  const version = useRef(0);
  const say = useCallback((next: string) => {
    const current = ++version.current;
    if (next !== "" && next === last.current) {
      setText("");
      afterNextRender(() => current === version.current && setText(next));
    } else {
      setText(next);
    }
    last.current = next;
  }, []);
  return [text, say];
}
