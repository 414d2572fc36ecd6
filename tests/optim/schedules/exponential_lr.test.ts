import { describe, expect, it } from "vitest";
import { ExponentialLR } from "../../../src/optim/schedules/exponential_lr";
import { expectLrs, trajectory, withLrs } from "./helpers";

describe("ExponentialLR", () => {
  // Lecture 001 eq. (19): α_t = 0.95^t·α₀ with α₀ = 0.1:
  // 0.1, 0.1·0.95 = 0.095, 0.095·0.95 = 0.09025, 0.0857375, 0.081450625, 0.07737809375,
  // 0.0735091890625, 0.069833729609375, 0.06634204312890625, 0.0630249409724609375,
  // 0.059873693923837890625
  const formula = [
    0.1, 0.095, 0.09025, 0.0857375, 0.081450625, 0.07737809375, 0.0735091890625, 0.069833729609375,
    0.06634204312890625, 0.06302494097246093, 0.059873693923837894,
  ];

  it("follows lecture 001's 0.95^epoch·α₀ for 10 epochs, by step() and by lrAt", () => {
    const sched = new ExponentialLR(withLrs(0.1), 0.95);
    expectLrs(
      formula.map((_, t) => sched.lrAt(t)),
      formula,
      1e-15,
    );
    expectLrs(trajectory(sched, 10), formula, 1e-15);
  });

  it("matches torch.optim.lr_scheduler.ExponentialLR", () => {
    // torch 1.13 (Debian python3-torch): opt = SGD([p], lr=0.1); s = ExponentialLR(opt, 0.95);
    // lr before, and after each of 12 `opt.step(); s.step()` (torch multiplies step by step).
    const torch = [
      0.1, 0.095, 0.09025, 0.0857375, 0.08145062499999998, 0.07737809374999999, 0.07350918906249998,
      0.06983372960937498, 0.06634204312890622, 0.0630249409724609, 0.05987369392383786,
      0.05688000922764597, 0.05403600876626367,
    ];
    expectLrs(trajectory(new ExponentialLR(withLrs(0.1), 0.95), 12), torch, 1e-15);
  });

  it("γ = 1 keeps the rate constant", () => {
    expectLrs(trajectory(new ExponentialLR(withLrs(0.1), 1), 3), [0.1, 0.1, 0.1, 0.1]);
  });

  it("refuses γ outside (0, 1]", () => {
    expect(() => new ExponentialLR(withLrs(0.1), 1.5)).toThrow(
      "ExponentialLR: gamma must be in (0, 1], got 1.5",
    );
    expect(() => new ExponentialLR(withLrs(0.1), 0)).toThrow("got 0");
    expect(() => new ExponentialLR(withLrs(0.1), NaN)).toThrow("got NaN");
  });
});
