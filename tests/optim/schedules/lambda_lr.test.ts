import { describe, expect, it } from "vitest";
import { LambdaLR } from "../../../src/optim/schedules/lambda_lr";
import { expectClose } from "../../helpers/close";
import { expectLrs, trajectory, withLrs } from "./helpers";

describe("LambdaLR", () => {
  it("multiplies α₀ by f(t) for 10 epochs, by step() and by lrAt", () => {
    // f(t) = min(1, (t + 1)/4) (a linear warm-up) then 0.5^(t − 5) from t = 6; α₀ = 0.4:
    // 0.4·(1/4, 2/4, 3/4, 1, 1, 1, 0.5, 0.25, 0.125, 0.0625, 0.03125)
    const f = (t: number) => (t <= 5 ? Math.min(1, (t + 1) / 4) : 0.5 ** (t - 5));
    const formula = [0.1, 0.2, 0.3, 0.4, 0.4, 0.4, 0.2, 0.1, 0.05, 0.025, 0.0125];
    const opt = withLrs(0.4);
    const sched = new LambdaLR(opt, f);
    expectClose(opt.paramGroups[0].lr, 0.1); // α₀·f(0): building applies epoch 0
    expectLrs(
      formula.map((_, t) => sched.lrAt(t)),
      formula,
      1e-15,
    );
    expectLrs(trajectory(sched, 10), formula, 1e-15);
  });

  it("takes one function per parameter group", () => {
    // group 0: 0.1·0.5^t; group 1: 0.01·(1 + t)
    const opt = withLrs(0.1, 0.01);
    const sched = new LambdaLR(opt, [(t) => 0.5 ** t, (t) => 1 + t]);
    sched.step();
    sched.step();
    expectLrs(sched.getLastLr(), [0.025, 0.03]);
  });

  it("refuses the wrong number of functions, a non-function, and a bad factor", () => {
    const opt = withLrs(0.1, 0.01);
    expect(() => new LambdaLR(opt, [(t) => t + 1])).toThrow(
      "LambdaLR: got 1 lrLambda functions for 2 parameter groups; pass one function, or one per group",
    );
    expect(() => new LambdaLR(opt, 0.5 as unknown as (t: number) => number)).toThrow(
      "LambdaLR: lrLambda[0] must be a function (t) => factor, got number",
    );
    const sched = new LambdaLR(withLrs(0.1), (t) => (t < 2 ? 1 : NaN));
    expect(() => sched.lrAt(3)).toThrow(
      "LambdaLR: lrLambda(3) must return a finite factor ≥ 0 of the initial lr, got NaN",
    );
    expect(() => new LambdaLR(withLrs(0.1), () => -1)).toThrow("got -1");
  });
});
