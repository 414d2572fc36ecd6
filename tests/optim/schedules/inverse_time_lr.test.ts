import { describe, expect, it } from "vitest";
import { InverseTimeLR } from "../../../src/optim/schedules/inverse_time_lr";
import { expectLrs, trajectory, withLrs } from "./helpers";

describe("InverseTimeLR", () => {
  it("follows lecture 001's α₀/(1 + decayRate·epoch) for 10 epochs, by step() and by lrAt", () => {
    // α₀ = 0.2, decayRate = 1: 0.2/(1 + t) = 0.2, 0.1, 0.0667, 0.05, 0.04, 0.0333, 0.0286,
    // 0.025, 0.0222, 0.02, 0.0182
    const formula = [
      0.2,
      0.1,
      0.2 / 3,
      0.05,
      0.04,
      0.2 / 6,
      0.2 / 7,
      0.025,
      0.2 / 9,
      0.02,
      0.2 / 11,
    ];
    const sched = new InverseTimeLR(withLrs(0.2), 1);
    expectLrs(
      formula.map((_, t) => sched.lrAt(t)),
      formula,
      1e-15,
    );
    expectLrs(trajectory(sched, 10), formula, 1e-15);
  });

  it("follows lecture 003's α₀/(1 + kt) with k = 0.5", () => {
    // α₀ = 0.1: 0.1/(1 + 0.5t) = 0.1, 0.1/1.5, 0.1/2, 0.1/2.5, …, 0.1/6
    const formula = Array.from({ length: 11 }, (_, t) => 0.1 / (1 + 0.5 * t));
    expectLrs(formula.slice(0, 3), [0.1, 0.06666666666666667, 0.05], 1e-15);
    expectLrs(trajectory(new InverseTimeLR(withLrs(0.1), 0.5), 10), formula, 1e-15);
  });

  it("refuses a negative decay rate", () => {
    expect(() => new InverseTimeLR(withLrs(0.1), -1)).toThrow(
      "InverseTimeLR: decayRate must be ≥ 0, got -1",
    );
  });
});
