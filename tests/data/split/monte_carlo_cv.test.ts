import { describe, expect, it } from "vitest";
import { MonteCarloCV } from "../../../src/data/split/monte_carlo_cv";
import { Generator } from "../../../src/tensor/random";
import { expectValidSplits, vals } from "./helpers";

describe("MonteCarloCV", () => {
  it("yields nSplits random splits of the sizes scikit-learn's ShuffleSplit gives", () => {
    // ShuffleSplit(test_size=0.2) on n = 50: 40 + 10; default test_size 0.1 on n = 25: ⌈2.5⌉ = 3, 22
    const splits = [...new MonteCarloCV(10, { valSize: 0.2, seed: 0 }).split(50)];
    expect(splits).toHaveLength(10);
    expectValidSplits(splits, 50);
    expect(splits.every((s) => s.train.length === 40 && s.val.length === 10)).toBe(true);
    const byDefault = [...new MonteCarloCV(3, { seed: 0 }).split(25)];
    expect(byDefault.map((s) => [s.train.length, s.val.length])).toEqual([
      [22, 3],
      [22, 3],
      [22, 3],
    ]);
    const partial = [...new MonteCarloCV(4, { valSize: 5, trainSize: 10, seed: 0 }).split(30)];
    expectValidSplits(partial, 30, false);
    expect(partial.every((s) => s.train.length === 10 && s.val.length === 5)).toBe(true);
    expect(new MonteCarloCV(7).getNSplits(100)).toBe(7);
  });

  it("draws a new split each time (validation sets may overlap), same seed → same splits", () => {
    const a = vals(new MonteCarloCV(5, { valSize: 0.3, seed: 0 }).split(20));
    expect(new Set(a.map(String)).size).toBe(5);
    expect(vals(new MonteCarloCV(5, { valSize: 0.3, seed: 0 }).split(20))).toEqual(a);
    expect(vals(new MonteCarloCV(5, { valSize: 0.3, seed: 1 }).split(20))).not.toEqual(a);
    const g = new Generator(0);
    const cv = new MonteCarloCV(5, { valSize: 0.3, generator: g });
    expect(vals(cv.split(20))).toEqual(a);
    expect(vals(cv.split(20))).not.toEqual(a);
  });

  it("explains bad arguments", () => {
    expect(() => new MonteCarloCV(0)).toThrow(
      "MonteCarloCV: nSplits must be an integer ≥ 1, got 0",
    );
    expect(() => new MonteCarloCV(5, { valSize: -0.1 })).toThrow(
      "MonteCarloCV: valSize must be a fraction in (0, 1) or a count ≥ 1, got -0.1",
    );
    expect(() => new MonteCarloCV(5, { valSize: 6, trainSize: 6 }).split(10)).toThrow(
      "MonteCarloCV: trainSize + valSize = 6 + 6 = 12 samples, more than n = 10; reduce them",
    );
  });
});
