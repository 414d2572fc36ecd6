import { describe, expect, it } from "vitest";
import { Generator, manualSeed, randn, tensor, zeros } from "../../src";
import { ReLU } from "../../src/nn/activation_layers";
import { Conv2d } from "../../src/nn/conv2d";
import { Flatten } from "../../src/nn/flatten";
import { Linear } from "../../src/nn/linear";
import { MaxPool2d } from "../../src/nn/max_pool2d";
import { Sequential } from "../../src/nn/sequential";
import { conv2d } from "../../src/tensor/conv";
import { expectClose, expectShape } from "../helpers/close";
import { gradcheckModule } from "../helpers/gradcheck_module";
import { sampleStats } from "../helpers/sample_stats";

describe("Conv2d", () => {
  it("has weight [out, in, kh, kw] and bias [out], and maps [N, C_in, H, W] → [N, C_out, H_out, W_out]", () => {
    const conv = new Conv2d(1, 8, 3);
    expectShape(conv.weight, [8, 1, 3, 3]);
    expectShape(conv.bias!, [8]);
    expect(conv.namedParameters().map(([name]) => name)).toEqual(["weight", "bias"]);
    expectShape(conv.forward(zeros([4, 1, 28, 28])), [4, 8, 26, 26]); // 28 − 3 + 1
    expectShape(new Conv2d(1, 8, 3, { padding: 1 }).forward(zeros([4, 1, 28, 28])), [4, 8, 28, 28]);
    expectShape(
      new Conv2d(3, 6, [5, 3], { stride: 2 }).forward(zeros([2, 3, 32, 32])),
      [2, 6, 14, 15],
    ); // ⌊27/2⌋+1, ⌊29/2⌋+1
    expect(new Conv2d(3, 6, 3, { bias: false }).bias).toBeNull();
  });

  it("is the conv2d op with its weight, bias, stride and padding", () => {
    const conv = new Conv2d(2, 3, 3, { stride: 2, padding: 1, generator: new Generator(1) });
    const x = randn([2, 2, 7, 7], { generator: new Generator(2) });
    expectClose(conv.forward(x), conv2d(x, conv.weight, conv.bias, { stride: 2, padding: 1 }), 0);
  });

  it("initialises W, b ~ U(−1/√fanIn, 1/√fanIn) with fanIn = in·kh·kw, as PyTorch", () => {
    const conv = new Conv2d(16, 32, 3, { generator: new Generator(0) }); // fanIn = 144, bound = 1/12
    const w = sampleStats(conv.weight);
    expect(w.max).toBeLessThanOrEqual(1 / 12);
    expect(w.min).toBeGreaterThanOrEqual(-1 / 12);
    expect(w.std).toBeCloseTo(1 / 12 / Math.sqrt(3), 3); // U(−a, a) has std a/√3
    const b = sampleStats(conv.bias!);
    expect(Math.max(Math.abs(b.min), Math.abs(b.max))).toBeLessThanOrEqual(1 / 12);
  });

  it("draws from the default generator: manualSeed makes it repeatable", () => {
    manualSeed(0);
    const a = new Conv2d(1, 4, 3);
    manualSeed(0);
    const b = new Conv2d(1, 4, 3);
    expectClose(a.weight, b.weight, 0);
    expectClose(a.bias!, b.bias!, 0);
  });

  it("passes gradcheck for x, weight and bias with stride and padding", () => {
    const conv = new Conv2d(2, 3, [3, 2], {
      stride: [1, 2],
      padding: 1,
      generator: new Generator(3),
    });
    const x = randn([2, 2, 5, 5], { generator: new Generator(4), requiresGrad: true });
    expect(gradcheckModule(conv, x).ok).toBe(true);
  });

  it("reproduces a 3×3 edge detector by hand", () => {
    const conv = new Conv2d(1, 1, 3, { bias: false });
    conv.weight.assign(
      tensor([
        [
          [
            [-1, 0, 1],
            [-1, 0, 1],
            [-1, 0, 1],
          ],
        ],
      ]),
    ); // responds to left→right increase
    const x = tensor([
      [
        [
          [0, 0, 1, 1],
          [0, 0, 1, 1],
          [0, 0, 1, 1],
        ],
      ],
    ]);
    expectClose(conv.forward(x), [3, 3]); // each window: 3 rows × (x_right − x_left) = 3·1
  });

  it("trains in a CONV-ReLU-MaxPool-Flatten-Linear net (lecture 002's block)", () => {
    manualSeed(0);
    const net = new Sequential(
      new Conv2d(1, 4, 3, { padding: 1 }),
      new ReLU(),
      new MaxPool2d(2),
      new Flatten(),
      new Linear(4 * 4 * 4, 2),
    );
    const x = randn([6, 1, 8, 8]);
    const y = net.forward(x);
    expectShape(y, [6, 2]);
    y.sum().backward();
    for (const p of net.parameters()) expect(p.grad?.data.some((v) => v !== 0)).toBe(true);
  });

  it("runs [64, 1, 28, 28] → Conv2d(1, 8, 3) → ReLU → MaxPool2d(2) forward and backward to the right shapes", () => {
    // Its speed is measured by `npm run bench`, not asserted here (shared machines are noisy).
    manualSeed(0);
    const conv = new Conv2d(1, 8, 3);
    const pool = new MaxPool2d(2);
    const x = randn([64, 1, 28, 28]);
    const y = pool.forward(conv.forward(x).relu());
    expectShape(y, [64, 8, 13, 13]);
    y.sum().backward();
    expectShape(conv.weight.grad!, [8, 1, 3, 3]);
  });

  it("explains wrong inputs: flattened images, a missing axis, channels last, too small", () => {
    const conv = new Conv2d(1, 8, 3);
    expect(() => conv.forward(zeros([32, 784]))).toThrow(
      "Conv2d(1 → 8, 3×3): expected input [N, 1, H, W], got [32, 784]; reshape it to [N, 1, 28, 28]",
    );
    expect(() => conv.forward(zeros([32, 28, 28]))).toThrow(
      "Conv2d(1 → 8, 3×3): expected input [N, 1, H, W], got [32, 28, 28]; add the channel axis: x.unsqueeze(1)",
    );
    expect(() => new Conv2d(3, 8, 3).forward(zeros([3, 32, 32]))).toThrow(
      "Conv2d(3 → 8, 3×3): expected input [N, 3, H, W], got [3, 32, 32]; a single image needs a batch axis: x.unsqueeze(0)",
    );
    expect(() => new Conv2d(3, 8, 3).forward(zeros([2, 32, 32, 3]))).toThrow(
      "got [2, 32, 32, 3]; channels come last; x.permute(0, 3, 1, 2) moves them to axis 1",
    );
    expect(() => new Conv2d(16, 8, 3).forward(zeros([2, 8, 10, 10]))).toThrow(
      "Conv2d(16 → 8, 3×3): expected input [N, 16, H, W], got [2, 8, 10, 10]; axis 1 must have 16 channels (check inChannels, or the layer before)",
    );
    expect(() => conv.forward(zeros([1, 1, 2, 2]))).toThrow(
      "Conv2d(1 → 8, 3×3): a 3×3 window with padding 0 does not fit an input of 2×2 ([1, 1, 2, 2])",
    );
    expect(() => conv.forward(zeros([1, 1, 5, 5], { dtype: "float32" }))).toThrow(
      'Conv2d(1 → 8, 3×3): input is float32 but the weights are float64; convert the input with x.to("float64")',
    );
  });

  it("checks its hyperparameters", () => {
    expect(() => new Conv2d(0, 8, 3)).toThrow(
      "Conv2d: inChannels must be a positive integer, got 0",
    );
    expect(() => new Conv2d(1, 8, 0)).toThrow(
      "Conv2d: kernelSize must be an integer ≥ 1 or a pair of them, got 0",
    );
    expect(() => new Conv2d(1, 8, 3, { padding: -1 })).toThrow(
      "Conv2d: padding must be an integer ≥ 0 or a pair of them, got -1",
    );
  });
});
