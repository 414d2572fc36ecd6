import { describe, expect, it } from "vitest";
import { HoldOut } from "../../../src/data/split/hold_out";
import { trainTestSplit } from "../../../src/data/split/train_test_split";
import { asArrays, expectValidSplits } from "./helpers";

describe("HoldOut", () => {
  it("yields one split, sized as trainTestSplit (val 25 % by default)", () => {
    const splits = [...new HoldOut({ seed: 0 }).split(10)];
    expect(splits).toHaveLength(1);
    expect([splits[0].train.length, splits[0].val.length]).toEqual([7, 3]);
    expectValidSplits(splits, 10);
    const twenty = [...new HoldOut({ valSize: 0.2, seed: 3 }).split(100)][0];
    const tts = trainTestSplit(100, { testSize: 0.2, seed: 3 });
    expect(asArrays(twenty)).toEqual({ train: Array.from(tts.train), val: Array.from(tts.test) });
    expect(new HoldOut().getNSplits(10)).toBe(1);
    expect(new HoldOut().nSplits).toBe(1);
  });

  it("without shuffling validates on the last rows; with stratify keeps class ratios", () => {
    expect(asArrays([...new HoldOut({ valSize: 2, shuffle: false }).split(6)][0])).toEqual({
      train: [0, 1, 2, 3],
      val: [4, 5],
    });
    const y = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
    const { val } = [...new HoldOut({ valSize: 0.5, stratify: true, seed: 0 }).split(y)][0];
    expect(Array.from(val, (i) => y[i]).sort()).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it("same seed → same split on every call", () => {
    const h = new HoldOut({ seed: 1 });
    expect([...h.split(20)].map(asArrays)).toEqual([...h.split(20)].map(asArrays));
  });

  it("names valSize in its errors", () => {
    expect(() => new HoldOut({ valSize: 2.5 })).toThrow(
      "HoldOut: valSize must be a fraction in (0, 1) or a count ≥ 1, got 2.5",
    );
    expect(() => new HoldOut({ valSize: 8 }).split(8)).toThrow(
      "HoldOut: valSize = 8 samples leaves none of the n = 8 for the other part",
    );
    expect(() => new HoldOut({ shuffle: false, seed: 0 })).toThrow(
      "HoldOut: seed = 0 has no effect without shuffling",
    );
  });
});
