import { describe, expect, it } from "vitest";
import { tensor } from "../../src";
import { expectClose, expectShape } from "../helpers/close";

const X = () =>
  tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);

describe("reductions", () => {
  it("sum over everything, an axis, a negative axis, with and without keepDims", () => {
    expectClose(X().sum(), 21);
    expectShape(X().sum(), []);
    expectClose(X().sum(0), [5, 7, 9]);
    expectClose(X().sum(-1), [6, 15]);
    expectShape(X().sum(1, { keepDims: true }), [2, 1]);
    expectShape(X().sum([0, 1], { keepDims: true }), [1, 1]);
  });

  it("mean and variance: var is unbiased (N−1) by default, biased with correction 0", () => {
    expectClose(X().mean(0), [2.5, 3.5, 4.5]);
    // row [1,2,3]: mean 2, Σ(x−x̄)² = 2 → unbiased 2/2 = 1, biased 2/3
    expectClose(X().var(1), [1, 1]);
    expectClose(X().var(1, { correction: 0 }), [2 / 3, 2 / 3], 1e-12);
    expectClose(tensor([1, 2, 3, 4]).var(), 5 / 3, 1e-12);
  });

  it("max, min, argmax and argmin, first occurrence on ties", () => {
    const t = tensor([
      [3, 7, 7],
      [9, 1, 2],
    ]);
    expectClose(t.max(1), [7, 9]);
    expectClose(t.min(0), [3, 1, 2]);
    expect(t.argmax(1).toArray()).toEqual([1, 0]);
    expect(t.argmax(1).dtype).toBe("int32");
    expect(t.argmin().item()).toBe(4);
    expectShape(t.argmax(1, { keepDims: true }), [2, 1]);
  });

  it("mean of a bool tensor is the fraction of trues (accuracy)", () => {
    const pred = tensor([1, 2, 0, 1], { dtype: "int32" });
    const y = tensor([1, 2, 1, 1], { dtype: "int32" });
    expectClose(pred.eq(y).mean(), 0.75);
  });

  it("an out-of-range axis says what the valid range is", () => {
    expect(() => X().sum(2)).toThrow(
      "sum: axis 2 is out of range for a 2-d tensor (expected an integer in [-2, 1])",
    );
  });
});
