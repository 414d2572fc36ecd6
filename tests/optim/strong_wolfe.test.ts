import { describe, expect, it } from "vitest";
import { type Tensor, tensor } from "../../src";
import { cubicInterpolate, strongWolfe } from "../../src/optim/strong_wolfe";

const point = (t: number, f: number, gtd: number) => ({ t, f, gtd, g: tensor([gtd]) });

/** φ(t) = f(x + t·d) for f(x) = Σ (x_i⁴ − 3x_i² + x_i) (non-convex), with ∇f at that point. */
function quartic(x: number[], d: number[]) {
  const at = (t: number) => x.map((xi, i) => xi + t * d[i]);
  const f = (y: number[]) => y.reduce((s, yi) => s + yi ** 4 - 3 * yi ** 2 + yi, 0);
  const grad = (y: number[]) => y.map((yi) => 4 * yi ** 3 - 6 * yi + 1);
  const phi = (t: number): [number, Tensor] => [f(at(t)), tensor(grad(at(t)))];
  const slope = (t: number) => grad(at(t)).reduce((s, gi, i) => s + gi * d[i], 0);
  return { phi, f0: f(x), g0: tensor(grad(x)), gtd0: slope(0), slope };
}

describe("cubicInterpolate", () => {
  it("finds the minimum of a quadratic and of a cubic from two points and slopes", () => {
    // (t − 2)²: at 0 f = 4, φ' = −4; at 3 f = 1, φ' = 2 → 2
    expect(cubicInterpolate(point(0, 4, -4), point(3, 1, 2))).toBeCloseTo(2, 14);
    // t³ − 3t: at 0 f = 0, φ' = −3; at 2 f = 2, φ' = 9 → the local minimum 1 (either order)
    expect(cubicInterpolate(point(0, 0, -3), point(2, 2, 9))).toBeCloseTo(1, 14);
    expect(cubicInterpolate(point(2, 2, 9), point(0, 0, -3))).toBeCloseTo(1, 14);
  });

  it("clamps to the bounds, and bisects when the cubic has no minimum", () => {
    expect(cubicInterpolate(point(0, 4, -4), point(3, 1, 2), [0, 0.5])).toBe(0.5);
    // φ'₁ = φ'₂ = 2 and (f₁ − f₂)/(t₁ − t₂) = 4/3: d₁ = 0, d₁² − φ'₁φ'₂ = −4 < 0 → (0 + 1)/2
    expect(cubicInterpolate(point(0, 0, 2), point(1, 4 / 3, 2))).toBe(0.5);
  });
});

describe("strongWolfe", () => {
  const c1 = 1e-4;
  const c2 = 0.9;
  for (const t0 of [1e-4, 0.05, 1, 20]) {
    it(`returns a step satisfying both strong Wolfe conditions from a first guess t = ${t0}`, () => {
      const { phi, f0, g0, gtd0, slope } = quartic([1.5, -0.2, 0.3], [-1, 0.5, -0.8]);
      expect(gtd0).toBeLessThan(0);
      const found = strongWolfe(
        phi,
        t0,
        tensor([-1, 0.5, -0.8]),
        { t: 0, f: f0, g: g0, gtd: gtd0 },
        1e-9,
      );
      expect(found.f).toBeLessThanOrEqual(f0 + c1 * found.t * gtd0); // sufficient decrease
      expect(Math.abs(slope(found.t))).toBeLessThanOrEqual(-c2 * gtd0); // curvature
      expect(found.f).toBe(phi(found.t)[0]);
      expect(found.evals).toBeGreaterThanOrEqual(1);
      expect(found.evals).toBeLessThanOrEqual(26);
    });
  }

  it("accepts a first guess that already satisfies them, after one evaluation", () => {
    // φ'(0) = −3.8624; at t = 0.3, φ'(0.3) = −0.5749: |φ'| ≤ 0.9·3.8624 and φ fell
    const { phi, f0, g0, gtd0 } = quartic([1.5, -0.2, 0.3], [-1, 0.5, -0.8]);
    const found = strongWolfe(
      phi,
      0.3,
      tensor([-1, 0.5, -0.8]),
      { t: 0, f: f0, g: g0, gtd: gtd0 },
      1e-9,
    );
    expect([found.t, found.evals]).toEqual([0.3, 1]);
  });

  it("steps out from a guess too short for the curvature condition, and zooms into one too long", () => {
    const { phi, f0, g0, gtd0 } = quartic([1.5, -0.2, 0.3], [-1, 0.5, -0.8]);
    const start = { t: 0, f: f0, g: g0, gtd: gtd0 };
    const short = strongWolfe(phi, 1e-4, tensor([-1, 0.5, -0.8]), start, 1e-9);
    const long = strongWolfe(phi, 20, tensor([-1, 0.5, -0.8]), start, 1e-9);
    expect(short.t).toBeGreaterThan(1e-4);
    expect(long.t).toBeLessThan(20);
    expect(short.evals).toBeGreaterThan(1);
    expect(long.evals).toBeGreaterThan(1);
  });
});
