import { describe, expect, it } from "vitest";
import { LeaveOneOut } from "../../../src/data/split/leave_one_out";
import { KFold } from "../../../src/data/split/k_fold";
import { asArrays, expectFoldsPartition } from "./helpers";

describe("LeaveOneOut", () => {
  it("yields n splits, each validating on one sample: the folds of KFold(n)", () => {
    const splits = [...new LeaveOneOut().split(4)];
    expect(splits.map(asArrays)).toEqual([
      { train: [1, 2, 3], val: [0] },
      { train: [0, 2, 3], val: [1] },
      { train: [0, 1, 3], val: [2] },
      { train: [0, 1, 2], val: [3] },
    ]);
    expectFoldsPartition(splits, 4);
    expect(splits.map(asArrays)).toEqual([...new KFold(4).split(4)].map(asArrays));
    expect(new LeaveOneOut().getNSplits(37)).toBe(37);
    expect([...new LeaveOneOut().split(37)]).toHaveLength(37);
  });

  it("needs two samples", () => {
    expect(() => new LeaveOneOut().split(1)).toThrow(
      "LeaveOneOut: needs at least 2 samples (one to train on), got 1",
    );
  });
});
