import { describe, expect, it } from "vitest";
import { ItemIndex } from "./itemIndex.js";

const id = (counter: number) => `0a1b2c3d-4e5f-${counter.toString(36)}`;

/** What a Map given the same calls answers: the index must answer the same. */
function check(calls: readonly [string, number][], probes: readonly string[]) {
  const index = new ItemIndex();
  const map = new Map<string, number>();
  for (const [key, position] of calls) {
    index.set(key, position);
    map.set(key, position);
  }
  for (const key of [...map.keys(), ...probes]) {
    expect(index.get(key), key).toBe(map.get(key));
    expect(index.has(key), key).toBe(map.has(key));
  }
}

describe("ItemIndex", () => {
  it("finds every id of consecutive batches, and nothing else", () => {
    const calls: [string, number][] = [];
    for (let position = 0; position < 2000; position += 1) {
      // Two batches with a gap in the counters (another uploader's files in between).
      calls.push([id(position < 1000 ? 35 + position : 1500 + position), position]);
    }
    check(calls, [
      id(34),
      id(1035),
      id(3500),
      id(0),
      "0a1b2c3d-4e5f-",
      "0a1b2c3d-4e5f-0z", // not how the counter is written (leading zero)
      "0a1b2c3d-4e5f-Z",
      "ffffffff-4e5f-z",
      `0a1b2c3d-4e5f-${"z".repeat(11)}`,
      "z",
    ]);
  });

  it("answers like a Map for ids of any shape, out of order or set again", () => {
    check(
      [
        [id(5), 0],
        [id(6), 1],
        [id(3), 2],
        [id(7), 3],
      ],
      [id(4), id(8)],
    );
    check(
      [
        [id(1), 0],
        [id(2), 1],
        [id(2), 5],
      ],
      [id(3)],
    );
    check(
      [
        ["a", 0],
        ["b", 1],
        [id(1), 2],
      ],
      [id(2), "c"],
    );
    check(
      [
        [id(1), 0],
        ["other-prefix-2", 1],
        [id(2), 2],
      ],
      [id(3), "other-prefix-3"],
    );
  });

  it("keeps answering for positions shared by branches of the same state", () => {
    // Two states built from the same one append different ids at the same positions.
    check(
      [
        [id(1), 0],
        [id(2), 1],
        [id(3), 1],
        [id(4), 2],
      ],
      [id(5)],
    );
  });
});
