import { describe, expect, it } from "vitest";
import { assertClose, tensor } from "../../src";

describe("assertClose", () => {
  it("passes within atol + rtol·|expected| and reports the check", () => {
    expect(assertClose(0.047762, 0.0478, { atol: 5e-5, label: "L" })).toBe(
      "✓ L = 0.047762 ≈ 0.0478 (largest |Δ| 3.8e-5)",
    );
    expect(assertClose(tensor([[1, 2]]), [[1, 2.000001]])).toMatch(/^✓ value = 2 values match/);
  });

  it("fails naming the worst element, both values and the tolerance", () => {
    expect(() => assertClose(tensor([1, 2.5]), [1, 2], { atol: 0.1, rtol: 0, label: "ŷ" })).toThrow(
      "assertClose(ŷ): expected 2 ± 0.1, got 2.5 at element 1",
    );
  });

  it("never passes NaN, and refuses a size mismatch", () => {
    expect(() => assertClose(NaN, 1, { atol: 1 })).toThrow(/got NaN/);
    expect(() => assertClose(tensor([1, 2]), [1, 2, 3])).toThrow(
      "assertClose(value): expected 3 values [3], got 2 [2]",
    );
  });
});
