import { describe, expect, it } from "vitest";
import { Generator, Tensor, gradcheck, randn, tensor, zeros } from "../../src";
import { maxPool2d } from "../../src/tensor/pooling";
import { expectClose, expectShape } from "../helpers/close";

/** value[i] = ((i·a) mod m − s)/d over the flattened shape: fixed inputs PyTorch can rebuild. */
function seq(shape: number[], a: number, m: number, s: number, d: number): Tensor {
  const n = shape.reduce((p, k) => p * k, 1);
  return tensor(Array.from({ length: n }, (_, i) => (((i * a) % m) - s) / d)).reshape(shape);
}

/** Distinct values (37 is invertible mod 101): no ties, so the maximum is unique everywhere. */
const distinct = (shape: number[]): Tensor => seq(shape, 37, 101, 50, 10);

describe("maxPool2d", () => {
  it("takes the largest value of each 2×2 window, by hand", () => {
    const x = tensor([
      [
        [
          [1, 5, 2, 0],
          [3, 4, 8, 1],
          [0, 0, 1, 2],
          [9, 0, 3, 4],
        ],
      ],
    ]);
    const y = maxPool2d(x, 2);
    expectShape(y, [1, 1, 2, 2]);
    expectClose(y, [5, 8, 9, 4]); // max{1,5,3,4}, max{2,0,8,1}, max{0,0,9,0}, max{1,2,3,4}
  });

  it("routes each output's gradient to its argmax and gives the other inputs 0", () => {
    const x = tensor(
      [
        [
          [
            [1, 5, 2, 0],
            [3, 4, 8, 1],
          ],
        ],
      ],
      { requiresGrad: true },
    );
    maxPool2d(x, 2).backward(tensor([[[[10, 20]]]]));
    expectClose(x.grad!, [0, 10, 0, 0, 0, 0, 20, 0]);
  });

  it("sends a tie's gradient to the first maximum, as PyTorch", () => {
    const x = tensor(
      [
        [
          [
            [7, 7],
            [7, 7],
          ],
        ],
      ],
      { requiresGrad: true },
    );
    maxPool2d(x, 2).sum().backward();
    expectClose(x.grad!, [1, 0, 0, 0]);
  });

  it("matches PyTorch's F.max_pool2d with overlapping windows (k = 3, s = 2, p = 1)", () => {
    // /usr/bin/python3, torch 1.13.1, float64: x = seq([1,2,5,5], 37, 101, 50, 10);
    // y = F.max_pool2d(x, 3, stride=2, padding=1); (y·G).sum().backward(), G = seq(y.shape, 13, 7, 3, 4).
    // Inputs on the edge of two windows collect both gradients (x.grad at [0,0,1,3] = 1.25).
    const x = distinct([1, 2, 5, 5]);
    x.requiresGrad = true;
    const y = maxPool2d(x, 3, { stride: 2, padding: 1 });
    expectShape(y, [1, 2, 3, 3]);
    // prettier-ignore
    expectClose(y, [3.4, 4.4, 4.4, 3.7, 4.4, 4.7, 3.7, 3.7, 4.7, 5.0, 4.0, 1.3, 5.0, 4.3, 4.3, 3.6, 3.6, 4.6]);
    y.backward(seq([1, 2, 3, 3], 13, 7, 3, 4));
    // prettier-ignore
    expectClose(x.grad!, [0.0, 0.0, 0.0, 0.0, 0.0, -0.75, 0.0, 0.0, 1.25, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.25, 0.0, 0.0, 0.25, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.25, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.25, 0.0, 0.0, 0.25]);
  });

  it("matches PyTorch with a rectangular kernel [2, 3] (stride = kernel)", () => {
    // torch: x = seq([2,1,4,6], 37, 101, 50, 10); y = F.max_pool2d(x, (2,3)); G = seq(y.shape, 13, 7, 3, 4)
    const x = distinct([2, 1, 4, 6]);
    x.requiresGrad = true;
    const y = maxPool2d(x, [2, 3]);
    expectClose(y, [4.4, 3.4, 4.7, 3.7, 5.0, 4.0, 4.3, 3.6]);
    y.backward(seq([2, 1, 2, 2], 13, 7, 3, 4));
    // prettier-ignore
    expectClose(x.grad!, [0.0, 0.0, 0.0, 0.0, 0.0, 0.75, 0.0, 0.0, -0.75, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.25, 0.0, 0.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.25, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.75, 0.0]);
  });

  it("passes gradcheck on inputs without ties, overlapping and padded", () => {
    const x = randn([2, 3, 5, 6], { generator: new Generator(5), requiresGrad: true });
    expect(gradcheck((x) => maxPool2d(x, 2), [x]).ok).toBe(true);
    expect(gradcheck((x) => maxPool2d(x, 3, { stride: 2, padding: 1 }), [x]).ok).toBe(true);
  });

  it("keeps float32", () => {
    expect(maxPool2d(randn([1, 1, 4, 4], { dtype: "float32" }), 2).dtype).toBe("float32");
  });

  it("explains bad shapes and hyperparameters", () => {
    expect(() => maxPool2d(zeros([4, 4]), 2)).toThrow(
      "maxPool2d: expected input [N, C, H, W], got [4, 4]",
    );
    expect(() => maxPool2d(zeros([1, 1, 4, 4]), 2, { padding: 2 })).toThrow(
      "maxPool2d: padding must be at most half the kernel size, got padding 2 for a 2×2 kernel",
    );
    expect(() => maxPool2d(zeros([1, 1, 2, 2]), 3)).toThrow(
      "maxPool2d: a 3×3 window with padding 0 does not fit an input of 2×2 ([1, 1, 2, 2])",
    );
  });
});
