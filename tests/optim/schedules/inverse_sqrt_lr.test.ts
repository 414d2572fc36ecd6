import { describe, expect, it } from "vitest";
import { InverseSqrtLR } from "../../../src/optim/schedules/inverse_sqrt_lr";
import { expectClose } from "../../helpers/close";
import { expectLrs, trajectory, withLrs } from "./helpers";

describe("InverseSqrtLR", () => {
  it("follows lecture 001's k/√epoch·α₀ for 10 epochs, epoch 0 taking epoch 1's value", () => {
    // α₀ = 0.1, k = 1: 0.1/√max(t, 1) = 0.1, 0.1, 0.1/√2 = 0.0707, 0.1/√3 = 0.0577, 0.1/2,
    // 0.1/√5, 0.1/√6, 0.1/√7, 0.1/√8, 0.1/3, 0.1/√10
    const formula = [
      0.1,
      0.1,
      0.07071067811865475,
      0.05773502691896258,
      0.05,
      0.044721359549995794,
      0.040824829046386304,
      0.03779644730092272,
      0.035355339059327376,
      0.1 / 3,
      0.03162277660168379,
    ];
    const sched = new InverseSqrtLR(withLrs(0.1));
    expectLrs(
      formula.map((_, t) => sched.lrAt(t)),
      formula,
      1e-15,
    );
    expectLrs(trajectory(sched, 10), formula, 1e-15);
  });

  it("with k ≠ 1 the constructor already sets kα₀", () => {
    // k = 2, α₀ = 0.1: epochs 0 and 1 run at 0.2, epoch 4 at 0.2/√4 = 0.1
    const opt = withLrs(0.1);
    const sched = new InverseSqrtLR(opt, 2);
    expectClose(opt.paramGroups[0].lr, 0.2);
    expect(sched.baseLrs).toEqual([0.1]);
    expectLrs(trajectory(sched, 4), [0.2, 0.2, 0.2 / Math.SQRT2, 0.2 / Math.sqrt(3), 0.1]);
  });

  it("refuses k ≤ 0", () => {
    expect(() => new InverseSqrtLR(withLrs(0.1), 0)).toThrow(
      "InverseSqrtLR: k must be a finite number > 0, got 0",
    );
  });
});
