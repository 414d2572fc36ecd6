import { describe, expect, it } from "vitest";
import { Generator, zeros } from "../../../src";
import { normal } from "../../../src/nn/init/normal";
import { sampleStats } from "../../helpers/sample_stats";

describe("init.normal", () => {
  it("draws from N(mean, std²): the sample mean and std match", () => {
    const t = normal(zeros([200, 100]), { mean: 3, std: 0.5, generator: new Generator(1) });
    const { mean, std } = sampleStats(t);
    expect(Math.abs(mean - 3)).toBeLessThan(0.015); // 4 standard errors: 0.5/√20000 ≈ 0.0035
    expect(std / 0.5).toBeCloseTo(1, 1);
  });

  it("same seed, same numbers", () => {
    const a = normal(zeros([4]), { generator: new Generator(7) });
    const b = normal(zeros([4]), { generator: new Generator(7) });
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
  });

  it("refuses a negative std, naming it", () => {
    expect(() => normal(zeros([2]), { std: -1 })).toThrow(
      "init.normal: need a finite mean and std ≥ 0, got mean=0, std=-1",
    );
  });
});
