import { describe, expect, it } from "vitest";
import { tensor, zeros } from "../../src";
import { TensorDataset, asDataset } from "../../src/data/tensor_dataset";

describe("TensorDataset", () => {
  const x = tensor([
    [0, 1],
    [2, 3],
    [4, 5],
  ]);
  const y = tensor([7, 8, 9], { dtype: "int32" });

  it("has one sample per row and get(i) returns (x[i], y[i])", () => {
    const ds = new TensorDataset(x, y);
    expect(ds.length).toBe(3);
    const [x1, y1] = ds.get(1);
    expect(x1.toArray()).toEqual([2, 3]);
    expect(y1.item()).toBe(8);
    expect(ds.get(-1)[1].item()).toBe(9); // negative counts from the end
  });

  it("batch(indices) picks rows in the given order, repeats allowed", () => {
    const [xb, yb] = new TensorDataset(x, y).batch([2, 0, 2]);
    expect(xb.toArray()).toEqual([
      [4, 5],
      [0, 1],
      [4, 5],
    ]);
    expect(yb.toArray()).toEqual([9, 7, 9]);
    expect(yb.dtype).toBe("int32");
  });

  it("refuses x and y with different numbers of samples, naming both shapes", () => {
    expect(() => new TensorDataset(zeros([100, 2]), zeros([99]))).toThrow(
      "TensorDataset: x and y must have the same number of samples (first dimension), got x [100, 2] (100 samples) and y [99] (99 samples)",
    );
  });

  it("refuses 0-d tensors and non-tensors", () => {
    expect(() => new TensorDataset(tensor(1), y)).toThrow(/x must have a first axis/);
    expect(() => new TensorDataset(x, [1, 2, 3] as never)).toThrow(/y must be a Tensor/);
  });

  it("get refuses an index out of range, saying the valid range", () => {
    expect(() => new TensorDataset(x, y).get(3)).toThrow(
      "TensorDataset.get: index 3 is out of range for 3 samples (expected an integer in [-3, 2])",
    );
  });

  it("asDataset wraps { x, y } and passes a dataset through", () => {
    const ds = new TensorDataset(x, y);
    expect(asDataset("fit", ds)).toBe(ds);
    expect(asDataset("fit", { x, y }).length).toBe(3);
    expect(() => asDataset("fit", { a: 1 } as never)).toThrow(
      "fit: expected a TensorDataset or { x, y } tensors, got an object with keys [a]",
    );
  });
});
