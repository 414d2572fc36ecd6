import { describe, expect, it } from "vitest";
import { Generator, zeros } from "../../../src";
import { kaimingNormal, kaimingUniform } from "../../../src/nn/init/kaiming";
import { sampleStats } from "../../helpers/sample_stats";

// A [300, 200] weight: fanIn = 200, fanOut = 300.
describe("init.kaimingNormal", () => {
  it("has std = gain/√fanIn, with the ReLU gain √2 by default (a = 0)", () => {
    const w = kaimingNormal(zeros([300, 200]), { generator: new Generator(0) });
    expect(sampleStats(w).std / (Math.SQRT2 / Math.sqrt(200))).toBeCloseTo(1, 1);
  });

  it("mode fanOut divides by √fanOut; tanh uses the gain 5/3", () => {
    const w = kaimingNormal(zeros([300, 200]), {
      mode: "fanOut",
      nonlinearity: "tanh",
      generator: new Generator(1),
    });
    expect(sampleStats(w).std / (5 / 3 / Math.sqrt(300))).toBeCloseTo(1, 1);
  });

  it("a leaky ReLU slope a gives std = √(2/(1+a²)) / √fanIn", () => {
    const w = kaimingNormal(zeros([300, 200]), { a: 0.2, generator: new Generator(2) });
    expect(sampleStats(w).std / (Math.sqrt(2 / 1.04) / Math.sqrt(200))).toBeCloseTo(1, 1);
  });

  it("refuses an unknown mode, naming it", () => {
    expect(() => kaimingNormal(zeros([3, 2]), { mode: "fan_in" as "fanIn" })).toThrow(
      'init.kaimingNormal: mode must be "fanIn" or "fanOut", got "fan_in"',
    );
  });
});

describe("init.kaimingUniform", () => {
  it("draws from U(−bound, bound) with bound = gain·√(3 / fanIn)", () => {
    const bound = Math.SQRT2 * Math.sqrt(3 / 200);
    const w = kaimingUniform(zeros([300, 200]), { generator: new Generator(3) });
    const { min, max, std } = sampleStats(w);
    expect(Math.max(-min, max)).toBeLessThanOrEqual(bound);
    expect(Math.min(-min, max)).toBeGreaterThan(0.999 * bound);
    expect(std / (bound / Math.sqrt(3))).toBeCloseTo(1, 1);
  });

  it("with a = √5 (Linear's default) the bound is 1/√fanIn", () => {
    const w = kaimingUniform(zeros([300, 200]), { a: Math.sqrt(5), generator: new Generator(4) });
    const { min, max } = sampleStats(w);
    expect(Math.max(-min, max)).toBeLessThanOrEqual((1 + 1e-12) / Math.sqrt(200)); // √3·√(1/3) rounds
    expect(Math.min(-min, max)).toBeGreaterThan(0.999 / Math.sqrt(200));
  });

  it("same seed, same numbers", () => {
    const a = kaimingUniform(zeros([3, 4]), { generator: new Generator(5) });
    const b = kaimingUniform(zeros([3, 4]), { generator: new Generator(5) });
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
  });
});
