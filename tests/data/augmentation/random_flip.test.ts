import { describe, expect, it } from "vitest";
import { Generator, arange, rand } from "../../../src";
import { hflip, randomFlip, vflip } from "../../../src/data/augmentation/random_flip";

// Pixel values 0…11 of one 3×4 image make every flip's permutation visible.
const x = arange(12).to("float64").reshape(1, 1, 3, 4);

describe("hflip and vflip", () => {
  it("mirror left–right: out[r, c] = x[r, W − 1 − c]", () => {
    expect(hflip(x).toArray()).toEqual([
      [
        [
          [3, 2, 1, 0],
          [7, 6, 5, 4],
          [11, 10, 9, 8],
        ],
      ],
    ]);
  });

  it("mirror top–bottom: out[r, c] = x[H − 1 − r, c]", () => {
    expect(vflip(x).toArray()).toEqual([
      [
        [
          [8, 9, 10, 11],
          [4, 5, 6, 7],
          [0, 1, 2, 3],
        ],
      ],
    ]);
  });

  it("are permutations: flipping twice gives the image back", () => {
    const images = rand([5, 784], { generator: new Generator(0) });
    expect(hflip(hflip(images)).data).toEqual(images.data);
    expect(vflip(vflip(images)).data).toEqual(images.data);
    expect(Array.from(hflip(images).data).sort()).toEqual(Array.from(images.data).sort());
  });
});

describe("randomFlip", () => {
  it("flips each image with probability p, leaving the others as they were", () => {
    const images = rand([1000, 1, 4, 4], { generator: new Generator(0) });
    const out = randomFlip({ p: 0.3 }).apply(images, { seed: 0 });
    const mirrored = hflip(images);
    let flipped = 0;
    for (let n = 0; n < 1000; n++) {
      const [a, b] = [n * 16, (n + 1) * 16];
      const isFlip = out.data.subarray(a, b).every((v, k) => v === mirrored.data[a + k]);
      const isSame = out.data.subarray(a, b).every((v, k) => v === images.data[a + k]);
      expect(isFlip || isSame).toBe(true);
      if (isFlip) flipped++;
    }
    expect(Math.abs(flipped / 1000 - 0.3)).toBeLessThan(0.06); // 4 standard errors √(0.3·0.7/1000)
  });

  it("with vertical only and p = 1 is vflip; with nothing enabled, a copy", () => {
    const images = rand([3, 784], { generator: new Generator(2) });
    expect(randomFlip({ horizontal: false, vertical: true, p: 1 }).apply(images).data).toEqual(
      vflip(images).data,
    );
    const copy = randomFlip({ horizontal: false }).apply(images);
    expect(copy === images).toBe(false);
    expect(copy.data).toEqual(images.data);
  });

  it("repeats with the same seed and never changes its input", () => {
    const images = rand([20, 784], { generator: new Generator(3) });
    const before = images.data.slice();
    const flip = randomFlip({ horizontal: true, vertical: true });
    expect(flip.apply(images, { seed: 1 }).data).toEqual(flip.apply(images, { seed: 1 }).data);
    expect(images.data).toEqual(before);
  });

  it("rejects p outside [0, 1]", () => {
    expect(() => randomFlip({ p: 2 })).toThrow("randomFlip: p must be in [0, 1], got 2");
  });
});
