import { describe, expect, it } from "vitest";
import { Generator, zeros } from "../../../src";
import { xavierNormal, xavierUniform } from "../../../src/nn/init/xavier";
import { sampleStats } from "../../helpers/sample_stats";

// A [300, 200] weight: fanIn = 200, fanOut = 300.
const fanIn = 200;
const fanOut = 300;

describe("init.xavierUniform", () => {
  it("draws from U(−bound, bound) with bound = gain·√(6 / (fanIn + fanOut))", () => {
    const gain = 5 / 3;
    const bound = gain * Math.sqrt(6 / (fanIn + fanOut)); // 0.18257…
    const w = xavierUniform(zeros([fanOut, fanIn]), { gain, generator: new Generator(0) });
    const { min, max, std } = sampleStats(w);
    expect(Math.max(-min, max)).toBeLessThanOrEqual(bound);
    expect(Math.min(-min, max)).toBeGreaterThan(0.999 * bound);
    expect(std / (bound / Math.sqrt(3))).toBeCloseTo(1, 1); // std = bound/√3
  });

  it("same seed, same numbers", () => {
    const a = xavierUniform(zeros([3, 4]), { generator: new Generator(3) });
    const b = xavierUniform(zeros([3, 4]), { generator: new Generator(3) });
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
  });
});

describe("init.xavierNormal", () => {
  it("has std = gain·√(2 / (fanIn + fanOut)) and mean 0", () => {
    const w = xavierNormal(zeros([fanOut, fanIn]), { generator: new Generator(1) });
    const { mean, std } = sampleStats(w);
    const expected = Math.sqrt(2 / (fanIn + fanOut)); // 0.0632…
    expect(Math.abs(mean)).toBeLessThan(0.002); // standard error 0.063/√60000 ≈ 0.0003
    expect(std / expected).toBeCloseTo(1, 1);
  });

  it("uses the receptive field of a conv weight: fanIn = in·kh·kw, fanOut = out·kh·kw", () => {
    const w = xavierNormal(zeros([64, 32, 3, 3]), { generator: new Generator(2) });
    const expected = Math.sqrt(2 / (32 * 9 + 64 * 9));
    expect(sampleStats(w).std / expected).toBeCloseTo(1, 1);
  });
});
