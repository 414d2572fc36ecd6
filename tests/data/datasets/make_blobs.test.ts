import { describe, expect, it } from "vitest";
import { makeBlobs } from "../../../src/data/datasets/make_blobs";

describe("makeBlobs", () => {
  it("splits n as evenly as possible, the first blobs one point more (as scikit-learn: 10 → 4, 3, 3)", () => {
    const { x, y, centers } = makeBlobs(10, { seed: 0 });
    const counts = [0, 0, 0];
    y.data.forEach((c) => counts[c]++);
    expect(counts).toEqual([4, 3, 3]);
    expect([x.shape, y.shape, centers.shape]).toEqual([[10, 2], [10], [3, 2]]);
    expect([x.dtype, y.dtype]).toEqual(["float64", "int32"]);
    centers.data.forEach((c) => expect(Math.abs(c)).toBeLessThan(10)); // U(−10, 10)
  });

  it("draws each blob around its center with its standard deviation", () => {
    const mu = [
      [0, 0],
      [5, -5],
    ];
    const { x, y } = makeBlobs(20000, { centers: mu, clusterStd: [0.5, 2], seed: 1 });
    for (const c of [0, 1]) {
      const pts = Array.from({ length: 20000 }, (_, i) => i).filter((i) => y.data[i] === c);
      for (const d of [0, 1]) {
        const v = pts.map((i) => x.get(i, d));
        const mean = v.reduce((s, a) => s + a, 0) / v.length;
        const std = Math.sqrt(v.reduce((s, a) => s + (a - mean) ** 2, 0) / v.length);
        expect(Math.abs(mean - mu[c][d])).toBeLessThan((4 * [0.5, 2][c]) / Math.sqrt(10000));
        expect(std / [0.5, 2][c]).toBeCloseTo(1, 1);
      }
    }
  });

  it("keeps blob order without shuffle, has nFeatures columns, and repeats with a seed", () => {
    const { x, y } = makeBlobs(6, { centers: 2, nFeatures: 3, shuffle: false, seed: 2 });
    expect(x.shape).toEqual([6, 3]);
    expect(Array.from(y.data)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(makeBlobs(6, { centers: 2, nFeatures: 3, shuffle: false, seed: 2 }).x.data).toEqual(
      x.data,
    );
  });

  it("names the mismatch between centers and clusterStd", () => {
    expect(() => makeBlobs(10, { centers: 3, clusterStd: [1, 2] })).toThrow(
      "makeBlobs: clusterStd has 2 values for 3 centers; give one per center",
    );
    expect(() => makeBlobs(10, { centerBox: [1, 1] })).toThrow(
      "centerBox must be [low, high] with low < high, got [1, 1]",
    );
  });
});
