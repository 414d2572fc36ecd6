import { describe, expect, it } from "vitest";
import { Tensor, gradcheck, randn, tensor } from "../../src";
import { record } from "../../src/autograd/function";

/** x³ with a deliberately wrong backward (2x instead of 3x²), to see gradcheck fail. */
function wrongCube(x: Tensor): Tensor {
  const out = new Tensor(
    x.data.map((v) => v ** 3),
    x.shape,
  );
  return record(out, "WrongCubeBackward", [x], (g) => [g.mul(x).mul(2)]);
}

describe("gradcheck", () => {
  it("passes a correct gradient and reports the largest relative error per input", () => {
    const result = gradcheck(
      (a, b) => a.mul(b).sum(),
      [randn([3], { requiresGrad: true }), randn([3], { requiresGrad: true })],
    );
    expect(result.ok).toBe(true);
    expect(result.inputs).toHaveLength(2);
    expect(result.inputs[0].maxRelError).toBeLessThan(1e-8);
  });

  it("fails a wrong gradient, naming the input, the entry and both values", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    expect(() => gradcheck((t) => wrongCube(t).sum(), [x])).toThrow(
      /input 0 \[2\]: largest relative error .* at \[1\] \(analytic 4, numeric 12/,
    );
    const report = gradcheck((t) => wrongCube(t).sum(), [x], { raise: false });
    expect(report.ok).toBe(false);
    // at x = 2: analytic 2·2 = 4, numeric 3·2² = 12 → |4 − 12| / 12 = 0.667
    expect(report.inputs[0].maxRelError).toBeCloseTo(2 / 3, 6);
  });

  it("never lets NaN or Infinity pass", () => {
    const x = tensor([-1, 2], { requiresGrad: true });
    expect(() => gradcheck((t) => t.sqrt().sum(), [x])).toThrow(/contains NaN or ±Infinity/);
    const y = tensor([0, 1], { requiresGrad: true });
    expect(() => gradcheck((t) => t.sqrt().sum(), [y])).toThrow(/non-finite gradient at \[0\]/);
  });

  it("checks float32 inputs in float64 copies", () => {
    const x = randn([4], { dtype: "float32", requiresGrad: true });
    expect(gradcheck((t) => t.tanh().sum(), [x]).ok).toBe(true);
  });
});
