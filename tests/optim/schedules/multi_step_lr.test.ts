import { describe, expect, it } from "vitest";
import { MultiStepLR } from "../../../src/optim/schedules/multi_step_lr";
import { expectLrs, trajectory, withLrs } from "./helpers";

describe("MultiStepLR", () => {
  // α_t = α₀·γ^|{mᵢ ≤ t}| with α₀ = 0.1, milestones [3, 6], γ = 0.5:
  // t = 0…2 → 0.1; t = 3…5 → 0.1·0.5 = 0.05; t ≥ 6 → 0.1·0.5² = 0.025
  const formula = [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.025, 0.025];

  it("drops at each milestone for 10 epochs, by step() and by lrAt", () => {
    const sched = new MultiStepLR(withLrs(0.1), [3, 6], { gamma: 0.5 });
    expectLrs(
      formula.map((_, t) => sched.lrAt(t)),
      formula,
      1e-15,
    );
    expectLrs(trajectory(sched, 10), formula, 1e-15);
  });

  it("matches torch.optim.lr_scheduler.MultiStepLR", () => {
    // torch 1.13 (Debian python3-torch): opt = SGD([p], lr=0.1); s = MultiStepLR(opt, [2, 5, 9],
    // gamma=0.1); lr before, and after each of 12 `opt.step(); s.step()`.
    const e2 = 0.010000000000000002;
    const e3 = 0.0010000000000000002;
    const e4 = 0.00010000000000000003;
    const torch = [0.1, 0.1, e2, e2, e2, e3, e3, e3, e3, e4, e4, e4, e4];
    const sched = new MultiStepLR(withLrs(0.1), [2, 5, 9], { gamma: 0.1 });
    expectLrs(trajectory(sched, 12), torch, 1e-15);
  });

  it("with no milestones keeps the rate constant", () => {
    expectLrs(trajectory(new MultiStepLR(withLrs(0.1), []), 3), [0.1, 0.1, 0.1, 0.1]);
  });

  it("refuses milestones that are not increasing positive integers, and γ outside (0, 1]", () => {
    const opt = withLrs(0.1);
    expect(() => new MultiStepLR(opt, [30, 10])).toThrow(
      "MultiStepLR: milestones must be strictly increasing, got [30, 10]",
    );
    expect(() => new MultiStepLR(opt, [10, 10])).toThrow("strictly increasing");
    expect(() => new MultiStepLR(opt, [0, 10])).toThrow(
      "MultiStepLR: milestones[0] must be a positive integer, got 0",
    );
    expect(() => new MultiStepLR(opt, [1.5])).toThrow("got 1.5");
    expect(() => new MultiStepLR(opt, [3], { gamma: 2 })).toThrow(
      "MultiStepLR: gamma must be in (0, 1], got 2",
    );
  });
});
