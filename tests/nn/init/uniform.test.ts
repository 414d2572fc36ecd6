import { describe, expect, it } from "vitest";
import { Generator, manualSeed, tensor, zeros } from "../../../src";
import { uniform } from "../../../src/nn/init/uniform";
import { sampleStats } from "../../helpers/sample_stats";

describe("init.uniform", () => {
  it("draws from U(a, b): inside the bounds, mean (a+b)/2, std (b−a)/√12", () => {
    const t = uniform(zeros([100, 200]), { a: -2, b: 4, generator: new Generator(0) });
    const { min, max, mean, std } = sampleStats(t);
    expect(min).toBeGreaterThanOrEqual(-2);
    expect(max).toBeLessThan(4);
    expect(min).toBeLessThan(-1.99); // 20 000 draws reach the ends
    expect(max).toBeGreaterThan(3.99);
    expect(mean).toBeCloseTo(1, 1); // standard error 6/√12/√20000 ≈ 0.012
    expect(std / (6 / Math.sqrt(12))).toBeCloseTo(1, 1);
  });

  it("defaults to U(0, 1)", () => {
    const { min, max } = sampleStats(uniform(zeros([1000])));
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });

  it("same seed, same numbers: through manualSeed or a Generator", () => {
    manualSeed(42);
    const a = uniform(zeros([5]));
    manualSeed(42);
    const b = uniform(zeros([5]));
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    const c = uniform(zeros([5]), { generator: new Generator(42) });
    const d = uniform(zeros([5]), { generator: new Generator(42) });
    expect(Array.from(c.data)).toEqual(Array.from(d.data));
  });

  it("fills a float32 tensor, which stays float32", () => {
    const t = uniform(zeros([10], { dtype: "float32" }), { a: -1, b: 1 });
    expect(t.dtype).toBe("float32");
    expect(t.data.every((v) => v >= -1 && v <= 1)).toBe(true);
  });

  it("refuses an integer tensor and bounds in the wrong order", () => {
    expect(() => uniform(tensor([1, 2], { dtype: "int32" }))).toThrow(
      "init.uniform: expected a float tensor (float64 or float32), got int32 [2]",
    );
    expect(() => uniform(zeros([2]), { a: 1, b: 0 })).toThrow(
      "init.uniform: need finite bounds a ≤ b, got a=1, b=0",
    );
  });
});
