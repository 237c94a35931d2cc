import { describe, expect, it } from "vitest";
import { ItemIdSet } from "./itemIdSet.js";

const id = (counter: number) => `0a1b2c3d-4e5f-${counter.toString(36)}`;

/** Applies the same steps to an ItemIdSet and a Set; they must agree after every step. */
function check(steps: readonly (["with", string[]] | ["without", string[] | null])[]) {
  let set = ItemIdSet.empty;
  let model = new Set<string>();
  const probes = new Set<string>([id(0), id(10_000), "x"]);
  for (const [operation, ids] of steps) {
    const before = set;
    if (operation === "with") {
      set = set.with(ids);
      model = new Set([...model, ...ids]);
    } else {
      set = set.without(ids);
      model = new Set(ids === null ? [] : [...model].filter((key) => !ids.includes(key)));
      if (ids !== null && !ids.some((key) => before.has(key))) {
        expect(set).toBe(before);
      }
    }
    ids?.forEach((key) => probes.add(key));
    expect(set.size).toBe(model.size);
    for (const key of probes) {
      expect(set.has(key), key).toBe(model.has(key));
    }
  }
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => id(from + i));

describe("ItemIdSet", () => {
  it("holds batches of ids, and drops single ids from the middle and the ends of runs", () => {
    check([
      ["with", range(1, 500)],
      ["with", range(600, 700)],
      ["without", [id(1), id(250), id(499), id(650), id(42_000)]],
      ["without", [id(251), id(249)]],
      ["without", [id(777)]],
      ["with", [id(701), id(703)]],
      ["without", range(600, 650)],
      ["without", null],
      ["with", range(800, 810)],
    ]);
  });

  it("agrees with a Set for ids of other shapes, or added out of order", () => {
    check([
      ["with", range(10, 20)],
      ["with", [id(5)]],
      ["without", [id(12)]],
      ["with", ["a", "b"]],
      ["without", ["a", id(5)]],
    ]);
    check([
      ["with", ["a", id(1)]],
      ["with", [id(2)]],
    ]);
    check([
      ["with", [id(1), id(2), "other-prefix-3", id(3)]],
      ["without", ["other-prefix-3"]],
    ]);
    check([
      ["with", [id(1), id(1), id(2)]],
      ["with", [id(2), id(1)]],
    ]);
  });

  it("never changes a set it was made from", () => {
    const first = ItemIdSet.empty.with(range(1, 10));
    const second = first.without([id(5)]).with([id(10)]);
    expect(first.size).toBe(9);
    expect(first.has(id(5))).toBe(true);
    expect(first.has(id(10))).toBe(false);
    expect(second.size).toBe(9);
    expect(ItemIdSet.empty.size).toBe(0);
  });
});
