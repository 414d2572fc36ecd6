import { expect } from "vitest";
import type { Split } from "../../../src/data/split/splitter";

/** Plain arrays of a split, for toEqual against pasted reference numbers. */
export function asArrays(split: Split): { train: number[]; val: number[] } {
  return { train: Array.from(split.train), val: Array.from(split.val) };
}

/** Each split: train and val sorted, disjoint, inside 0…n−1 (and, if `complete`, covering it). */
export function expectValidSplits(splits: Split[], n: number, complete = true): void {
  for (const [i, { train, val }] of splits.entries()) {
    for (const part of [train, val]) {
      expect(part).toBeInstanceOf(Int32Array);
      expect(Array.from(part), `split ${i} sorted`).toEqual(Array.from(part).sort((a, b) => a - b));
      for (const j of part)
        expect(j >= 0 && j < n, `split ${i}: index ${j} in 0…${n - 1}`).toBe(true);
    }
    const all = new Set([...train, ...val]);
    expect(all.size, `split ${i}: train and val disjoint`).toBe(train.length + val.length);
    if (complete) expect(all.size, `split ${i}: train ∪ val = 0…n−1`).toBe(n);
  }
}

/** The k-fold invariants: every index validates exactly once; fold sizes differ by ≤ 1. */
export function expectFoldsPartition(splits: Split[], n: number): void {
  expectValidSplits(splits, n);
  const seen = new Int32Array(n);
  for (const { val } of splits) for (const j of val) seen[j]++;
  expect(Array.from(seen), "every index in exactly one validation fold").toEqual(
    new Array<number>(n).fill(1),
  );
  const sizes = splits.map((s) => s.val.length);
  expect(Math.max(...sizes) - Math.min(...sizes), `fold sizes ${sizes}`).toBeLessThanOrEqual(1);
}

/** The validation sets only, as plain arrays. */
export function vals(splits: Iterable<Split>): number[][] {
  return [...splits].map((s) => Array.from(s.val));
}
