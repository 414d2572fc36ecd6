import { describe, expect, it } from "vitest";
import { tensor } from "../../src";
import {
  SURFACES,
  illConditionedQuadratic,
  resolveSurface,
  rosenbrock,
} from "../../widgets/figures/loss_surfaces";

describe("loss surfaces", () => {
  it("the ill-conditioned quadratic is ½(x² + κy²), elementwise, with its minimum 0 at the origin", () => {
    const s = illConditionedQuadratic(10);
    // ½(1 + 10·1) = 5.5, ½(4 + 10·0.25) = 3.25, ½(0 + 0) = 0
    const f = s.f(tensor([1, 2, 0]), tensor([1, -0.5, 0]));
    expect(Array.from(f.data)).toEqual([5.5, 3.25, 0]);
    expect([s.minimum, s.fMin]).toEqual([[0, 0], 0]);
    expect(s.yRange[1]).toBeLessThan(s.xRange[1]); // the bowl is elongated along x
  });

  it("Rosenbrock is (1 − x)² + 100(y − x²)², 0 at (1, 1)", () => {
    const s = rosenbrock();
    // (1 − 0)² + 100·0 = 1; (1 − 1)² + 100·(1 − 1)² = 0; (1 + 1)² + 100·(0 − 1)² = 104
    expect(Array.from(s.f(tensor([0, 1, -1]), tensor([0, 1, 0])).data)).toEqual([1, 0, 104]);
    expect(s.minimum).toEqual([1, 1]);
  });

  it("resolves names and refuses bad ones, naming the choices", () => {
    expect(resolveSurface("t", "rosenbrock").minimum).toEqual([1, 1]);
    expect(resolveSurface("t", "quadratic").name).toBe("f = ½(x² + 10y²)");
    expect(Object.keys(SURFACES)).toEqual(["quadratic", "rosenbrock"]);
    expect(() => resolveSurface("t", "toString" as never)).toThrow(/unknown surface "toString"/);
    expect(() => illConditionedQuadratic(0)).toThrow(/kappa must be a finite number > 0, got 0/);
  });
});
