import { describe, expect, it } from "vitest";
import { Generator } from "../../src";
import {
  type Distribution,
  choice,
  formatSpace,
  intUniform,
  logUniform,
  oneMinusLogUniform,
  sampleSpace,
  spaceFromUnit,
  spaceToUnit,
  uniform,
} from "../../src/tune";

const N = 4000;

/** n draws of `d` from Generator(seed). */
function draws<T extends number | string | boolean>(d: Distribution<T>, n = N, seed = 0): T[] {
  const g = new Generator(seed);
  return Array.from({ length: n }, () => d.sample(g));
}

/** Pearson's χ² = Σ (observed − expected)² / expected over the bins. */
function chiSquare(observed: number[], expected: number[]): number {
  return observed.reduce((s, o, i) => s + (o - expected[i]) ** 2 / expected[i], 0);
}

/** Counts of values per bin given by `bin(v)` ∈ 0…k−1. */
function histogram<T>(values: T[], k: number, bin: (v: T) => number): number[] {
  const counts = Array<number>(k).fill(0);
  for (const v of values) counts[bin(v)]++;
  return counts;
}

// χ² critical values at p = 0.001 (scipy.stats.chi2.ppf(0.999, dof)): the fixed seeds pass
// far below them; a sampler on the wrong scale lands far above.
const CHI2_999 = { 1: 10.83, 3: 16.27, 4: 18.47, 9: 27.88 };

describe("samplers have the right distributions (fixed seeds, χ² at p = 0.001)", () => {
  it("logUniform(1e-4, 1) puts about a quarter of the draws in each decade (lecture 001: r = −4·rand(), α = 10^r)", () => {
    const values = draws(logUniform(1e-4, 1));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(1e-4);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    const counts = histogram(values, 4, (v) => Math.min(3, Math.floor(Math.log10(v) + 4)));
    expect(chiSquare(counts, Array(4).fill(N / 4))).toBeLessThan(CHI2_999[3]);
    counts.forEach((c) => expect(Math.abs(c / N - 0.25)).toBeLessThan(0.03));
  });

  it("oneMinusLogUniform(0.9, 0.999) puts about half the draws below 0.99, where uniform puts 91%", () => {
    const betas = draws(oneMinusLogUniform(0.9, 0.999));
    const below = betas.filter((b) => b < 0.99).length;
    expect(chiSquare([below, N - below], [N / 2, N / 2])).toBeLessThan(CHI2_999[1]);
    // 1 − β is log-uniform: each half-decade of the window 1/(1−β) ∈ [10, 1000] gets a quarter.
    const counts = histogram(betas, 4, (b) =>
      Math.min(3, Math.floor(2 * (-Math.log10(1 - b) - 1))),
    );
    expect(chiSquare(counts, Array(4).fill(N / 4))).toBeLessThan(CHI2_999[3]);
    const linear = draws(uniform(0.9, 0.999)).filter((b) => b < 0.99).length / N;
    expect(linear).toBeCloseTo(0.09 / 0.099, 1); // ≈ 0.91
  });

  it("uniform, intUniform and choice give every bin, value and option the same share", () => {
    const u = histogram(draws(uniform(-2, 3)), 10, (v) => Math.min(9, Math.floor((v + 2) * 2)));
    expect(chiSquare(u, Array(10).fill(N / 10))).toBeLessThan(CHI2_999[9]);
    const ints = draws(intUniform(3, 7));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6, 7]));
    expect(
      chiSquare(
        histogram(ints, 5, (v) => v - 3),
        Array(5).fill(N / 5),
      ),
    ).toBeLessThan(CHI2_999[4]);
    const opts = ["sgd", "momentum", "adam"] as const;
    const c = histogram(draws(choice(opts)), 3, (v) => opts.indexOf(v));
    expect(chiSquare(c, Array(3).fill(N / 3))).toBeLessThan(13.82); // χ²(2) at 0.999
  });

  it("quantised variants give only multiples of q, without float noise, inside the range", () => {
    const tenths = new Set(draws(uniform(0, 1, { q: 0.1 }), 500));
    expect([...tenths].sort((a, b) => a - b)).toEqual([
      0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
    ]);
    const units = draws(logUniform(1, 1000, { q: 1 }), 500);
    expect(units.every((v) => Number.isInteger(v) && v >= 1 && v <= 1000)).toBe(true);
    expect(new Set(draws(intUniform(16, 128, { q: 16 }), 500))).toEqual(
      new Set([16, 32, 48, 64, 80, 96, 112, 128]),
    );
  });

  it("the same seed gives the same draws; another seed different ones", () => {
    const space = {
      lr: logUniform(1e-4, 1),
      beta: oneMinusLogUniform(0.9, 0.999),
      act: choice(["relu", "tanh"]),
    };
    expect(sampleSpace(space, new Generator(7))).toEqual(sampleSpace(space, new Generator(7)));
    expect(sampleSpace(space, new Generator(7))).not.toEqual(sampleSpace(space, new Generator(8)));
  });
});

describe("the unit map and grids follow each distribution's scale", () => {
  it("logUniform: u is the position on the log axis; grid points are decades", () => {
    const d = logUniform(1e-4, 1);
    expect(d.fromUnit(0.5)).toBeCloseTo(0.01, 12); // halfway between 10⁻⁴ and 10⁰ on the log axis
    expect(d.toUnit(1e-3)).toBeCloseTo(0.25, 12);
    expect(d.grid(5)).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
    const g = logUniform(1e-5, 10).grid(7);
    expect(g.map(Math.log10)).toEqual([-5, -4, -3, -2, -1, 0, 1]); // equal steps in log₁₀, not in α
  });

  it("oneMinusLogUniform: u increases with β, grid points 0.9, 0.99, 0.999 (windows 10, 100, 1000)", () => {
    const d = oneMinusLogUniform(0.9, 0.999);
    expect(d.grid(3)).toEqual([0.9, 0.99, 0.999]);
    expect(d.grid(3).map((b) => Math.round(1 / (1 - b)))).toEqual([10, 100, 1000]);
    expect(d.toUnit(0.99)).toBeCloseTo(0.5, 12);
    expect(d.toUnit(0.9)).toBe(0);
    expect(d.toUnit(0.999)).toBeCloseTo(1, 12);
  });

  it("toUnit and fromUnit invert each other on every family", () => {
    const families: Distribution<number>[] = [
      uniform(-1, 2),
      logUniform(1e-3, 10),
      oneMinusLogUniform(0.5, 0.9999),
    ];
    for (const d of families) {
      for (const u of [0, 0.1, 0.37, 0.5, 0.9, 1])
        expect(d.toUnit(d.fromUnit(u))).toBeCloseTo(u, 10);
    }
    const ints = intUniform(1, 4); // cells [0, ¼), [¼, ½), …: centres ⅛, ⅜, ⅝, ⅞
    expect([1, 2, 3, 4].map((v) => ints.toUnit(v))).toEqual([0.125, 0.375, 0.625, 0.875]);
    expect([0, 0.3, 0.6, 0.99, 1].map((u) => ints.fromUnit(u))).toEqual([1, 2, 3, 4, 4]);
    const space = { lr: logUniform(1e-4, 1), act: choice(["relu", "tanh", "elu"]) };
    expect(spaceFromUnit(space, spaceToUnit(space, { lr: 0.001, act: "elu" }))).toEqual({
      lr: 0.001,
      act: "elu",
    });
  });

  it("grids of discrete distributions: spread over the values, or all of them", () => {
    expect(intUniform(16, 128, { q: 16 }).grid(3)).toEqual([16, 80, 128]); // indices 0, round(3.5), 7
    expect(intUniform(1, 3).grid(5)).toEqual([1, 2, 3]);
    expect(choice(["a", "b", "c"]).grid(2)).toEqual(["a", "b", "c"]);
    expect(uniform(0, 1).grid(1)).toEqual([0.5]);
  });

  it("narrow keeps the family and scale: the middle half of logUniform(1e-4, 1) is logUniform(0.001, 0.1)", () => {
    expect(logUniform(1e-4, 1).narrow(0.25, 0.75).toString()).toBe("logUniform(0.001, 0.1)");
    expect(oneMinusLogUniform(0.9, 0.999).narrow(0.5, 1).toString()).toBe(
      "oneMinusLogUniform(0.99, 0.999)",
    );
    expect(intUniform(0, 9).narrow(0.35, 0.65).toString()).toBe("intUniform(3, 6)");
    expect(choice(["a", "b", "c", "d"]).narrow(0.3, 0.6).toString()).toBe('choice(["b","c"])');
  });
});

describe("spaces print, and bad bounds are refused with the values", () => {
  it("formatSpace aligns one line per hyperparameter", () => {
    const space = {
      lr: logUniform(1e-4, 1),
      beta1: oneMinusLogUniform(0.9, 0.999),
      hidden: intUniform(16, 128, { q: 16 }),
      dropout: uniform(0, 0.5, { q: 0.05 }),
      act: choice(["relu", "tanh"]),
    };
    expect(formatSpace(space)).toBe(
      [
        "lr       logUniform(0.0001, 1)",
        "beta1    oneMinusLogUniform(0.9, 0.999)",
        "hidden   intUniform(16, 128, { q: 16 })",
        "dropout  uniform(0, 0.5, { q: 0.05 })",
        'act      choice(["relu","tanh"])',
      ].join("\n"),
    );
  });

  it("constructors name the family, the rule and what they got", () => {
    expect(() => logUniform(0, 1)).toThrow("logUniform: need 0 < lo < hi, got lo=0, hi=1");
    expect(() => oneMinusLogUniform(0.9, 1)).toThrow(
      "need lo < hi < 1 (1 − β > 0), got lo=0.9, hi=1",
    );
    expect(() => uniform(2, 1)).toThrow("uniform: need finite lo < hi, got lo=2, hi=1");
    expect(() => intUniform(1.5, 3)).toThrow("intUniform: need integers lo ≤ hi, got lo=1.5, hi=3");
    expect(() => uniform(0.1, 0.2, { q: 0.5 })).toThrow(
      "q must be > 0 with a multiple of q in range, got q=0.5",
    );
    expect(() => choice([])).toThrow("choice: need a non-empty array of options");
    expect(() => choice(["a"]).toUnit("b" as "a")).toThrow('choice: "b" is not one of ["a"]');
  });
});
