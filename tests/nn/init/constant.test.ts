import { describe, expect, it } from "vitest";
import { randn, tensor } from "../../../src";
import { constant, ones, zeros } from "../../../src/nn/init/constant";

describe("init.constant, init.zeros, init.ones", () => {
  it("fill in place and return the same tensor", () => {
    const t = randn([2, 3]);
    expect(zeros(t)).toBe(t);
    expect(Array.from(t.data)).toEqual([0, 0, 0, 0, 0, 0]);
    ones(t);
    expect(Array.from(t.data)).toEqual([1, 1, 1, 1, 1, 1]);
    constant(t, 0.25);
    expect(Array.from(t.data)).toEqual([0.25, 0.25, 0.25, 0.25, 0.25, 0.25]);
  });

  it("work on a parameter (a leaf that requires grad) without recording anything", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    constant(w, 3);
    expect(w.isLeaf).toBe(true);
    expect(w.requiresGrad).toBe(true);
    expect(Array.from(w.data)).toEqual([3, 3]);
  });

  it("refuse a value that is not a number", () => {
    expect(() => constant(randn([2]), NaN)).toThrow(
      "init.constant: value must be a number, got NaN",
    );
  });
});
