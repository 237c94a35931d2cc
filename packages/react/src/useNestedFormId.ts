import { useId, useState, type RefObject } from "react";
import { useIsomorphicLayoutEffect } from "./useLatest.js";

/**
 * @internal For a component that renders a `<form>`: whether, once mounted, it turned out to be
 * inside another form (nested forms are invalid HTML: the outer one takes the inner one's
 * submit, and a server-rendered page merges the two). Returns `undefined` when it is not, else
 * a `form` attribute for its controls that names no element, which takes them out of the outer
 * form (it then neither submits nor validates them).
 */
export function useNestedFormId(root: RefObject<Element | null>): string | undefined {
  const id = useId();
  const [isNested, setNested] = useState(false);
  useIsomorphicLayoutEffect(() => {
    if (root.current?.parentElement?.closest("form")) {
      setNested(true);
    }
  }, [root]);
  return isNested ? `${id}-none` : undefined;
}
