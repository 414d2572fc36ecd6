import { describe, expect, it } from "vitest";
import { Generator, ones, rand } from "../../../src";
import { randomErasing } from "../../../src/data/augmentation/random_erasing";

/** The bounding box of the zeros of image n (H×W), and how many zeros it has. */
function erased(data: ArrayLike<number>, n: number, H: number, W: number) {
  let [top, left, bottom, right, count] = [H, W, -1, -1, 0];
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < W; c++) {
      if (data[n * H * W + r * W + c] !== 0) continue;
      [top, left, bottom, right] = [
        Math.min(top, r),
        Math.min(left, c),
        Math.max(bottom, r),
        Math.max(right, c),
      ];
      count++;
    }
  }
  return { h: bottom - top + 1, w: right - left + 1, count };
}

describe("randomErasing", () => {
  it("erases one h×w rectangle whose area fraction is within scale (up to rounding h and w)", () => {
    const [H, W, scale] = [28, 28, [0.05, 0.2] as [number, number]];
    const out = randomErasing({ p: 1, scale }).apply(ones([300, 784]), { seed: 0 });
    let erasedImages = 0;
    for (let n = 0; n < 300; n++) {
      const { h, w, count } = erased(out.data, n, H, W);
      if (count === 0) continue;
      erasedImages++;
      expect(count).toBe(h * w); // a full rectangle
      expect(h < H && w < W).toBe(true);
      // h = round(√(S_e r)), w = round(√(S_e / r)) with S_e/(HW) ∈ scale, so |h − √(S_e r)| ≤ ½ …
      expect((h - 0.5) * (w - 0.5)).toBeLessThanOrEqual(scale[1] * H * W);
      expect((h + 0.5) * (w + 0.5)).toBeGreaterThanOrEqual(scale[0] * H * W);
    }
    expect(erasedImages).toBe(300); // such small rectangles always fit
  });

  it("erases an image with probability p and never touches the input", () => {
    const x = ones([1000, 1, 8, 8]);
    const out = randomErasing({ p: 0.25 }).apply(x, { seed: 1 });
    let count = 0;
    for (let n = 0; n < 1000; n++) if (erased(out.data, n, 8, 8).count > 0) count++;
    expect(Math.abs(count / 1000 - 0.25)).toBeLessThan(0.06); // 4 standard errors
    expect(x.data.every((v) => v === 1)).toBe(true);
  });

  it("erases the same box in every channel, with the value asked for", () => {
    const out = randomErasing({ p: 1, value: 0.5 }).apply(ones([1, 3, 10, 10]), { seed: 2 });
    const box = (ch: number) =>
      Array.from(out.data.subarray(ch * 100, ch * 100 + 100)).map((v) => v === 0.5);
    expect(box(1)).toEqual(box(0));
    expect(box(2)).toEqual(box(0));
    expect(box(0).some(Boolean)).toBe(true);
  });

  it('fills with uniform noise in [0, 1) for value "random"', () => {
    const out = randomErasing({ p: 1, value: "random" }).apply(ones([50, 784]).mul(2), { seed: 3 });
    const noise = Array.from(out.data).filter((v) => v !== 2);
    expect(noise.length).toBeGreaterThan(0);
    expect(noise.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it("repeats with the same seed", () => {
    const x = rand([16, 784], { generator: new Generator(0) });
    const erase = randomErasing({ p: 0.5 });
    expect(erase.apply(x, { seed: 9 }).data).toEqual(erase.apply(x, { seed: 9 }).data);
  });

  it("checks p, scale and ratio", () => {
    expect(() => randomErasing({ p: -1 })).toThrow("randomErasing: p must be in [0, 1], got -1");
    expect(() => randomErasing({ scale: [0.5, 0.1] })).toThrow(
      "randomErasing: scale must be [s_l, s_h] with 0 ≤ s_l ≤ s_h ≤ 1, got [0.5,0.1]",
    );
    expect(() => randomErasing({ ratio: [0, 1] })).toThrow(
      "ratio must be [r1, r2] with 0 < r1 ≤ r2, got [0,1]",
    );
  });
});
