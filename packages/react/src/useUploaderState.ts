import type { Uploader, UploaderSnapshot } from "@twentythree-upload/core";
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { nextTask, prepareNextTask } from "./nextTask.js";

const identity = <T>(value: T): T => value;

/**
 * THE bridge between the core engine and React: every other hook reads uploader state through
 * this one. Subscribes with `useSyncExternalStore` and returns `selector(snapshot)`; the component
 * re-renders only when the selection changes according to `isEqual` (default `Object.is`), so a
 * row that selects `s => s.byId.get(id)` re-renders only when its own item changes.
 *
 * Selections are memoized like React's `useSyncExternalStoreWithSelector`: the selector runs once
 * per snapshot, and an equal selection keeps its previous identity, so selectors may build new
 * arrays or objects (pair them with a structural `isEqual` such as {@link shallowEqual}).
 * React hears about a change in the task after the engine announced it (one render for every
 * change of that task), so the engine's own work in that task, such as starting an upload after
 * a file pick, is not held up by rendering. On the server it selects from the uploader's current
 * (initial) snapshot.
 */
export function useUploaderState<T = UploaderSnapshot>(
  uploader: Uploader,
  selector: (snapshot: UploaderSnapshot) => T = identity as (snapshot: UploaderSnapshot) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  // The last selection handed to React survives selector changes (inline selectors are new on
  // every render), so an equal selection keeps its identity across renders as well.
  const rendered = useRef<{ value: T } | null>(null);
  // React renders a change in the task after the engine announced it, not in the same
  // microtask: work the engine started in that task (after a file pick: the token, the
  // transport, the request's first byte) then runs before the render instead of after it.
  const subscribe = useCallback(
    (listener: () => void) => {
      let cancel: (() => void) | null = null;
      prepareNextTask();
      const unsubscribe = uploader.subscribe(() => {
        cancel ??= nextTask(() => {
          cancel = null;
          listener();
        });
      });
      return () => {
        unsubscribe();
        cancel?.();
      };
    },
    [uploader],
  );
  const getSelection = useMemo(() => {
    let last: { snapshot: UploaderSnapshot; value: T } | null = null;
    return (): T => {
      const snapshot = uploader.getSnapshot();
      if (last && last.snapshot === snapshot) {
        return last.value;
      }
      const next = selector(snapshot);
      const previous = last?.value ?? rendered.current?.value;
      const value = previous !== undefined && isEqual(previous, next) ? previous : next;
      last = { snapshot, value };
      return value;
    };
  }, [uploader, selector, isEqual]);
  const value = useSyncExternalStore(subscribe, getSelection, getSelection);
  useEffect(() => {
    rendered.current = { value };
  }, [value]);
  return value;
}

/** Shallow equality for arrays and plain objects: same keys, `Object.is` values. */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) {
    return true;
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) {
    return false;
  }
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysA.every((key) => Object.hasOwn(recordB, key) && Object.is(recordA[key], recordB[key]));
}
