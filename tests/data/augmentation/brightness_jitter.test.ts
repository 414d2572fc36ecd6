import { describe, expect, it } from "vitest";
import { Generator, full, rand } from "../../../src";
import { brightnessJitter } from "../../../src/data/augmentation/brightness_jitter";

describe("brightnessJitter", () => {
  it("adds one δ ∈ [−maxDelta, maxDelta] to every pixel of an image", () => {
    const x = full([500, 784], 0.5);
    const out = brightnessJitter(0.2).apply(x, { seed: 0 });
    const deltas: number[] = [];
    for (let n = 0; n < 500; n++) {
      const image = out.data.subarray(n * 784, (n + 1) * 784);
      expect(image.every((v) => v === image[0])).toBe(true);
      deltas.push(image[0] - 0.5);
    }
    expect(Math.max(...deltas.map(Math.abs))).toBeLessThanOrEqual(0.2);
    expect(Math.max(...deltas)).toBeGreaterThan(0.19); // uniform: both ends are reached
    expect(Math.min(...deltas)).toBeLessThan(-0.19);
  });

  it("clamps to the pixel range [0, 1]", () => {
    const x = rand([50, 784], { generator: new Generator(0) });
    const out = brightnessJitter(0.8).apply(x, { seed: 1 });
    expect(out.min().item()).toBe(0);
    expect(out.max().item()).toBe(1);
  });

  it("keeps dtype and shape, leaves its input alone, and repeats with the same seed", () => {
    const x = rand([4, 1, 28, 28], { generator: new Generator(0), dtype: "float32" });
    const before = x.data.slice();
    const out = brightnessJitter(0.1).apply(x, { seed: 3 });
    expect([out.dtype, out.shape]).toEqual(["float32", [4, 1, 28, 28]]);
    expect(x.data).toEqual(before);
    expect(brightnessJitter(0.1).apply(x, { seed: 3 }).data).toEqual(out.data);
  });

  it("rejects maxDelta outside [0, 1]", () => {
    expect(() => brightnessJitter(-0.1)).toThrow(
      "brightnessJitter: maxDelta must be in [0, 1] (pixels are in [0, 1]), got -0.1",
    );
  });
});
