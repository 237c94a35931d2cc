// `snapshot.byId` without copying a Map on every change. Items keep their positions until one is
// removed, so a position index can be shared by every snapshot: adding items appends to it, and
// lookups check that the item found at a position has the id asked for, which makes a shared,
// appended index safe for older snapshots too. Only removal builds a new index.
import type { UploadItem } from "./types.js";

/** Position of each item id in `items`; only ever appended to (see {@link createItemsById}). */
export type ItemIndex = Map<string, number>;

/** Builds a fresh index of `items`. */
export function indexItems(items: readonly UploadItem[]): ItemIndex {
  const index: ItemIndex = new Map();
  items.forEach((item, position) => index.set(item.id, position));
  return index;
}

class ItemsById implements ReadonlyMap<string, UploadItem> {
  readonly #items: readonly UploadItem[];
  readonly #index: ItemIndex;
  #map: Map<string, UploadItem> | null = null;

  constructor(items: readonly UploadItem[], index: ItemIndex) {
    this.#items = items;
    this.#index = index;
  }

  get size(): number {
    return this.#items.length;
  }

  get(id: string): UploadItem | undefined {
    const position = this.#index.get(id);
    if (position === undefined) {
      return undefined;
    }
    const item = this.#items[position];
    return item !== undefined && item.id === id ? item : undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  // Iteration is rare (lookups are what `byId` is for): build a real Map on first use.
  #materialize(): Map<string, UploadItem> {
    this.#map ??= new Map(this.#items.map((item) => [item.id, item]));
    return this.#map;
  }

  forEach(
    callback: (value: UploadItem, key: string, map: ReadonlyMap<string, UploadItem>) => void,
    thisArg?: unknown,
  ): void {
    for (const item of this.#items) {
      callback.call(thisArg, item, item.id, this);
    }
  }

  entries(): MapIterator<[string, UploadItem]> {
    return this.#materialize().entries();
  }

  keys(): MapIterator<string> {
    return this.#materialize().keys();
  }

  values(): MapIterator<UploadItem> {
    return this.#materialize().values();
  }

  [Symbol.iterator](): MapIterator<[string, UploadItem]> {
    return this.entries();
  }
}

/** A read-only map view of `items` by id, backed by `index`. */
export function createItemsById(
  items: readonly UploadItem[],
  index: ItemIndex,
): ReadonlyMap<string, UploadItem> {
  return new ItemsById(items, index);
}
