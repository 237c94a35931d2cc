import { useLayoutEffect, useEffect, useRef, type RefObject } from "react";

// useLayoutEffect warns during server rendering; effects do not run there anyway.
const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/** @internal A ref that always holds the latest value, for event handlers set up once. */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

export { useIsomorphicLayoutEffect };
