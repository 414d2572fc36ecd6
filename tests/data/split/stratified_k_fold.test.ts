import { describe, expect, it } from "vitest";
import { StratifiedKFold } from "../../../src/data/split/stratified_k_fold";
import { tensor, zeros } from "../../../src/tensor/creation";
import { expectFoldsPartition, vals } from "./helpers";

// Labels with clumped classes, first appearance 1, 0, 2 (counts 8 of 0, 10 of 1, 6 of 2).
const y4 = [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 2, 2, 2, 0, 0, 1, 1, 2, 2, 0, 0, 0, 2, 1];
// Two classes 3 and 7, 11 : 4.
const y5 = [7, 7, 3, 3, 3, 3, 3, 7, 3, 3, 3, 3, 7, 3, 3];

/** The count of each label in `idx`. */
function classCounts(y: number[], idx: Int32Array): Map<number, number> {
  const m = new Map<number, number>();
  for (const i of idx) m.set(y[i], (m.get(y[i]) ?? 0) + 1);
  return m;
}

describe("StratifiedKFold", () => {
  it("matches scikit-learn's StratifiedKFold (shuffle=False) fold for fold", () => {
    // /usr/bin/python3, sklearn 1.2.1:
    //   for tr, te in StratifiedKFold(k).split(np.zeros(len(y)), y): print(te)
    expect(vals(new StratifiedKFold(3).split(y4))).toEqual([
      [0, 1, 2, 3, 7, 8, 10, 11],
      [4, 5, 6, 9, 12, 13, 14, 17],
      [15, 16, 18, 19, 20, 21, 22, 23],
    ]);
    expect(vals(new StratifiedKFold(4).split(y5))).toEqual([
      [0, 2, 3, 4],
      [1, 5, 6, 8],
      [7, 9, 10, 11],
      [12, 13, 14],
    ]);
    expect(vals(new StratifiedKFold(2).split(y5))).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 8],
      [7, 9, 10, 11, 12, 13, 14],
    ]);
    expect(vals(new StratifiedKFold(2).split([0, 0, 0, 1, 1, 0]))).toEqual([
      [0, 1, 3],
      [2, 4, 5],
    ]);
  });

  it("keeps every class's ratio: each fold holds ⌊n_c/k⌋ or ⌈n_c/k⌉ of class c, shuffled or not", () => {
    const y = Array.from({ length: 103 }, (_, i) => ((i * 7) % 5 === 0 ? 2 : i % 3 === 0 ? 1 : 0));
    const totals = classCounts(y, Int32Array.from(y.keys()));
    for (const options of [{}, { shuffle: true, seed: 3 }]) {
      const k = 5;
      const splits = [...new StratifiedKFold(k, options).split(y)];
      expectFoldsPartition(splits, y.length);
      for (const { val } of splits) {
        const got = classCounts(y, val);
        for (const [c, nc] of totals) {
          expect(got.get(c) ?? 0).toBeGreaterThanOrEqual(Math.floor(nc / k));
          expect(got.get(c) ?? 0).toBeLessThanOrEqual(Math.ceil(nc / k));
        }
      }
    }
  });

  it("same seed → same folds, another seed → other folds; a [N] tensor works like an array", () => {
    const a = vals(new StratifiedKFold(3, { shuffle: true, seed: 0 }).split(y4));
    expect(vals(new StratifiedKFold(3, { shuffle: true, seed: 0 }).split(y4))).toEqual(a);
    expect(vals(new StratifiedKFold(3, { shuffle: true, seed: 1 }).split(y4))).not.toEqual(a);
    expect(vals(new StratifiedKFold(3).split(tensor(y4)))).toEqual(
      vals(new StratifiedKFold(3).split(y4)),
    );
  });

  it("refuses a class smaller than k (scikit-learn only warns), and input without labels", () => {
    expect(() => new StratifiedKFold(5).split(y5)).toThrow(
      "StratifiedKFold: 5 splits need at least 5 samples of every class, got 4 of class 7; use k ≤ 4, or KFold",
    );
    expect(() => new StratifiedKFold(3).split([0, 1])).toThrow(
      "StratifiedKFold: 3 splits need at least 3 samples, got 2",
    );
    expect(() => new StratifiedKFold(3).split(30)).toThrow(
      "StratifiedKFold: needs the class labels to stratify, got only n = 30; pass y (an array or a [N] tensor)",
    );
    expect(() => new StratifiedKFold(3).split(zeros([30, 2]))).toThrow(
      "StratifiedKFold: expected labels [N], got [30, 2]; pass class indices (y.argmax(1) for one-hot rows)",
    );
    expect(() => new StratifiedKFold(1)).toThrow(
      "StratifiedKFold: k must be an integer ≥ 2, got 1",
    );
  });
});
