import { describe, expect, it } from "vitest";
import { trainTestSplit } from "../../../src/data/split/train_test_split";
import { expectValidSplits } from "./helpers";

/** The count of each class 0…C−1 among `idx`. */
function perClass(y: number[], idx: Int32Array, C: number): number[] {
  const counts = new Array<number>(C).fill(0);
  for (const i of idx) counts[y[i]]++;
  return counts;
}

describe("trainTestSplit", () => {
  it("sizes the parts as scikit-learn's train_test_split (test rounded up, train down)", () => {
    // /usr/bin/python3, sklearn 1.2.1:
    //   tr, te = train_test_split(np.arange(n), test_size=ts, train_size=trs, random_state=0)
    //   print(len(tr), len(te))
    // 0.07 · 100 = 7.000000000000001 in floating point, so both hold out 8.
    const cases: [number, number | undefined, number | undefined, number, number][] = [
      [10, undefined, undefined, 7, 3],
      [10, 0.25, undefined, 7, 3],
      [7, 0.25, undefined, 5, 2],
      [100, 0.07, undefined, 92, 8],
      [100, undefined, 0.93, 93, 7],
      [10, 0.3, 0.5, 5, 3],
      [9, undefined, 0.5, 4, 5],
      [1000, 0.01, undefined, 990, 10],
      [10, 3, undefined, 7, 3],
      [10, undefined, 4, 4, 6],
      [10, 2, 5, 5, 2],
      [5, 0.5, undefined, 2, 3],
      [3, 0.5, undefined, 1, 2],
    ];
    for (const [n, testSize, trainSize, nTrain, nTest] of cases) {
      const { train, test } = trainTestSplit(n, { testSize, trainSize, seed: 0 });
      expect([train.length, test.length], `n=${n} test ${testSize} train ${trainSize}`).toEqual([
        nTrain,
        nTest,
      ]);
      expectValidSplits([{ train, val: test }], n, nTrain + nTest === n);
    }
  });

  it("without shuffling, trains on the first rows and tests on the next", () => {
    const { train, test } = trainTestSplit(5, { shuffle: false });
    expect(Array.from(train)).toEqual([0, 1, 2]); // scikit-learn: train_test_split(y, shuffle=False)
    expect(Array.from(test)).toEqual([3, 4]);
    const partial = trainTestSplit(10, { shuffle: false, trainSize: 5, testSize: 2 });
    expect(Array.from(partial.test)).toEqual([5, 6]);
  });

  it("with stratify, keeps scikit-learn's per-class counts in both parts", () => {
    // /usr/bin/python3, sklearn 1.2.1: y = [0]*50 + [1]*33 + [2]*17;
    //   tr, te = train_test_split(np.arange(100), test_size=0.2, stratify=y, random_state=rs)
    //   np.bincount(y[tr]), np.bincount(y[te]) → [40, 26, 14], [10, 7, 3] for every rs in 0…4
    // (80 · 33/100 = 26.4 → 26, 80 · 17/100 = 13.6 → 14: the leftover goes to the larger remainder).
    const y = [...new Array(50).fill(0), ...new Array(33).fill(1), ...new Array(17).fill(2)];
    for (const seed of [0, 1, 2]) {
      const { train, test } = trainTestSplit(y, { testSize: 0.2, stratify: true, seed });
      expect(perClass(y, train, 3)).toEqual([40, 26, 14]);
      expect(perClass(y, test, 3)).toEqual([10, 7, 3]);
      expectValidSplits([{ train, val: test }], 100);
    }
  });

  it("same seed → same split, another seed → another", () => {
    const a = trainTestSplit(40, { seed: 0 });
    expect(trainTestSplit(40, { seed: 0 })).toEqual(a);
    expect(Array.from(trainTestSplit(40, { seed: 1 }).test)).not.toEqual(Array.from(a.test));
  });

  it("explains sizes it cannot honour", () => {
    expect(() => trainTestSplit(10, { testSize: 0 })).toThrow(
      "trainTestSplit: testSize must be a fraction in (0, 1) or a count ≥ 1, got 0",
    );
    expect(() => trainTestSplit(10, { testSize: 1.5 })).toThrow(
      "trainTestSplit: testSize must be a fraction in (0, 1) or a count ≥ 1, got 1.5",
    );
    expect(() => trainTestSplit(10, { testSize: 10 })).toThrow(
      "trainTestSplit: testSize = 10 samples leaves none of the n = 10 for the other part; pass a count < 10 or a fraction",
    );
    expect(() => trainTestSplit(10, { testSize: 0.5, trainSize: 0.6 })).toThrow(
      "trainTestSplit: trainSize + testSize = 1.1 must be ≤ 1; reduce one of them",
    );
    expect(() => trainTestSplit(10, { testSize: 5, trainSize: 6 })).toThrow(
      "trainTestSplit: trainSize + testSize = 6 + 5 = 11 samples, more than n = 10; reduce them",
    );
    expect(() => trainTestSplit(1, { testSize: 0.5 })).toThrow(
      "trainTestSplit: the training part would be empty (n = 1, parts 0 + 1); hold out less",
    );
  });

  it("explains stratify and seeding mistakes", () => {
    expect(() => trainTestSplit(10, { stratify: true })).toThrow(
      "trainTestSplit: needs the class labels to stratify, got only n = 10",
    );
    expect(() => trainTestSplit([0, 0, 1, 1], { stratify: true, shuffle: false })).toThrow(
      "trainTestSplit: stratify needs shuffling (as in scikit-learn); drop shuffle: false or stratify",
    );
    expect(() => trainTestSplit([0, 0, 0, 1, 2, 2], { stratify: true })).toThrow(
      "trainTestSplit: stratifying needs at least 2 samples of every class, got 1 of class 1; drop or merge it",
    );
    expect(() => trainTestSplit([0, 0, 0, 1, 1, 1, 2, 2], { stratify: true, testSize: 2 })).toThrow(
      "trainTestSplit: a part of 2 samples cannot hold all 3 classes; make it at least 3",
    );
    expect(() => trainTestSplit(10, { shuffle: false, seed: 0 })).toThrow(
      "trainTestSplit: seed = 0 has no effect without shuffling",
    );
  });
});
