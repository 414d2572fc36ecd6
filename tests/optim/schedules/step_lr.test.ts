import { describe, expect, it } from "vitest";
import { StepLR } from "../../../src/optim/schedules/step_lr";
import { expectLrs, trajectory, withLrs } from "./helpers";

describe("StepLR", () => {
  // α_t = α₀·γ^⌊t/s⌋ with α₀ = 0.1, s = 3, γ = 0.5 (lecture 003: "halve every few epochs"):
  // ⌊t/3⌋ = 0,0,0, 1,1,1, 2,2,2, 3,3,3, 4 → 0.1·0.5^k
  const formula = [
    0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125, 0.0125, 0.0125, 0.00625,
  ];

  it("halves every 3 epochs for 12 epochs, by step() and by lrAt", () => {
    const sched = new StepLR(withLrs(0.1), 3, { gamma: 0.5 });
    expectLrs(
      formula.map((_, t) => sched.lrAt(t)),
      formula,
      1e-15,
    );
    expectLrs(trajectory(sched, 12), formula, 1e-15);
  });

  it("matches torch.optim.lr_scheduler.StepLR", () => {
    // torch 1.13 (Debian python3-torch): opt = SGD([p], lr=0.1); s = StepLR(opt, 3, gamma=0.5)
    // (then StepLR(opt, 2) with the default gamma); lr before, and after each of n
    // `opt.step(); s.step()`, read from opt.param_groups[0]["lr"].
    const torchHalf = [
      0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125, 0.0125, 0.0125, 0.00625,
    ];
    const torchDefault = [
      0.1, 0.1, 0.010000000000000002, 0.010000000000000002, 0.0010000000000000002,
      0.0010000000000000002, 0.00010000000000000003, 0.00010000000000000003, 1.0000000000000004e-5,
      1.0000000000000004e-5, 1.0000000000000004e-6,
    ];
    expectLrs(trajectory(new StepLR(withLrs(0.1), 3, { gamma: 0.5 }), 12), torchHalf, 1e-15);
    expectLrs(trajectory(new StepLR(withLrs(0.1), 2), 10), torchDefault, 1e-15);
  });

  it("defaults to PyTorch's γ = 0.1", () => {
    expect(new StepLR(withLrs(0.1), 5).gamma).toBe(0.1);
  });

  it("refuses a step size that is not a positive integer and γ outside (0, 1]", () => {
    const opt = withLrs(0.1);
    expect(() => new StepLR(opt, 0)).toThrow("StepLR: stepSize must be a positive integer, got 0");
    expect(() => new StepLR(opt, 2.5)).toThrow("got 2.5");
    expect(() => new StepLR(opt, 3, { gamma: 1.5 })).toThrow(
      "StepLR: gamma must be in (0, 1], got 1.5",
    );
    expect(() => new StepLR(opt, 3, { gamma: 0 })).toThrow("got 0");
  });
});
