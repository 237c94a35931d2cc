// An immutable set of item ids, kept small: the files of one `add()` get consecutive counters
// (see itemIdCounter.ts), so the set stores runs of counters instead of an entry per id. The
// 10,000 files of a drop waiting for `start()` are one run instead of a 10,000-entry Set (~16
// bytes a file). Ids of any other shape turn it into a Set, which gives the same answers.
import { counterOf, prefixOf } from "./itemIdCounter.js";

export class ItemIdSet {
  static readonly empty = new ItemIdSet(null, [], null);

  /** `<prefix>-` shared by every id while the set keeps runs. */
  readonly #prefix: string | null;
  /** Pairs (first counter, length): counters rising, runs apart. */
  readonly #runs: readonly number[];
  readonly #set: ReadonlySet<string> | null;
  readonly size: number;

  private constructor(
    prefix: string | null,
    runs: readonly number[],
    set: ReadonlySet<string> | null,
  ) {
    this.#prefix = prefix;
    this.#runs = runs;
    this.#set = set;
    let size = set?.size ?? 0;
    for (let run = 1; run < runs.length; run += 2) {
      size += runs[run] as number;
    }
    this.size = size;
  }

  has(id: string): boolean {
    if (this.#set !== null) {
      return this.#set.has(id);
    }
    const counter = this.#prefix === null ? null : counterOf(id, this.#prefix);
    return counter !== null && this.#runOf(this.#runs, counter) >= 0;
  }

  /** This set and `ids`. */
  with(ids: readonly string[]): ItemIdSet {
    if (this.#set !== null) {
      return ItemIdSet.#fromSet(new Set([...this.#set, ...ids]));
    }
    let prefix = this.#prefix;
    const runs = this.#runs.slice();
    for (const id of ids) {
      prefix ??= prefixOf(id);
      const counter = counterOf(id, prefix);
      const last = runs.length - 2;
      const end = last < 0 ? -1 : (runs[last] as number) + (runs[last + 1] as number);
      if (counter === null || prefix === "" || (counter < end && this.#runOf(runs, counter) < 0)) {
        // Not one of ours, or out of order: a Set keeps the answers right.
        return ItemIdSet.#fromSet(new Set([...this.#ids(prefix, runs), ...ids]));
      }
      if (counter === end) {
        runs[last + 1] = (runs[last + 1] as number) + 1;
      } else if (counter > end) {
        runs.push(counter, 1);
      }
    }
    return new ItemIdSet(prefix, runs, null);
  }

  /** This set without `ids` (without all of them when `null`); itself when nothing changes. */
  without(ids: readonly string[] | null): ItemIdSet {
    if (this.size === 0 || (ids !== null && !ids.some((id) => this.has(id)))) {
      return this;
    }
    if (ids === null) {
      return ItemIdSet.empty;
    }
    if (this.#set !== null) {
      const next = new Set(this.#set);
      ids.forEach((id) => next.delete(id));
      return ItemIdSet.#fromSet(next);
    }
    const prefix = this.#prefix as string;
    const runs = this.#runs.slice();
    for (const id of ids) {
      const counter = counterOf(id, prefix);
      const run = counter === null ? -1 : this.#runOf(runs, counter);
      if (counter !== null && run >= 0) {
        const first = runs[run] as number;
        const length = runs[run + 1] as number;
        // Split the run around the counter; empty parts go.
        const parts: number[] = [];
        if (counter > first) {
          parts.push(first, counter - first);
        }
        if (counter < first + length - 1) {
          parts.push(counter + 1, first + length - counter - 1);
        }
        runs.splice(run, 2, ...parts);
      }
    }
    return new ItemIdSet(prefix, runs, null);
  }

  /** The position in `runs` of the run holding `counter`, or -1. */
  #runOf(runs: readonly number[], counter: number): number {
    let low = 0;
    let high = runs.length / 2 - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const first = runs[middle * 2] as number;
      if (counter < first) {
        high = middle - 1;
      } else if (counter >= first + (runs[middle * 2 + 1] as number)) {
        low = middle + 1;
      } else {
        return middle * 2;
      }
    }
    return -1;
  }

  *#ids(prefix: string | null, runs: readonly number[]): Generator<string> {
    for (let run = 0; run < runs.length; run += 2) {
      for (let i = 0; i < (runs[run + 1] as number); i += 1) {
        yield `${prefix ?? ""}${((runs[run] as number) + i).toString(36)}`;
      }
    }
  }

  static #fromSet(set: ReadonlySet<string>): ItemIdSet {
    return new ItemIdSet(null, [], set);
  }
}
