import { describe, expect, it } from "vitest";
import { zeros } from "../../../src";
import { computeFans } from "../../../src/nn/init/compute_fans";

describe("init.computeFans", () => {
  it("a Linear weight [out, in] has fanIn = in and fanOut = out", () => {
    expect(computeFans(zeros([128, 784]))).toEqual({ fanIn: 784, fanOut: 128 });
  });

  it("a conv weight [out, in, kh, kw] multiplies both fans by the receptive field kh·kw", () => {
    expect(computeFans(zeros([64, 3, 5, 5]))).toEqual({ fanIn: 3 * 25, fanOut: 64 * 25 });
  });

  it("a 1-D tensor (a bias) has no fans, and the error says what was expected", () => {
    expect(() => computeFans(zeros([10]))).toThrow(
      "computeFans: fans need a weight with at least 2 axes ([out, in] or [out, in, kh, kw]), got [10]",
    );
  });
});
