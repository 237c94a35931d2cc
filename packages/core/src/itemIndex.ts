// The position of each item id in the items array, kept small: ids made by `createItemId` are
// `<page prefix>-<counter in base 36>`, and a batch of files gets consecutive counters at
// consecutive positions, so the index stores runs (first counter, first position, length)
// instead of an entry per id. A batch of 10,000 files is one run instead of a 10,000-entry Map
// (~23 bytes a file). Any other id (another prefix, a counter out of order) turns the index into
// a Map, which gives the same answers.
import type { UploadItem } from "./types.js";

// Ids longer than this after the prefix could exceed Number.MAX_SAFE_INTEGER.
const MAX_DIGITS = 10;

/** The counter an id ends with (after `prefix`), or `null` when it is not `prefix` + base 36. */
function counterOf(id: string, prefix: string): number | null {
  const length = id.length - prefix.length;
  if (length < 1 || length > MAX_DIGITS || !id.startsWith(prefix)) {
    return null;
  }
  let counter = 0;
  for (let i = prefix.length; i < id.length; i += 1) {
    const code = id.charCodeAt(i);
    const digit = code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 122 ? code - 87 : -1;
    // As `Number#toString(36)` writes it: no leading zero, lower case.
    if (digit < 0 || (digit === 0 && i === prefix.length && length > 1)) {
      return null;
    }
    counter = counter * 36 + digit;
  }
  return counter;
}

/**
 * Maps item ids to positions. Only ever added to: `set` an id that is already there (or a
 * position out of order) and the index switches to a Map.
 */
export class ItemIndex {
  /** `<prefix>-` of the first id, shared by every id while the index keeps runs. */
  #prefix: string | null = null;
  /** Runs as flat triples (first counter, first position, length), counters rising. */
  readonly #runs: number[] = [];
  #map: Map<string, number> | null = null;

  get(id: string): number | undefined {
    if (this.#map !== null) {
      return this.#map.get(id);
    }
    const counter = this.#prefix === null ? null : counterOf(id, this.#prefix);
    if (counter === null) {
      return undefined;
    }
    const runs = this.#runs;
    let low = 0;
    let high = runs.length / 3 - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const first = runs[middle * 3] as number;
      if (counter < first) {
        high = middle - 1;
      } else if (counter >= first + (runs[middle * 3 + 2] as number)) {
        low = middle + 1;
      } else {
        return (runs[middle * 3 + 1] as number) + counter - first;
      }
    }
    return undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  set(id: string, position: number): this {
    if (this.#map !== null) {
      this.#map.set(id, position);
      return this;
    }
    if (this.#prefix === null) {
      this.#prefix = id.slice(0, id.lastIndexOf("-") + 1);
    }
    const counter = counterOf(id, this.#prefix);
    const runs = this.#runs;
    const last = runs.length - 3;
    if (counter === null || this.#prefix === "") {
      this.#toMap().set(id, position);
    } else if (last < 0) {
      runs.push(counter, position, 1);
    } else {
      const next = (runs[last] as number) + (runs[last + 2] as number);
      if (
        counter === next &&
        position === (runs[last + 1] as number) + (runs[last + 2] as number)
      ) {
        runs[last + 2] = (runs[last + 2] as number) + 1;
      } else if (counter >= next) {
        runs.push(counter, position, 1);
      } else {
        // Out of order or set again: a Map keeps the answers right.
        this.#toMap().set(id, position);
      }
    }
    return this;
  }

  #toMap(): Map<string, number> {
    const map = new Map<string, number>();
    const runs = this.#runs;
    for (let run = 0; run < runs.length; run += 3) {
      const [first, position, length] = runs.slice(run, run + 3) as [number, number, number];
      for (let i = 0; i < length; i += 1) {
        map.set(`${this.#prefix ?? ""}${(first + i).toString(36)}`, position + i);
      }
    }
    runs.length = 0;
    this.#map = map;
    return map;
  }
}

/** Builds a fresh index of `items`. */
export function indexItems(items: readonly UploadItem[]): ItemIndex {
  const index = new ItemIndex();
  items.forEach((item, position) => index.set(item.id, position));
  return index;
}
