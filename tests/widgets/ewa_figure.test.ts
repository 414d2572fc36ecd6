import { describe, expect, it } from "vitest";
import { Generator, optim } from "../../src";
import { ewaFigure } from "../../widgets/figures/ewa_figure";
import { expectCloseArray } from "./fixtures";

describe("ewaFigure", () => {
  it("draws v_t = βv_{t−1} + (1−β)θ_t from v₀ = 0, and v_t/(1 − βᵗ) dashed, as worked by hand", () => {
    const fig = ewaFigure([10, 20, 30], { betas: [0.5, 0.9] });
    expect(fig.data.map((t) => t.name)).toEqual([
      "data θ_t",
      "β = 0.5 (window 1/(1−β) ≈ 2)",
      "β = 0.5, corrected v_t/(1 − βᵗ)",
      "β = 0.9 (window 1/(1−β) ≈ 10)",
      "β = 0.9, corrected v_t/(1 − βᵗ)",
    ]);
    expect(fig.data[0]).toMatchObject({ x: [1, 2, 3], y: [10, 20, 30], mode: "markers" });
    // β = 0.5: v₁ = 0.5·10 = 5, v₂ = 0.5·5 + 0.5·20 = 12.5, v₃ = 0.5·12.5 + 0.5·30 = 21.25
    expectCloseArray(fig.data[1].y, [5, 12.5, 21.25], 1e-12);
    // corrected: 5/(1 − 0.5) = 10, 12.5/(1 − 0.25) = 16.667, 21.25/(1 − 0.125) = 24.286
    expectCloseArray(fig.data[2].y, [10, 12.5 / 0.75, 21.25 / 0.875], 1e-12);
    // β = 0.9: v₁ = 1, v₂ = 0.9 + 2 = 2.9, v₃ = 2.61 + 3 = 5.61; corrected 10, 2.9/0.19, 5.61/0.271
    expectCloseArray(fig.data[3].y, [1, 2.9, 5.61], 1e-12);
    expectCloseArray(fig.data[4].y, [10, 2.9 / 0.19, 5.61 / 0.271], 1e-12);
    expect(fig.data[3].line).toMatchObject({ dash: "solid", color: "#d62728" }); // lecture: β = 0.9 red
    expect(fig.data[4].line).toMatchObject({ dash: "dash", color: "#d62728" });
    expect(fig.data[3].legendgroup).toBe(fig.data[4].legendgroup);
  });

  it("uses optim.ewa on a long series, lecture 001's β = 0.5, 0.9, 0.98 by default", () => {
    const g = new Generator(0);
    const days = Array.from(
      { length: 365 },
      (_, t) => 10 - 8 * Math.cos((2 * Math.PI * t) / 365) + 3 * g.normal(),
    );
    const fig = ewaFigure(days);
    expect(fig.data).toHaveLength(1 + 2 * 3);
    expect(fig.data[5].name).toBe("β = 0.98 (window 1/(1−β) ≈ 50)");
    expectCloseArray(fig.data[5].y, optim.ewa(days, 0.98), 0);
    expectCloseArray(fig.data[6].y, optim.ewa(days, 0.98, { biasCorrection: true }), 0);
  });

  it("draws only the plain or only the corrected averages when asked, at the given x", () => {
    const plain = ewaFigure([1, 2], { betas: [0.9], biasCorrection: false, x: [2000, 2001] });
    expect(plain.data.map((t) => t.meta)).toEqual([
      undefined,
      { nnlab: { beta: 0.9, biasCorrection: false } },
    ]);
    expect(plain.data[1].x).toEqual([2000, 2001]);
    const corrected = ewaFigure([1, 2], { betas: [0.9], biasCorrection: true });
    expectCloseArray(corrected.data[1].y, [1, (0.09 + 0.2) / 0.19], 1e-12);
  });

  it("names what it expected and what it got on bad input", () => {
    expect(() => ewaFigure([])).toThrow(
      /expected a non-empty array of numbers, got an empty array/,
    );
    expect(() => ewaFigure([1, Number.NaN])).toThrow(
      /series\[1\] must be a finite number, got NaN/,
    );
    expect(() => ewaFigure([1, 2], { betas: [0.9, 1] })).toThrow(
      /betas\[1\] must be in \[0, 1\), got 1/,
    );
    expect(() => ewaFigure([1, 2], { betas: [] })).toThrow(
      /expected at least one β in betas, got \[\]/,
    );
    expect(() => ewaFigure([1, 2], { x: [1] })).toThrow(/expected 2 x values .* got 1/);
    expect(() => ewaFigure([1], { biasCorrection: "yes" as never })).toThrow(
      /biasCorrection must be true, false or "both", got "yes"/,
    );
  });
});
