import { describe, expect, it } from "vitest";
import { Generator } from "../../../src";
import { makeSpirals } from "../../../src/data/datasets/make_spirals";
import { spiral } from "../../helpers/spiral";

describe("makeSpirals", () => {
  it("gives K arms of N points, float64 [N·K, 2] and int32 labels arm by arm", () => {
    const { x, y } = makeSpirals(100, 3, { seed: 0 });
    expect(x.shape).toEqual([300, 2]);
    expect([x.dtype, y.dtype]).toEqual(["float64", "int32"]);
    expect([y.data[0], y.data[99], y.data[100], y.data[299]]).toEqual([0, 0, 1, 2]);
  });

  it("puts point i of an arm at radius r = i/(N−1) (the noise only turns the angle)", () => {
    const { x } = makeSpirals(5, 2, { seed: 1, noise: 0.5 });
    const radii = Array.from({ length: 10 }, (_, row) => Math.hypot(x.get(row, 0), x.get(row, 1)));
    radii.forEach((r, row) => expect(r).toBeCloseTo((row % 5) / 4, 12));
  });

  it("without noise follows θ = 4k + 4r exactly: x = (r sin θ, r cos θ)", () => {
    const { x } = makeSpirals(3, 2, { noise: 0 });
    // arm 1, i = 1: r = 0.5, θ = 4 + 2 = 6
    expect(x.get(4, 0)).toBeCloseTo(0.5 * Math.sin(6), 15);
    expect(x.get(4, 1)).toBeCloseTo(0.5 * Math.cos(6), 15);
  });

  it("is the spiral of the test helpers (same formula, same draws)", () => {
    const ours = makeSpirals(100, 3, { seed: 7 });
    const helper = spiral({ pointsPerClass: 100, classes: 3, seed: 7 });
    expect(Array.from(ours.x.data)).toEqual(Array.from(helper.X.data));
    expect(Array.from(ours.y.data)).toEqual(Array.from(helper.y.data));
  });

  it("repeats with the same seed, differs with another, and advances a given generator", () => {
    const a = makeSpirals(20, 3, { seed: 3 }).x.data;
    expect(makeSpirals(20, 3, { seed: 3 }).x.data).toEqual(a);
    expect(makeSpirals(20, 3, { seed: 4 }).x.data).not.toEqual(a);
    const g = new Generator(3);
    expect(makeSpirals(20, 3, { generator: g }).x.data).toEqual(a);
    expect(makeSpirals(20, 3, { generator: g }).x.data).not.toEqual(a);
  });

  it("rejects bad sizes and noise, naming the value", () => {
    expect(() => makeSpirals(1, 3)).toThrow("makeSpirals: nPerClass must be an integer ≥ 2, got 1");
    expect(() => makeSpirals(10, 2.5)).toThrow("nClasses must be an integer ≥ 1, got 2.5");
    expect(() => makeSpirals(10, 3, { noise: -1 })).toThrow(
      "noise must be a finite number ≥ 0, got -1",
    );
    expect(() => makeSpirals(10, 3, { seed: 0, generator: new Generator(0) })).toThrow(
      "makeSpirals: pass { seed } or { generator }, not both",
    );
  });
});
