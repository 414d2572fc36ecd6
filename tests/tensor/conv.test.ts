import { describe, expect, it } from "vitest";
import { Generator, Tensor, gradcheck, randn, tensor, zeros } from "../../src";
import { conv2d } from "../../src/tensor/conv";
import { expectClose, expectShape } from "../helpers/close";

/** value[i] = ((i·a) mod m − s)/d over the flattened shape: fixed inputs PyTorch can rebuild. */
function seq(shape: number[], a: number, m: number, s: number, d: number): Tensor {
  const n = shape.reduce((p, k) => p * k, 1);
  return tensor(Array.from({ length: n }, (_, i) => (((i * a) % m) - s) / d)).reshape(shape);
}

/** y[n,f,i,j] = b_f + Σ_{c,u,v} W[f,c,u,v]·x[n, c, s·i+u−p, s·j+v−p]: the formula, loop by loop. */
function direct(
  x: Tensor,
  w: Tensor,
  b: Tensor | null,
  [sh, sw]: number[],
  [ph, pw]: number[],
): Tensor {
  const [N, C, H, W] = x.shape;
  const [F, , kh, kw] = w.shape;
  const Ho = Math.floor((H + 2 * ph - kh) / sh) + 1;
  const Wo = Math.floor((W + 2 * pw - kw) / sw) + 1;
  const out = zeros([N, F, Ho, Wo]);
  let q = 0;
  for (let n = 0; n < N; n++)
    for (let f = 0; f < F; f++)
      for (let i = 0; i < Ho; i++)
        for (let j = 0; j < Wo; j++) {
          let s = b ? b.get(f) : 0;
          for (let c = 0; c < C; c++)
            for (let u = 0; u < kh; u++)
              for (let v = 0; v < kw; v++) {
                const h = sh * i + u - ph;
                const ww = sw * j + v - pw;
                if (h >= 0 && h < H && ww >= 0 && ww < W)
                  s += w.get(f, c, u, v) * x.get(n, c, h, ww);
              }
          out.data[q++] = s;
        }
  return out;
}

describe("conv2d", () => {
  it("maps [N, C, H, W] to [N, F, H_out, W_out] with H_out = ⌊(H + 2p − k)/s⌋ + 1", () => {
    const x = zeros([2, 3, 28, 28]);
    expectShape(conv2d(x, zeros([8, 3, 3, 3])), [2, 8, 26, 26]); // (28 − 3)/1 + 1
    expectShape(conv2d(x, zeros([8, 3, 3, 3]), null, { padding: 1 }), [2, 8, 28, 28]); // (28 + 2 − 3) + 1
    expectShape(conv2d(x, zeros([4, 3, 5, 5]), null, { stride: 2 }), [2, 4, 12, 12]); // ⌊23/2⌋ + 1
    expectShape(
      conv2d(x, zeros([4, 3, 3, 1]), null, { stride: [2, 1], padding: [1, 0] }),
      [2, 4, 14, 28],
    ); // ⌊(28 + 2 − 3)/2⌋ + 1 = 14, (28 − 1)/1 + 1 = 28
  });

  it("a 1×1 input channel with a 2×2 kernel computes the weighted window sums by hand", () => {
    // x = [[1, 2, 3], [4, 5, 6]], W = [[1, 0], [0, −1]], b = 0.5:
    // y₀₀ = 1·1 − 5 + 0.5 = −3.5,  y₀₁ = 2 − 6 + 0.5 = −3.5
    const x = tensor([
      [
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
      ],
    ]);
    const w = tensor([
      [
        [
          [1, 0],
          [0, -1],
        ],
      ],
    ]);
    expectClose(conv2d(x, w, tensor([0.5])), [-3.5, -3.5]);
  });

  it("agrees with the formula computed loop by loop, for strides, paddings and rectangular kernels", () => {
    const g = new Generator(3);
    const cases: [number[], number[], number[], number[], boolean][] = [
      // x shape, w shape, stride, padding, bias
      [[2, 3, 7, 6], [4, 3, 3, 3], [1, 1], [0, 0], true],
      [[2, 3, 7, 6], [4, 3, 3, 3], [2, 2], [1, 1], true],
      [[1, 2, 8, 5], [3, 2, 2, 3], [3, 1], [0, 2], false],
      [[3, 1, 5, 5], [2, 1, 5, 5], [1, 1], [2, 2], true],
    ];
    for (const [xs, ws, stride, padding, hasBias] of cases) {
      const x = randn(xs, { generator: g });
      const w = randn(ws, { generator: g });
      const b = hasBias ? randn([ws[0]], { generator: g }) : null;
      const y = conv2d(x, w, b, {
        stride: stride as [number, number],
        padding: padding as [number, number],
      });
      expectClose(y, direct(x, w, b, stride, padding), 1e-12);
    }
  });

  it("matches PyTorch's F.conv2d values and gradients with stride [2, 1] and padding [1, 0]", () => {
    // /usr/bin/python3, torch 1.13.1, float64: x = seq([2,2,4,5], 37, 17, 8, 8),
    // w = seq([3,2,3,2], 5, 11, 5, 4), b = [0.5, −0.25, 1]; y = F.conv2d(x, w, b, stride=(2,1),
    // padding=(1,0)); (y·G).sum().backward() with G = seq(y.shape, 13, 7, 3, 4).
    // Every value is a dyadic rational, so float64 is exact and the numbers below are too.
    const x = seq([2, 2, 4, 5], 37, 17, 8, 8);
    const w = seq([3, 2, 3, 2], 5, 11, 5, 4);
    const b = tensor([0.5, -0.25, 1]);
    [x, w, b].forEach((t) => (t.requiresGrad = true));
    const y = conv2d(x, w, b, { stride: [2, 1], padding: [1, 0] });
    expectShape(y, [2, 3, 2, 4]);
    // prettier-ignore
    expectClose(y, [-0.0625, -2.1875, -0.0625, 1.53125, -0.375, 3.40625, -1.84375, 1.40625, -1.5625, -0.875, -1.78125, -0.03125, 1.25, -2.46875, -0.875, -2.46875, 1.34375, 0.03125, 2.96875, 0.0625, 1.4375, 1.90625, -1.34375, 3.90625, -0.0625, -2.1875, 2.59375, 1.0, 0.0, 0.59375, -0.40625, -0.34375, -1.6875, -1.0, -1.90625, 2.5, -0.875, -1.9375, -1.9375, -0.875, 1.4375, 0.125, 0.40625, 0.15625, 2.65625, -0.0625, 0.9375, 3.0], 0);
    y.backward(seq([2, 3, 2, 4], 13, 7, 3, 4));
    // prettier-ignore
    expectClose(x.grad!, [-0.625, 1.75, 0.75, 0.1875, 0.0625, -1.375, 0.4375, 1.3125, 0.4375, 0.875, -0.4375, -0.9375, 0.25, -1.625, 0.6875, -0.25, -0.375, 0.75, -1.625, 0.5625, -1.0, 0.25, -0.9375, -0.375, 0.0625, -1.1875, 1.3125, 0.4375, -2.1875, -0.1875, 0.125, 0.75, 1.75, -1.625, 0.3125, 0.3125, -0.0625, 0.1875, 0.4375, 1.5625, 0.0625, -0.375, -0.9375, 0.25, -1.0, 1.625, 0.0, -0.4375, 0.4375, -0.8125, -0.625, 1.75, 0.75, 0.1875, 0.0625, -0.75, 1.25, 0.1875, 0.0, 0.0625, 0.0625, 0.1875, 0.75, 1.75, -0.625, -0.8125, 0.4375, -0.4375, 0.0, 1.625, -1.0, 0.25, -0.9375, -0.375, 0.0625, -1.125, 1.125, -0.8125, -0.5625, -0.625], 0);
    // prettier-ignore
    expectClose(w.grad!, [-0.9375, 0.375, -1.40625, 0.53125, -0.75, -0.9375, -0.71875, -0.46875, 0.6875, 1.03125, 1.34375, 1.15625, 0.78125, 0.0, -1.59375, -1.84375, 0.875, -0.4375, 0.5625, -1.28125, 0.84375, 0.0625, 0.65625, 2.0, 0.09375, 0.28125, -1.5625, -0.9375, -0.5625, 0.0625, 1.1875, 0.3125, -0.75, 0.40625, -1.34375, 0.875], 0);
    expectClose(b.grad!, [-0.5, 0.75, 0.25], 0);
  });

  it("passes gradcheck for input, weight and bias with stride 2 and padding 1", () => {
    const g = new Generator(7);
    const x = randn([2, 2, 5, 4], { generator: g, requiresGrad: true });
    const w = randn([3, 2, 3, 2], { generator: g, requiresGrad: true });
    const b = randn([3], { generator: g, requiresGrad: true });
    const result = gradcheck((x, w, b) => conv2d(x, w, b, { stride: 2, padding: 1 }), [x, w, b]);
    expect(result.ok).toBe(true);
  });

  it("only computes the gradients that are needed, and works without bias", () => {
    const x = randn([1, 2, 4, 4]);
    const w = randn([3, 2, 3, 3], { requiresGrad: true });
    conv2d(x, w).sum().backward();
    expect(x.grad).toBeNull();
    expectShape(w.grad!, [3, 2, 3, 3]);
  });

  it("computes in float32 when given float32", () => {
    const x = randn([2, 1, 6, 6], { dtype: "float32" });
    const w = randn([2, 1, 3, 3], { dtype: "float32" });
    const y = conv2d(x, w, null, { padding: 1 });
    expect(y.dtype).toBe("float32");
    expectClose(y, direct(x.to("float64"), w.to("float64"), null, [1, 1], [1, 1]), 1e-5);
  });

  it("explains shape errors, naming the expected layout and what it got", () => {
    expect(() => conv2d(zeros([32, 784]), zeros([8, 1, 3, 3]))).toThrow(
      "conv2d: expected input [N, C, H, W], weight [C_out, C, kh, kw] and bias [C_out] with matching C and C_out, got input [32, 784], weight [8, 1, 3, 3]",
    );
    expect(() => conv2d(zeros([1, 3, 5, 5]), zeros([8, 1, 3, 3]))).toThrow(
      "got input [1, 3, 5, 5], weight [8, 1, 3, 3]",
    );
    expect(() => conv2d(zeros([1, 1, 2, 2]), zeros([8, 1, 3, 3]))).toThrow(
      "conv2d: a 3×3 window with padding 0 does not fit an input of 2×2 ([1, 1, 2, 2]); pad the input or use a smaller kernel",
    );
    expect(() => conv2d(zeros([1, 1, 4, 4]), zeros([1, 1, 3, 3]), null, { stride: 0 })).toThrow(
      "conv2d: stride must be an integer ≥ 1 or a pair of them, got 0",
    );
    expect(() => conv2d(zeros([1, 1, 4, 4], { dtype: "float32" }), zeros([1, 1, 3, 3]))).toThrow(
      'got float32 input and float64 weight; convert with .to("float64")',
    );
  });
});
