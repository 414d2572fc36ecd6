import { describe, expect, it } from "vitest";
import { ExponentialDecayLR } from "../../../src/optim/schedules/exponential_decay_lr";
import { ExponentialLR } from "../../../src/optim/schedules/exponential_lr";
import { expectClose } from "../../helpers/close";
import { expectLrs, trajectory, withLrs } from "./helpers";

describe("ExponentialDecayLR", () => {
  // Lecture 003: α_t = α₀·e^{−kt} with α₀ = 1, k = 0.1: e^0 = 1, e^−0.1 = 0.904837418…,
  // e^−0.2 = 0.818730753…, …, e^−1 = 0.367879441…
  const formula = [
    1, 0.9048374180359595, 0.8187307530779818, 0.7408182206817179, 0.6703200460356393,
    0.6065306597126334, 0.5488116360940264, 0.49658530379140947, 0.44932896411722156,
    0.4065696597405991, 0.36787944117144233,
  ];

  it("follows lecture 003's α₀e^{−kt} for 10 epochs, by step() and by lrAt", () => {
    const sched = new ExponentialDecayLR(withLrs(1), 0.1);
    expectLrs(
      formula.map((_, t) => sched.lrAt(t)),
      formula,
      1e-15,
    );
    expectLrs(trajectory(sched, 10), formula, 1e-15);
  });

  it("k = −ln 0.95 is lecture 001's 0.95^epoch (ExponentialLR with γ = e^{−k})", () => {
    const k = -Math.log(0.95);
    const decay = new ExponentialDecayLR(withLrs(0.1), k);
    const exponential = new ExponentialLR(withLrs(0.1), 0.95);
    for (let t = 0; t <= 20; t++) expectClose(decay.lrAt(t), exponential.lrAt(t), 1e-15);
  });

  it("k = 0 keeps the rate constant", () => {
    expectLrs(trajectory(new ExponentialDecayLR(withLrs(0.1), 0), 3), [0.1, 0.1, 0.1, 0.1]);
  });

  it("refuses a negative or infinite k", () => {
    expect(() => new ExponentialDecayLR(withLrs(0.1), -0.1)).toThrow(
      "ExponentialDecayLR: k must be ≥ 0, got -0.1",
    );
    expect(() => new ExponentialDecayLR(withLrs(0.1), Infinity)).toThrow("got Infinity");
  });
});
