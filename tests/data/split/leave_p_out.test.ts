import { describe, expect, it } from "vitest";
import { LeavePOut } from "../../../src/data/split/leave_p_out";
import { LeaveOneOut } from "../../../src/data/split/leave_one_out";
import { asArrays, expectValidSplits, vals } from "./helpers";

describe("LeavePOut", () => {
  it("matches scikit-learn's LeavePOut: C(n, p) splits in lexicographic order", () => {
    // /usr/bin/python3, sklearn 1.2.1: for tr, te in LeavePOut(p).split(np.zeros(n)): print(te)
    expect([...new LeavePOut(2).split(4)].map(asArrays)).toEqual([
      { val: [0, 1], train: [2, 3] },
      { val: [0, 2], train: [1, 3] },
      { val: [0, 3], train: [1, 2] },
      { val: [1, 2], train: [0, 3] },
      { val: [1, 3], train: [0, 2] },
      { val: [2, 3], train: [0, 1] },
    ]);
    expect(vals(new LeavePOut(3).split(5))).toEqual([
      [0, 1, 2],
      [0, 1, 3],
      [0, 1, 4],
      [0, 2, 3],
      [0, 2, 4],
      [0, 3, 4],
      [1, 2, 3],
      [1, 2, 4],
      [1, 3, 4],
      [2, 3, 4],
    ]);
  });

  it("enumerates C(n, p) distinct splits, each validation set after the previous one", () => {
    // C(8, 3) = 56, C(10, 1) = 10, C(9, 4) = 126, C(6, 5) = 6
    for (const [n, p, count] of [
      [8, 3, 56],
      [10, 1, 10],
      [9, 4, 126],
      [6, 5, 6],
    ]) {
      const splits = [...new LeavePOut(p).split(n)];
      expect(splits).toHaveLength(count);
      expect(new LeavePOut(p).getNSplits(n)).toBe(count);
      expectValidSplits(splits, n);
      const keys = splits.map((s) => Array.from(s.val, (j) => String(j).padStart(2, "0")).join());
      expect(
        keys.every((key, i) => i === 0 || keys[i - 1] < key),
        "strictly increasing",
      ).toBe(true);
      expect(splits.every((s) => s.val.length === p)).toBe(true);
    }
    expect(vals(new LeavePOut(1).split(6))).toEqual(vals(new LeaveOneOut().split(6)));
    // scikit-learn: LeavePOut(3).get_n_splits(np.zeros(100)) = 161700
    expect(new LeavePOut(3).getNSplits(100)).toBe(161700);
  });

  it("refuses more than maxSplits splits unless asked, naming the count", () => {
    expect(() => new LeavePOut(3).split(100)).toThrow(
      "LeavePOut(3): 161,700 splits for n = 100 exceed maxSplits = 100,000; pass { maxSplits: Infinity } to enumerate them anyway",
    );
    expect(() => new LeavePOut(2, { maxSplits: 1000 }).split(50)).toThrow(
      "LeavePOut(2): 1,225 splits for n = 50 exceed maxSplits = 1,000",
    );
    expect([...new LeavePOut(2, { maxSplits: Infinity }).split(50)]).toHaveLength(1225);
  });

  it("needs 1 ≤ p < n", () => {
    expect(() => new LeavePOut(0)).toThrow("LeavePOut: p must be an integer ≥ 1, got 0");
    expect(() => new LeavePOut(3).split(3)).toThrow(
      "LeavePOut(3): p must be less than the number of samples (one left to train on), got n = 3",
    );
    expect(() => new LeavePOut(2, { maxSplits: 0 })).toThrow(
      "LeavePOut(2): maxSplits must be an integer ≥ 1 or Infinity, got 0",
    );
  });
});
