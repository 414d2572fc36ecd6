import { describe, expect, it } from "vitest";
import { makeMoons } from "../../../src/data/datasets/make_moons";
import { expectClose } from "../../helpers/close";

// scikit-learn 1.2.1: X, y = make_moons(n_samples=7, shuffle=False)  (noise=None)
const SKLEARN_X = [
  [1.0, 0.0],
  [6.123233995736766e-17, 1.0],
  [-1.0, 1.2246467991473532e-16],
  [0.0, 0.5],
  [0.5, -0.3660254037844386],
  [1.5, -0.3660254037844386],
  [2.0, 0.5],
];
const SKLEARN_Y = [0, 0, 0, 1, 1, 1, 1];

function rows(x: Float64Array | ArrayLike<number>): string[] {
  return Array.from(
    { length: x.length / 2 },
    (_, i) => `${x[2 * i].toFixed(12)},${x[2 * i + 1].toFixed(12)}`,
  );
}

describe("makeMoons", () => {
  it("matches scikit-learn's make_moons without noise or shuffle", () => {
    const { x, y } = makeMoons(7, { shuffle: false });
    expectClose(x, SKLEARN_X, 1e-15);
    expect(Array.from(y.data)).toEqual(SKLEARN_Y);
    expect([x.shape, x.dtype, y.dtype]).toEqual([[7, 2], "float64", "int32"]);
  });

  it("shuffles rows (keeping each point with its label) by default", () => {
    const plain = makeMoons(50, { shuffle: false });
    const shuffled = makeMoons(50, { seed: 0 });
    expect(shuffled.y.data).not.toEqual(plain.y.data);
    const label = (x: ArrayLike<number>, y: ArrayLike<number>) =>
      rows(x)
        .map((r, i) => `${r}:${y[i]}`)
        .sort();
    expect(label(shuffled.x.data, shuffled.y.data)).toEqual(label(plain.x.data, plain.y.data));
  });

  it("adds N(0, noise²) to each coordinate", () => {
    const clean = Array.from(makeMoons(4000, { shuffle: false }).x.data);
    const noisy = makeMoons(4000, { shuffle: false, noise: 0.1, seed: 0 }).x.data;
    const d = clean.map((c, i) => noisy[i] - c);
    const mean = d.reduce((s, v) => s + v, 0) / d.length;
    const std = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / d.length);
    expect(Math.abs(mean)).toBeLessThan(0.005); // 4 standard errors: 4·0.1/√8000
    expect(std).toBeCloseTo(0.1, 2);
  });

  it("repeats with the same seed", () => {
    const a = makeMoons(30, { noise: 0.2, seed: 5 });
    const b = makeMoons(30, { noise: 0.2, seed: 5 });
    expect(b.x.data).toEqual(a.x.data);
    expect(b.y.data).toEqual(a.y.data);
  });

  it("rejects fewer than 2 points", () => {
    expect(() => makeMoons(1)).toThrow("makeMoons: n must be an integer ≥ 2, got 1");
  });
});
