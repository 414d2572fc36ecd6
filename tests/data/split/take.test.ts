import { describe, expect, it } from "vitest";
import { take } from "../../../src/data/split/take";
import { trainTestSplit } from "../../../src/data/split/train_test_split";
import { tensor } from "../../../src/tensor/creation";

describe("take", () => {
  it("picks the rows of a split, in index order", () => {
    const x = tensor([
      [0, 0],
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    const y = tensor([5, 6, 7, 8]);
    const { train, test } = trainTestSplit(4, { testSize: 1, shuffle: false });
    expect(take(x, train).toArray()).toEqual([
      [0, 0],
      [1, 10],
      [2, 20],
    ]);
    expect(take(y, test).toArray()).toEqual([8]);
    expect(take(x, Int32Array.from([3, 1])).shape).toEqual([2, 2]);
  });
});
