import { describe, expect, it } from "vitest";
import { Generator, type Tensor, rand, zeros } from "../../../src";
import { randomShift, shift } from "../../../src/data/augmentation/random_shift";

/** A [1, 784] image, black but for pixel (r, c) = 1. */
function dot(r: number, c: number): Tensor {
  const x = zeros([1, 784]);
  x.data[r * 28 + c] = 1;
  return x;
}

function position(x: Tensor, n = 0): [number, number] {
  const k = Array.from(x.data.subarray(n * 784, (n + 1) * 784)).indexOf(1);
  return [Math.floor(k / 28), k % 28];
}

describe("shift", () => {
  it("moves pixel (10, 12) down 3 and right 2 to (13, 14)", () => {
    const out = shift(dot(10, 12), 3, 2);
    expect(position(out)).toEqual([13, 14]);
    expect(out.sum().item()).toBe(1);
  });

  it("moves up and left with negative offsets, and fills what comes in", () => {
    const out = shift(dot(10, 12), -10, -12, { fill: 0.5 });
    expect(out.get(0, 0)).toBe(1);
    expect(out.get(0, 27 * 28 + 27)).toBe(0.5); // the bottom-right corner came from outside
  });

  it("drops a pixel shifted off the image", () => {
    expect(shift(dot(0, 27), 0, 1).sum().item()).toBe(0);
  });
});

describe("randomShift", () => {
  it("moves each image by its own (dy, dx) with |dy|, |dx| ≤ maxPixels", () => {
    const x = zeros([200, 1, 28, 28]);
    for (let n = 0; n < 200; n++) x.data[n * 784 + 14 * 28 + 14] = 1;
    const out = randomShift(2).apply(x, { seed: 0 });
    expect(out.shape).toEqual([200, 1, 28, 28]);
    const seen = new Set<string>();
    for (let n = 0; n < 200; n++) {
      const [r, c] = position(out, n);
      expect(Math.abs(r - 14)).toBeLessThanOrEqual(2);
      expect(Math.abs(c - 14)).toBeLessThanOrEqual(2);
      seen.add(`${r - 14},${c - 14}`);
    }
    expect(seen.size).toBe(25); // every offset in {−2…2}² turns up in 200 draws
  });

  it("returns a new tensor, leaves the input alone, and repeats with the same seed", () => {
    const x = rand([8, 784], { generator: new Generator(1) });
    const before = x.data.slice();
    const a = randomShift(3).apply(x, { seed: 5 });
    expect(a === x).toBe(false);
    expect(x.data).toEqual(before);
    expect(randomShift(3).apply(x, { seed: 5 }).data).toEqual(a.data);
    expect(randomShift(3).apply(x, { seed: 6 }).data).not.toEqual(a.data);
    expect(randomShift(0).apply(x).data).toEqual(x.data);
  });

  it("rejects a fractional or negative maxPixels", () => {
    expect(() => randomShift(1.5)).toThrow(
      "randomShift: maxPixels must be an integer ≥ 0, got 1.5",
    );
  });
});
