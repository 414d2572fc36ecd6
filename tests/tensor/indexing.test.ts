import { describe, expect, it } from "vitest";
import { arange, concat, oneHot, stack, tensor } from "../../src";
import { expectClose, expectShape } from "../helpers/close";

const X = () => arange(12).reshape(4, 3); // rows [0,1,2], [3,4,5], [6,7,8], [9,10,11]

describe("indexing", () => {
  it("slice takes rows or columns with Python's start:end:step", () => {
    expect(X().slice(0, 1, 3).toArray()).toEqual([
      [3, 4, 5],
      [6, 7, 8],
    ]);
    expect(X().slice(1, -1).toArray()).toEqual([[2], [5], [8], [11]]);
    expect(X().slice(0, 0, undefined, 2).toArray()).toEqual([
      [0, 1, 2],
      [6, 7, 8],
    ]);
  });

  it("select drops the axis; get reads one element", () => {
    expect(X().select(1, 0).toArray()).toEqual([0, 3, 6, 9]);
    expect(X().get(2, 1)).toBe(7);
    expect(X().get(-1, -1)).toBe(11);
    expect(() => X().get(4, 0)).toThrow(
      "get: index 4 is out of range for axis 0 of size 4 (shape [4, 3])",
    );
  });

  it("indexSelect picks a mini-batch in any order, repeats allowed", () => {
    expect(X().indexSelect(0, [3, 0, 3]).toArray()).toEqual([
      [9, 10, 11],
      [0, 1, 2],
      [9, 10, 11],
    ]);
  });

  it("gather picks p[i, y_i] per row", () => {
    const p = tensor([
      [0.1, 0.7, 0.2],
      [0.5, 0.3, 0.2],
    ]);
    expectClose(p.gather(1, tensor([[1], [0]], { dtype: "int32" })), [0.7, 0.5]);
  });

  it("oneHot turns labels into rows", () => {
    expect(oneHot([2, 0], 3).toArray()).toEqual([
      [0, 0, 1],
      [1, 0, 0],
    ]);
    expect(() => oneHot([3], 3)).toThrow(
      "oneHot: label 3 at position 0 is not a class index in [0, 2]",
    );
  });

  it("concat and stack", () => {
    const a = tensor([[1, 2]]);
    const b = tensor([[3, 4]]);
    expect(concat([a, b]).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(concat([a, b], 1).toArray()).toEqual([[1, 2, 3, 4]]);
    expectShape(stack([tensor([1, 2]), tensor([3, 4]), tensor([5, 6])]), [3, 2]);
    expect(() => concat([a, tensor([[1, 2, 3]])])).toThrow(
      "concat: all shapes must match except along axis 0; got [1, 2] and [1, 3]",
    );
  });
});
