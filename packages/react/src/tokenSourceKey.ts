import type { TokenSource } from "@twentythree-upload/core";

const functionIds = new WeakMap<object, number>();
let nextFunctionId = 1;

/**
 * @internal A query-key part that identifies a token source: the URL itself, or a per-function
 * id (so a token function must keep its identity across renders to share a cache entry).
 */
export function tokenSourceKey(source: TokenSource | undefined): string {
  if (source === undefined) {
    return "none";
  }
  if (typeof source !== "function") {
    return `url:${String(source)}`;
  }
  let id = functionIds.get(source);
  if (id === undefined) {
    id = nextFunctionId++;
    functionIds.set(source, id);
  }
  return `function:${id}`;
}
