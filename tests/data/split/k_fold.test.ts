import { describe, expect, it } from "vitest";
import { KFold } from "../../../src/data/split/k_fold";
import { Generator } from "../../../src/tensor/random";
import { zeros } from "../../../src/tensor/creation";
import { asArrays, expectFoldsPartition, vals } from "./helpers";

describe("KFold", () => {
  it("prints the STYLE toy: new KFold(2).split(5) → val [0,1,2], then [3,4]", () => {
    const splits = [...new KFold(2).split(5)].map(asArrays);
    expect(splits).toEqual([
      { train: [3, 4], val: [0, 1, 2] },
      { train: [0, 1, 2], val: [3, 4] },
    ]);
  });

  it("matches scikit-learn's KFold(3) on n = 10 (contiguous folds, the first n mod k larger)", () => {
    // /usr/bin/python3, sklearn 1.2.1: for tr, te in KFold(3).split(np.zeros(10)): print(te)
    expect(vals(new KFold(3).split(10))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
  });

  it("partitions 0…n−1 into k folds whose sizes differ by ≤ 1, the first n mod k larger", () => {
    for (const [n, k] of [
      [5, 2],
      [10, 3],
      [17, 5],
      [20, 4],
      [7, 7],
      [101, 10],
    ]) {
      for (const shuffle of [false, true]) {
        const splits = [...new KFold(k, shuffle ? { shuffle, seed: n } : {}).split(n)];
        expect(splits).toHaveLength(k);
        expectFoldsPartition(splits, n);
        const sizes = splits.map((s) => s.val.length);
        const expected = sizes.map((_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
        expect(sizes).toEqual(expected);
      }
    }
  });

  it("gives the same folds for the same seed, other folds for another seed", () => {
    const a = vals(new KFold(5, { shuffle: true, seed: 0 }).split(50));
    const b = vals(new KFold(5, { shuffle: true, seed: 0 }).split(50));
    const c = vals(new KFold(5, { shuffle: true, seed: 1 }).split(50));
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    expect(a).not.toEqual(vals(new KFold(5).split(50)));
  });

  it("repeats its folds on every split() with a seed; draws new ones from a generator", () => {
    const seeded = new KFold(3, { shuffle: true, seed: 7 });
    expect(vals(seeded.split(12))).toEqual(vals(seeded.split(12)));
    const drawing = new KFold(3, { shuffle: true, generator: new Generator(7) });
    const first = vals(drawing.split(12));
    expect(first).toEqual(vals(seeded.split(12)));
    expect(vals(drawing.split(12))).not.toEqual(first);
  });

  it("takes n from a count, an array of labels or a tensor's first axis", () => {
    const byCount = vals(new KFold(3).split(7));
    expect(vals(new KFold(3).split([5, 5, 5, 5, 5, 5, 5]))).toEqual(byCount);
    expect(vals(new KFold(3).split(zeros([7, 4])))).toEqual(byCount);
    expect(new KFold(3).getNSplits(7)).toBe(3);
    expect(new KFold(3).nSplits).toBe(3);
  });

  it("refuses more folds than samples, k < 2, and a seed without shuffle", () => {
    expect(() => new KFold(5).split(3)).toThrow("KFold: 5 splits need at least 5 samples, got 3");
    expect(() => new KFold(1)).toThrow("KFold: k must be an integer ≥ 2, got 1");
    expect(() => new KFold(2.5)).toThrow("KFold: k must be an integer ≥ 2, got 2.5");
    expect(() => new KFold(5, { seed: 0 })).toThrow(
      "KFold: seed = 0 has no effect without shuffling; pass { shuffle: true } with it, or drop it",
    );
    expect(() => new KFold(2).split(-1)).toThrow(
      "KFold: the number of samples must be an integer ≥ 0, got -1",
    );
  });
});
