import { describe, expect, it } from "vitest";
import { tensor, where } from "../../src";
import { expectClose, expectShape } from "../helpers/close";

describe("elementwise ops", () => {
  it("add broadcasts a bias row over a batch: [2,3] + [3] → [2,3]", () => {
    const out = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]).add(tensor([10, 20, 30]));
    expectShape(out, [2, 3]);
    expectClose(out, [11, 22, 33, 14, 25, 36]);
  });

  it("broadcasts a column against a row: [2,1] · [1,3] → [2,3] (outer product)", () => {
    const out = tensor([[1], [2]]).mul(tensor([[1, 2, 3]]));
    expectClose(out, [1, 2, 3, 2, 4, 6]);
  });

  it("a plain number never widens a float32 tensor", () => {
    const x = tensor([1, 2], { dtype: "float32" });
    expect(x.mul(0.1).dtype).toBe("float32");
    expect(x.add(tensor([1, 1])).dtype).toBe("float64"); // tensor + tensor promotes, as PyTorch
  });

  it("integer tensors give integers for + − ·, and floats for / and exp", () => {
    const i = tensor([1, 2, 3], { dtype: "int32" });
    expect(i.add(1).dtype).toBe("int32");
    expect(i.mul(0.5).dtype).toBe("float64");
    expect(i.div(2).dtype).toBe("float64");
    expectClose(i.div(2), [0.5, 1, 1.5]);
    expect(i.exp().dtype).toBe("float64");
  });

  it("computes exp, log, sqrt, abs, sign, pow, neg", () => {
    const x = tensor([1, 4, 9]);
    expectClose(x.sqrt(), [1, 2, 3]);
    expectClose(x.log().exp(), [1, 4, 9], 1e-12);
    expectClose(tensor([-2, 0, 3]).abs(), [2, 0, 3]);
    expectClose(tensor([-2, 0, 3]).sign(), [-1, 0, 1]);
    expectClose(x.pow(0.5), [1, 2, 3]);
    expectClose(x.neg(), [-1, -4, -9]);
  });

  it("maximum, minimum and clamp", () => {
    const a = tensor([1, 5, -3]);
    expectClose(a.maximum(0), [1, 5, 0]);
    expectClose(a.minimum(tensor([2, 2, 2])), [1, 2, -3]);
    expectClose(a.clamp(-1, 2), [1, 2, -1]);
    expectClose(a.clamp(null, 0), [0, 0, -3]);
  });

  it("comparisons return bool tensors and where picks by them", () => {
    const a = tensor([1, 5, -3]);
    const mask = a.gt(0);
    expect(mask.dtype).toBe("bool");
    expect(mask.toArray()).toEqual([true, true, false]);
    expectClose(where(mask, a, tensor([0, 0, 100])), [1, 5, 100]);
    expect(a.eq(5).toArray()).toEqual([false, true, false]);
    expect(a.le(1).toArray()).toEqual([true, false, true]);
  });

  it("a shape mismatch names the op and both shapes", () => {
    expect(() => tensor([1, 2, 3]).add(tensor([1, 2]))).toThrow(
      "add: cannot broadcast [3] with [2]: sizes 3 and 2 differ at dimension 0",
    );
    expect(() => tensor([[1, 2, 3]]).mul(tensor([[1], [2]]).reshape(1, 2))).toThrow(
      /mul: cannot broadcast \[1, 3\] with \[1, 2\]/,
    );
  });

  it("refuses a nested array where a tensor is expected, and says how to fix it", () => {
    // @ts-expect-error: testing the runtime check
    expect(() => tensor([1, 2]).add([1, 2])).toThrow(
      "expected a Tensor or a number, got an array (wrap it with tensor(...))",
    );
  });
});
