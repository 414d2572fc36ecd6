import { describe, expect, it } from "vitest";
import { tensor } from "../../../src";
import type { BaseOptions, Optimizer } from "../../../src/optim/optimizer";
import { LRScheduler } from "../../../src/optim/schedules/lr_scheduler";
import { StepLR } from "../../../src/optim/schedules/step_lr";
import { expectClose } from "../../helpers/close";
import { PlainGD, expectLrs, trajectory, withLrs } from "./helpers";

/** A test-local schedule α_t = α₀/2^(t+1), so that even epoch 0 differs from α₀. */
class HalvingLR extends LRScheduler {
  constructor(optimizer: Optimizer<BaseOptions>) {
    super("HalvingLR", optimizer);
    this.initialStep();
  }
  protected closedForm(t: number, alpha0: number): number {
    return alpha0 / 2 ** (t + 1);
  }
}

describe("LRScheduler", () => {
  it("building a schedule sets every group's lr to lrAt(0) and keeps α₀ in baseLrs", () => {
    const opt = withLrs(0.8, 0.08);
    const sched = new HalvingLR(opt);
    expect(sched.baseLrs).toEqual([0.8, 0.08]);
    expect(sched.lastEpoch).toBe(0);
    expectClose(opt.paramGroups[0].lr, 0.4); // 0.8/2
    expectClose(opt.paramGroups[1].lr, 0.04); // 0.08/2
    expectLrs(sched.getLastLr(), [0.4, 0.04]);
  });

  it("each step() moves to the next epoch and applies lrAt to every group", () => {
    const opt = withLrs(0.8, 0.08);
    const sched = new HalvingLR(opt);
    sched.step();
    sched.step();
    expect(sched.lastEpoch).toBe(2);
    expectLrs(sched.getLastLr(), [0.1, 0.01]); // α₀/2³
    expectLrs(
      opt.paramGroups.map((g) => g.lr),
      [0.1, 0.01],
    );
  });

  it("lrAt is pure: it changes neither the optimizer nor lastEpoch", () => {
    const opt = withLrs(0.8);
    const sched = new HalvingLR(opt);
    expectClose(sched.lrAt(3), 0.05); // 0.8/2⁴
    expectClose(sched.lrAt(0), 0.4);
    expect(sched.lastEpoch).toBe(0);
    expect(opt.paramGroups[0].lr).toBe(0.4);
  });

  it("lrAt(t, group) uses that group's α₀", () => {
    const sched = new HalvingLR(withLrs(0.8, 0.08));
    expectClose(sched.lrAt(1, 1), 0.02); // 0.08/2²
  });

  it("getLastLr() returns a copy", () => {
    const sched = new HalvingLR(withLrs(0.8));
    sched.getLastLr()[0] = 123;
    expectLrs(sched.getLastLr(), [0.4]);
  });

  it("the optimizer steps with the scheduled rate: θ ← θ − α_t·g", () => {
    const p = tensor([1], { requiresGrad: true });
    const opt = new PlainGD([p], { lr: 0.8 });
    const sched = new HalvingLR(opt);
    for (let t = 0; t < 3; t++) {
      p.grad = tensor([1]);
      opt.step();
      sched.step();
    }
    // θ = 1 − (0.4 + 0.2 + 0.1)·1 = 0.3
    expectClose(p, [0.3]);
  });

  it("steps per batch: the unit of t is one step() call", () => {
    // 3 batches per epoch, decay by γ = 0.1 every 2 epochs = every 6 step() calls.
    const sched = new StepLR(withLrs(0.1), 2 * 3);
    const lrs = trajectory(sched, 12);
    expectLrs(lrs.slice(0, 6), Array(6).fill(0.1));
    expectLrs(lrs.slice(6, 12), Array(6).fill(0.01));
    expectClose(lrs[12], 0.001);
  });

  it("refuses an epoch that is negative or not a number, and a group that does not exist", () => {
    const sched = new HalvingLR(withLrs(0.8, 0.08));
    expect(() => sched.lrAt(-1)).toThrow(
      "HalvingLR.lrAt: epoch must be a finite number ≥ 0, got -1",
    );
    expect(() => sched.lrAt(NaN)).toThrow("got NaN");
    expect(() => sched.lrAt(0, 2)).toThrow(
      "HalvingLR.lrAt: group must be an integer in [0, 1] (the optimizer has 2 parameter groups), got 2",
    );
  });

  it("a state dict survives JSON and the restored schedule continues where it stopped", () => {
    const opt = withLrs(0.8, 0.08);
    const sched = new HalvingLR(opt);
    for (let i = 0; i < 4; i++) sched.step();
    const saved = JSON.parse(JSON.stringify(sched.stateDict()));
    expect(saved).toEqual({ lastEpoch: 4, baseLrs: [0.8, 0.08], lastLr: [0.025, 0.0025] });

    // Resuming: the optimizer already holds the lr of epoch 4 (restored from its own state).
    const opt2 = withLrs(0.025, 0.0025);
    const sched2 = new HalvingLR(opt2);
    sched2.loadStateDict(saved);
    expect(sched2.lastEpoch).toBe(4);
    expect(sched2.baseLrs).toEqual([0.8, 0.08]);
    expectLrs(sched2.getLastLr(), [0.025, 0.0025]);
    sched.step();
    sched2.step();
    expectLrs(sched2.getLastLr(), sched.getLastLr());
    expectClose(opt2.paramGroups[1].lr, 0.00125); // 0.08/2⁶
  });

  it("loadStateDict leaves the optimizer's lrs alone, as in PyTorch", () => {
    const opt = withLrs(0.8);
    const sched = new HalvingLR(opt);
    sched.loadStateDict({ lastEpoch: 4, baseLrs: [0.8], lastLr: [0.025] });
    expect(opt.paramGroups[0].lr).toBe(0.4);
  });

  it("loadStateDict refuses a state saved for another number of groups", () => {
    const sched = new HalvingLR(withLrs(0.8));
    expect(() =>
      sched.loadStateDict({ lastEpoch: 1, baseLrs: [0.1, 0.2], lastLr: [0.1, 0.2] }),
    ).toThrow("HalvingLR.loadStateDict: expected 1 parameter groups, got 2");
  });
});
