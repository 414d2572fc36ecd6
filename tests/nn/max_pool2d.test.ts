import { describe, expect, it } from "vitest";
import { Generator, randn, tensor, zeros } from "../../src";
import { MaxPool2d } from "../../src/nn/max_pool2d";
import { maxPool2d } from "../../src/tensor/pooling";
import { expectClose, expectShape } from "../helpers/close";
import { gradcheckModule } from "../helpers/gradcheck_module";

describe("MaxPool2d", () => {
  it("halves 28×28 to 14×14 with k = 2 (stride defaults to the kernel size), and has no parameters", () => {
    const pool = new MaxPool2d(2);
    expect(pool.stride).toEqual([2, 2]);
    expect(pool.parameters()).toEqual([]);
    expectShape(pool.forward(zeros([4, 8, 28, 28])), [4, 8, 14, 14]);
    expectShape(
      new MaxPool2d(3, { stride: 2, padding: 1 }).forward(zeros([1, 1, 28, 28])),
      [1, 1, 14, 14],
    ); // ⌊(28 + 2 − 3)/2⌋ + 1
  });

  it("is the maxPool2d op with its kernel, stride and padding", () => {
    const x = randn([2, 3, 7, 7], { generator: new Generator(1) });
    const pool = new MaxPool2d([3, 2], { stride: [2, 1], padding: [1, 0] });
    expectClose(pool.forward(x), maxPool2d(x, [3, 2], { stride: [2, 1], padding: [1, 0] }), 0);
  });

  it("keeps each window's maximum, by hand", () => {
    const x = tensor([
      [
        [
          [1, 2, 5, 3],
          [4, 0, 1, 1],
        ],
      ],
    ]);
    expectClose(new MaxPool2d(2).forward(x), [4, 5]);
  });

  it("passes gradcheck (inputs without ties)", () => {
    const x = randn([2, 2, 6, 6], { generator: new Generator(2), requiresGrad: true });
    expect(gradcheckModule(new MaxPool2d(2), x).ok).toBe(true);
  });

  it("explains wrong inputs and hyperparameters", () => {
    expect(() => new MaxPool2d(2).forward(zeros([32, 784]))).toThrow(
      "MaxPool2d(2×2, stride 2): expected input [N, C, H, W], got [32, 784]; pooling works on images [N, C, H, W]; apply it before nn.Flatten",
    );
    expect(() => new MaxPool2d(2).forward(zeros([8, 28, 28]))).toThrow(
      "got [8, 28, 28]; a single image needs a batch axis: x.unsqueeze(0)",
    );
    expect(() => new MaxPool2d(2, { padding: 2 })).toThrow(
      "MaxPool2d: padding must be at most half the kernel size, got padding 2 for a 2×2 kernel",
    );
    expect(() => new MaxPool2d(0)).toThrow(
      "MaxPool2d: kernelSize must be an integer ≥ 1 or a pair of them, got 0",
    );
  });
});
