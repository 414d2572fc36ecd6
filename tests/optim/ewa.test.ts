import { describe, expect, it } from "vitest";
import { tensor } from "../../src";
import { EWA, ewa } from "../../src/optim/ewa";
import { expectClose } from "../helpers/close";

describe("ewa and EWA", () => {
  it("with β = 0.9 on a constant series, corrects to the constant from step 1", () => {
    const corrected = ewa(Array<number>(20).fill(7), 0.9, { biasCorrection: true });
    expectClose(tensor(corrected), Array<number>(20).fill(7), 1e-14);
  });

  it("without correction is (1 − β^t) times the constant", () => {
    // v₁ = 0.1·7 = 0.7, v₂ = 0.9·0.7 + 0.7 = 1.33 = (1 − 0.81)·7, …, v_t = (1 − 0.9^t)·7
    const v = ewa(Array<number>(20).fill(7), 0.9);
    expectClose(tensor(v.slice(0, 2)), [0.7, 1.33], 1e-14);
    expectClose(
      tensor(v),
      v.map((_, i) => (1 - 0.9 ** (i + 1)) * 7),
      1e-14,
    );
  });

  it("follows lecture 001 eq. (7): v_t = 0.1θ_t + 0.1·0.9θ_{t−1} + 0.1·0.9²θ_{t−2} + …", () => {
    const theta = [3, -1, 4, 1, -5, 9, 2, -6, 5, 3];
    const unrolled = theta.map((_, t) =>
      theta.slice(0, t + 1).reduce((s, th, k) => s + 0.1 * 0.9 ** (t - k) * th, 0),
    );
    expectClose(tensor(ewa(theta, 0.9)), unrolled, 1e-13);
  });

  it("streams the same values as the whole-series function", () => {
    const theta = [0.5, 2, -1, 4, 0, 3];
    const avg = new EWA(0.98);
    const streamed = theta.map((th) => avg.update(th));
    expect(streamed).toEqual(ewa(theta, 0.98));
    expect(avg.value).toBe(streamed[5]);
    expect(avg.t).toBe(6);
    expect(avg.corrected).toBe(streamed[5] / (1 - 0.98 ** 6));
  });

  it("reports 0 before the first value", () => {
    const avg = new EWA(0.9);
    expect([avg.value, avg.corrected, avg.t]).toEqual([0, 0, 0]);
  });

  it("has an effective window of 1/(1−β): the weight there has fallen to about 1/e, not 1/ε", () => {
    // β^{1/(1−β)} = (1−ε)^{1/ε}: 0.9¹⁰ = 0.3487, 0.98⁵⁰ = 0.3642, 0.999¹⁰⁰⁰ = 0.3677 → 1/e = 0.3679
    const fallen = [0.9, 0.98, 0.999].map((beta) => beta ** (1 / (1 - beta)));
    expectClose(tensor(fallen), [0.3486784401, 0.36416968, 0.3676954247], 1e-9);
    expect(Math.abs(0.9999999 ** 1e7 - Math.exp(-1))).toBeLessThan(1e-7);
  });

  it("refuses β outside [0, 1) with a message naming the value", () => {
    expect(() => new EWA(1)).toThrow("EWA: beta must be in [0, 1), got 1");
    expect(() => ewa([1, 2], -0.5)).toThrow("EWA: beta must be in [0, 1), got -0.5");
  });
});
