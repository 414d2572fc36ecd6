import { describe, expect, it } from "vitest";
import { trainValTestSplit } from "../../../src/data/split/train_val_test_split";

/** Checks the three parts are disjoint and sorted; returns their sizes. */
function sizesOf(parts: { train: Int32Array; val: Int32Array; test: Int32Array }): number[] {
  const all = [...parts.train, ...parts.val, ...parts.test];
  expect(new Set(all).size, "disjoint").toBe(all.length);
  for (const p of [parts.train, parts.val, parts.test]) {
    expect(Array.from(p)).toEqual(Array.from(p).sort((a, b) => a - b));
  }
  return [parts.train.length, parts.val.length, parts.test.length];
}

describe("trainValTestSplit", () => {
  it("cuts 60/20/20 and 98/1/1 (lecture 002), val and test rounded up, train the rest", () => {
    expect(sizesOf(trainValTestSplit(10, { seed: 0 }))).toEqual([6, 2, 2]);
    expect(sizesOf(trainValTestSplit(1000, { seed: 0 }))).toEqual([600, 200, 200]);
    // ⌈0.2 · 7⌉ = ⌈1.4⌉ = 2 each, train 7 − 4 = 3
    expect(sizesOf(trainValTestSplit(7, { seed: 0 }))).toEqual([3, 2, 2]);
    const s98 = { sizes: [0.98, 0.01, 0.01], seed: 0 };
    expect(sizesOf(trainValTestSplit(1000, s98))).toEqual([980, 10, 10]);
    expect(sizesOf(trainValTestSplit(50, s98))).toEqual([48, 1, 1]); // ⌈0.5⌉ = 1
    // fractions summing to less than 1: train ⌊0.5 · 10⌋ = 5, val ⌈2⌉, test ⌈1⌉
    expect(sizesOf(trainValTestSplit(10, { sizes: [0.5, 0.2, 0.1], seed: 0 }))).toEqual([5, 2, 1]);
    expect(sizesOf(trainValTestSplit(100, { sizes: [50, 30, 20], seed: 0 }))).toEqual([50, 30, 20]);
  });

  it("without shuffling, takes consecutive rows: train, then val, then test", () => {
    const { train, val, test } = trainValTestSplit(10, { sizes: [5, 3, 2], shuffle: false });
    expect([Array.from(train), Array.from(val), Array.from(test)]).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7],
      [8, 9],
    ]);
  });

  it("with stratify, every part keeps the class ratios (within one sample per class)", () => {
    // classes 60 : 25 : 15, parts 60 / 20 / 20: exactly 36 : 15 : 9, 12 : 5 : 3, 12 : 5 : 3
    const y = [...new Array(60).fill(0), ...new Array(25).fill(1), ...new Array(15).fill(2)];
    const parts = trainValTestSplit(y, { stratify: true, seed: 0 });
    const perClass = (idx: Int32Array) =>
      [0, 1, 2].map((c) => idx.filter((i) => y[i] === c).length);
    expect([parts.train, parts.val, parts.test].map(perClass)).toEqual([
      [36, 15, 9],
      [12, 5, 3],
      [12, 5, 3],
    ]);
    const z = Array.from({ length: 97 }, (_, i) => (i % 7 === 0 ? 2 : i % 2));
    const zParts = trainValTestSplit(z, { stratify: true, seed: 1 });
    for (const part of [zParts.train, zParts.val, zParts.test]) {
      for (const c of [0, 1, 2]) {
        const share = (z.filter((v) => v === c).length * part.length) / z.length;
        expect(Math.abs(part.filter((i) => z[i] === c).length - share)).toBeLessThan(1);
      }
    }
    expect(sizesOf(zParts).reduce((a, b) => a + b)).toBe(97);
  });

  it("same seed → same parts", () => {
    expect(trainValTestSplit(30, { seed: 4 })).toEqual(trainValTestSplit(30, { seed: 4 }));
    expect(trainValTestSplit(30, { seed: 4 })).not.toEqual(trainValTestSplit(30, { seed: 5 }));
  });

  it("refuses sizes that are not three fractions summing to ≤ 1 or three counts summing to ≤ n", () => {
    expect(() => trainValTestSplit(10, { sizes: [0.8, 0.2] })).toThrow(
      "trainValTestSplit: sizes must be [train, val, test], got 2 numbers",
    );
    expect(() => trainValTestSplit(10, { sizes: [0.6, 0.3, 0.2] })).toThrow(
      "trainValTestSplit: sizes [0.6, 0.3, 0.2] sum to 1.1, more than 1",
    );
    expect(() => trainValTestSplit(10, { sizes: [6, 0.2, 0.2] })).toThrow(
      "trainValTestSplit: sizes must be all fractions or all counts, got [6, 0.2, 0.2]",
    );
    expect(() => trainValTestSplit(10, { sizes: [6, 3, 2] })).toThrow(
      "trainValTestSplit: sizes = 6 + 3 + 2 = 11 samples, more than n = 10; reduce them",
    );
    expect(() => trainValTestSplit(10, { sizes: [0.6, 0, 0.2] })).toThrow(
      "trainValTestSplit: sizes[1] (val) must be a fraction in (0, 1) or a count ≥ 1, got 0",
    );
    expect(() => trainValTestSplit(2)).toThrow(
      "trainValTestSplit: the training part would be empty (n = 2, parts 0 + 1 + 1); hold out less",
    );
  });
});
