import { describe, expect, it } from "vitest";
import { Generator, gradcheck, randn } from "../../src";
import { linear } from "../../src/tensor/linear";
import type { Tensor } from "../../src/tensor/tensor";
import { expectClose, expectShape } from "../helpers/close";

const rand = (shape: number[], seed: number, dtype: "float32" | "float64" = "float64") =>
  randn(shape, { generator: new Generator(seed), dtype });

/** The unfused form the op replaces: x·Wᵀ + b, three recorded ops. */
const unfused = (x: Tensor, W: Tensor, b: Tensor | null) => {
  const y = x.matmul(W.T);
  return b ? y.add(b) : y;
};

describe("linear", () => {
  it("gradchecks ∂x = G·W, ∂W = Gᵀ·x, ∂b = Σ_rows G (float64, odd sizes)", () => {
    const x = rand([5, 7], 1);
    const W = rand([3, 7], 2);
    const b = rand([3], 3);
    for (const t of [x, W, b]) t.requiresGrad = true;
    expect(gradcheck((x2, W2, b2) => linear(x2, W2, b2), [x, W, b]).ok).toBe(true);
    expect(gradcheck((x2, W2) => linear(x2, W2, null), [x, W]).ok).toBe(true);
  });

  for (const dtype of ["float64", "float32"] as const) {
    it(`agrees with x.matmul(W.T).add(b) in value and gradients (${dtype}, shapes 1…67)`, () => {
      const tol = dtype === "float64" ? 1e-12 : 1e-5;
      for (const [N, inF, out, seed] of [
        [1, 1, 1, 1],
        [64, 67, 10, 2],
        [13, 128, 33, 3],
      ]) {
        const grads = [false, true].map((fused) => {
          const x = rand([N, inF], seed, dtype);
          const W = rand([out, inF], seed + 1, dtype);
          const b = rand([out], seed + 2, dtype);
          for (const t of [x, W, b]) t.requiresGrad = true;
          const y = (fused ? linear : unfused)(x, W, b);
          y.mul(rand([N, out], seed + 3, dtype))
            .sum()
            .backward();
          return [y, x.grad!, W.grad!, b.grad!];
        });
        grads[0].forEach((t, k) => {
          expect(grads[1][k].dtype).toBe(dtype);
          expectClose(grads[1][k], t, tol);
        });
      }
    });
  }

  it("flattens leading axes: [2, 3, 4] → [2, 3, 5], gradients back in [2, 3, 4]", () => {
    const x = rand([2, 3, 4], 4);
    x.requiresGrad = true;
    const W = rand([5, 4], 5);
    const y = linear(x, W, null);
    expectShape(y, [2, 3, 5]);
    expectClose(y, unfused(x.detach(), W, null));
    y.sum().backward();
    expectShape(x.grad!, [2, 3, 4]);
  });

  it("names both shapes when they do not fit, and refuses mixed dtypes", () => {
    expect(() => linear(rand([2, 3], 1), rand([4, 5], 2), null)).toThrow(
      "linear: x [2, 3], W [4, 5]: expected x [*, in] and W [out, in] with the same in",
    );
    expect(() => linear(rand([2, 5], 1), rand([4, 5], 2), rand([3], 3))).toThrow(
      "expected b [4], got [3]",
    );
    expect(() => linear(rand([2, 5], 1, "float32"), rand([4, 5], 2), null)).toThrow(
      "expected one float dtype, got float32, float64",
    );
  });
});
