import { describe, expect, it } from "vitest";
import { tensor } from "../../../src";
import {
  ReduceLROnPlateau,
  type ReduceLROnPlateauOptions,
} from "../../../src/optim/schedules/reduce_lr_on_plateau";
import { expectLrs, withLrs } from "./helpers";

interface Run {
  lrs: number[][];
  bad: number[];
  cool: number[];
  best: number[];
}

/** Steps a fresh scheduler through `metrics`, recording the lrs and counters after each step. */
function run(metrics: number[], options: Partial<ReduceLROnPlateauOptions>, lrs = [0.1]): Run {
  const opt = withLrs(...lrs);
  const sched = new ReduceLROnPlateau(opt, options);
  const out: Run = { lrs: lrs.map(() => []), bad: [], cool: [], best: [] };
  for (const m of metrics) {
    opt.step();
    sched.step(m);
    opt.paramGroups.forEach((g, i) => out.lrs[i].push(g.lr));
    out.bad.push(sched.numBadEpochs);
    out.cool.push(sched.cooldownCounter);
    out.best.push(sched.best);
  }
  return out;
}

describe("ReduceLROnPlateau", () => {
  it("reduces after more than `patience` bad epochs and resets the count", () => {
    // min, rel, θ = 1e-4, patience 2, factor 0.5. Bad epochs: 0.95 ≥ 0.9·(1 − 1e-4) three
    // times → counts 1, 2, 3 > 2 → lr 0.1·0.5 = 0.05, count back to 0.
    const r = run([1.0, 0.9, 0.95, 0.95, 0.95, 0.8], { patience: 2, factor: 0.5 });
    expect(r.bad).toEqual([0, 0, 1, 2, 0, 0]);
    expectLrs(r.lrs[0], [0.1, 0.1, 0.1, 0.1, 0.05, 0.05]);
    expectLrs(r.best, [1.0, 0.9, 0.9, 0.9, 0.9, 0.8]);
  });

  it("ignores bad epochs during cooldown", () => {
    // patience 1, cooldown 2, a flat metric: epoch 2 reduces (count 2 > 1) and starts a
    // cooldown of 2; epochs 3 and 4 tick it down to 0 and their bad epochs are dropped;
    // epochs 5 and 6 count 1, 2 → reduce again at epoch 6.
    const r = run(Array(8).fill(1.0), { patience: 1, factor: 0.5, cooldown: 2 });
    expect(r.cool).toEqual([0, 0, 2, 1, 0, 0, 2, 1]);
    expect(r.bad).toEqual([0, 1, 0, 0, 0, 1, 0, 0]);
    expectLrs(r.lrs[0], [0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025]);
  });

  it("counts only improvements beyond the threshold, relative or absolute", () => {
    const metrics = [1.0, 0.96, 0.93, 0.9, 0.89, 0.88];
    // abs, θ = 0.05: 0.96 ≥ 1 − 0.05 bad; 0.93 < 0.95 better; 0.9, 0.89 ≥ 0.88 bad;
    // 0.88 ≥ 0.88 bad
    const abs = run(metrics, { patience: 1, factor: 0.5, threshold: 0.05, thresholdMode: "abs" });
    expectLrs(abs.best, [1, 1, 0.93, 0.93, 0.93, 0.93]);
    // rel, θ = 0.05: after 0.93, better means < 0.93·0.95 = 0.8835, so 0.88 is better
    const rel = run(metrics, { patience: 1, factor: 0.5, threshold: 0.05 });
    expectLrs(rel.best, [1, 1, 0.93, 0.93, 0.93, 0.88]);
  });

  it("accepts a one-element tensor as the metric", () => {
    const sched = new ReduceLROnPlateau(withLrs(0.1), { patience: 0 });
    sched.step(tensor([2]));
    expect(sched.best).toBe(2);
  });

  it("leaves the optimizer's lr as given until the first reduction", () => {
    const opt = withLrs(0.1, 0.01);
    const sched = new ReduceLROnPlateau(opt);
    expectLrs(sched.getLastLr(), [0.1, 0.01]);
    expect(sched.lastEpoch).toBe(0);
    expect(sched.best).toBe(Infinity);
    expect(new ReduceLROnPlateau(opt, { mode: "max" }).best).toBe(-Infinity);
  });

  describe("matches torch.optim.lr_scheduler.ReduceLROnPlateau", () => {
    // torch 1.13 (Debian python3-torch), for each case:
    //   opt = SGD([{"params": [p_i], "lr": lr_i} ...]); s = ReduceLROnPlateau(opt, **options)
    //   for m in metrics: opt.step(); s.step(m); record each group's lr, s.num_bad_epochs,
    //   s.cooldown_counter, s.best
    const e2 = 0.010000000000000002;
    const e3 = 0.0010000000000000002;
    const e4 = 0.00010000000000000003;
    const cases: {
      name: string;
      options: Partial<ReduceLROnPlateauOptions>;
      lrs?: number[];
      metrics: number[];
      torch: Partial<Run> & { lrs: number[][] };
    }[] = [
      {
        name: "min, rel, patience 2, factor 0.5",
        options: { patience: 2, factor: 0.5 },
        metrics: [1.0, 0.9, 0.95, 0.95, 0.95, 0.8, 0.85, 0.85, 0.85, 0.85, 0.7, 0.7],
        torch: {
          lrs: [[0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.025]],
          bad: [0, 0, 1, 2, 0, 0, 1, 2, 0, 1, 0, 1],
          best: [1.0, 0.9, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 0.7, 0.7],
        },
      },
      {
        name: "cooldown 2, patience 1, flat metric",
        options: { patience: 1, factor: 0.5, cooldown: 2 },
        metrics: Array(12).fill(1.0),
        torch: {
          lrs: [[0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.025, 0.0125, 0.0125]],
          bad: [0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0],
          cool: [0, 0, 2, 1, 0, 0, 2, 1, 0, 0, 2, 1],
        },
      },
      {
        name: "min, abs threshold 0.05",
        options: { patience: 1, factor: 0.5, threshold: 0.05, thresholdMode: "abs" },
        metrics: [1.0, 0.96, 0.93, 0.9, 0.89, 0.88, 0.87, 0.8, 0.79, 0.78, 0.77, 0.76],
        torch: {
          lrs: [[0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.0125]],
          bad: [0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0],
          best: [1.0, 1.0, 0.93, 0.93, 0.93, 0.93, 0.87, 0.8, 0.8, 0.8, 0.8, 0.8],
        },
      },
      {
        name: "min, rel threshold 0.05",
        options: { patience: 1, factor: 0.5, threshold: 0.05 },
        metrics: [1.0, 0.96, 0.93, 0.9, 0.89, 0.88, 0.87, 0.8, 0.79, 0.78, 0.77, 0.76],
        torch: {
          lrs: [[0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.0125]],
          bad: [0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0],
          best: [1.0, 1.0, 0.93, 0.93, 0.93, 0.88, 0.88, 0.8, 0.8, 0.8, 0.8, 0.8],
        },
      },
      {
        name: "max mode (an accuracy), factor 0.1",
        options: { mode: "max", patience: 1, factor: 0.1 },
        metrics: [0.5, 0.6, 0.6, 0.61, 0.7, 0.7, 0.7, 0.7, 0.72, 0.75, 0.75, 0.75],
        torch: {
          lrs: [[0.1, 0.1, 0.1, 0.1, 0.1, 0.1, e2, e2, e2, e2, e2, e3]],
          bad: [0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0],
          best: [0.5, 0.6, 0.6, 0.61, 0.7, 0.7, 0.7, 0.7, 0.72, 0.75, 0.75, 0.75],
        },
      },
      {
        name: "max mode, rel threshold 0.1: better means > best·1.1",
        options: { mode: "max", patience: 1, factor: 0.5, threshold: 0.1 },
        metrics: [0.5, 0.54, 0.56, 0.6, 0.62, 0.66, 0.7, 0.71, 0.72, 0.8],
        torch: {
          lrs: [[0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05]],
          bad: [0, 1, 0, 1, 0, 1, 0, 1, 0, 0],
          best: [0.5, 0.5, 0.56, 0.56, 0.62, 0.62, 0.7, 0.7, 0.7, 0.8],
        },
      },
      {
        name: "max mode, abs threshold 0.05, cooldown 1",
        options: {
          mode: "max",
          patience: 1,
          factor: 0.1,
          threshold: 0.05,
          thresholdMode: "abs",
          cooldown: 1,
        },
        metrics: [0.5, 0.6, 0.6, 0.61, 0.7, 0.7, 0.7, 0.7, 0.72, 0.75, 0.75, 0.75],
        torch: {
          lrs: [[0.1, 0.1, 0.1, e2, e2, e2, e3, e3, e3, e4, e4, e4]],
          bad: [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1],
          cool: [0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0],
          best: [0.5, 0.6, 0.6, 0.6, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7],
        },
      },
      {
        name: "minLr 0.01, patience 0",
        options: { patience: 0, factor: 0.5, minLr: 0.01 },
        metrics: Array(10).fill(1.0),
        torch: { lrs: [[0.1, 0.05, 0.025, 0.0125, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01]] },
      },
      {
        name: "eps 0.02: a reduction of 0.0125 is skipped",
        options: { patience: 0, factor: 0.5, eps: 0.02 },
        metrics: Array(8).fill(1.0),
        torch: { lrs: [[0.1, 0.05, 0.025, 0.025, 0.025, 0.025, 0.025, 0.025]] },
      },
      {
        name: "two groups, one minLr each",
        options: { patience: 0, factor: 0.5, minLr: [0.02, 0.001] },
        lrs: [0.1, 0.01],
        metrics: Array(8).fill(1.0),
        torch: {
          lrs: [
            [0.1, 0.05, 0.025, 0.02, 0.02, 0.02, 0.02, 0.02],
            [0.01, 0.005, 0.0025, 0.00125, 0.001, 0.001, 0.001, 0.001],
          ],
        },
      },
      {
        name: "default patience 10",
        options: {},
        metrics: [1.0, 2.0, 2.0, 2.0, 2.0, 2.0],
        torch: { lrs: [Array(6).fill(0.1)], bad: [0, 1, 2, 3, 4, 5] },
      },
      {
        // PyTorch's quirk: "rel" with a negative best compares with best·(1 − θ) > best, so
        // −1.1 after −1.2 counts as better (use "abs" for metrics that can be negative).
        name: "rel mode with negative metrics",
        options: { patience: 1, factor: 0.5, threshold: 0.1 },
        metrics: [-1.0, -1.05, -1.2, -1.1, -1.1, -1.1, -1.1],
        torch: {
          lrs: [Array(7).fill(0.1)],
          bad: [0, 0, 0, 0, 0, 0, 0],
          best: [-1.0, -1.05, -1.2, -1.1, -1.1, -1.1, -1.1],
        },
      },
      {
        name: "NaN metrics count as bad epochs",
        options: { patience: 1, factor: 0.5 },
        metrics: [NaN, 1.0, NaN, NaN, 0.5],
        torch: {
          lrs: [[0.1, 0.1, 0.1, 0.05, 0.05]],
          bad: [1, 0, 1, 0, 0],
          best: [Infinity, 1.0, 1.0, 1.0, 0.5],
        },
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const r = run(c.metrics, c.options, c.lrs);
        c.torch.lrs.forEach((want, i) => expectLrs(r.lrs[i], want, 1e-15));
        if (c.torch.bad) expect(r.bad).toEqual(c.torch.bad);
        if (c.torch.cool) expect(r.cool).toEqual(c.torch.cool);
        if (c.torch.best) expect(r.best).toEqual(c.torch.best);
      });
    }
  });

  it("a state dict survives JSON, ±∞ included, and the restored scheduler continues identically", () => {
    const metrics = [1.0, 0.9, 0.95, 0.95, 0.95, 0.8, 0.85, 0.85, 0.85, 0.85];
    const options = { patience: 1, factor: 0.5, cooldown: 1 };
    const opt = withLrs(0.1);
    const sched = new ReduceLROnPlateau(opt, options);
    const fresh = JSON.parse(JSON.stringify(sched.stateDict()));
    expect(fresh.best).toBeNull();
    for (const m of metrics.slice(0, 4)) sched.step(m);
    const saved = JSON.parse(JSON.stringify(sched.stateDict()));
    expect(saved).toEqual({
      lastEpoch: 4,
      best: 0.9,
      numBadEpochs: 0,
      cooldownCounter: 1,
      lastLr: [0.05],
    });

    const opt2 = withLrs(0.05); // the optimizer's own state restores its lr
    const sched2 = new ReduceLROnPlateau(opt2, options);
    sched2.loadStateDict(saved);
    for (const m of metrics.slice(4)) {
      sched.step(m);
      sched2.step(m);
      expect(sched2.stateDict()).toEqual(sched.stateDict());
    }
    const reset = new ReduceLROnPlateau(withLrs(0.1), options);
    reset.loadStateDict(fresh);
    expect(reset.best).toBe(Infinity);
  });

  it("loadStateDict refuses a state saved for another number of groups", () => {
    const sched = new ReduceLROnPlateau(withLrs(0.1));
    const saved = { lastEpoch: 1, best: 1, numBadEpochs: 0, cooldownCounter: 0, lastLr: [1, 2] };
    expect(() => sched.loadStateDict(saved)).toThrow(
      "ReduceLROnPlateau.loadStateDict: expected 1 parameter groups, got 2",
    );
  });

  it("refuses bad options with the expected range and the value", () => {
    const opt = withLrs(0.1, 0.01);
    const bad = (options: object) => () =>
      new ReduceLROnPlateau(opt, options as Partial<ReduceLROnPlateauOptions>);
    expect(bad({ mode: "mn" })).toThrow('ReduceLROnPlateau: mode must be "min" or "max", got "mn"');
    expect(bad({ factor: 1 })).toThrow("ReduceLROnPlateau: factor must be in [0, 1), got 1");
    expect(bad({ factor: -0.5 })).toThrow("got -0.5");
    expect(bad({ patience: 1.5 })).toThrow(
      "ReduceLROnPlateau: patience must be an integer ≥ 0, got 1.5",
    );
    expect(bad({ threshold: -1 })).toThrow("ReduceLROnPlateau: threshold must be ≥ 0, got -1");
    expect(bad({ thresholdMode: "relative" })).toThrow(
      'ReduceLROnPlateau: thresholdMode must be "rel" or "abs", got "relative"',
    );
    expect(bad({ cooldown: -1 })).toThrow(
      "ReduceLROnPlateau: cooldown must be an integer ≥ 0, got -1",
    );
    expect(bad({ minLr: -1 })).toThrow("ReduceLROnPlateau: minLr must be ≥ 0, got -1");
    expect(bad({ minLr: [0, -1] })).toThrow("ReduceLROnPlateau: minLr[1] must be ≥ 0, got -1");
    expect(bad({ minLr: [0.1] })).toThrow(
      "ReduceLROnPlateau: got 1 minLr values for 2 parameter groups; pass one number, or one per group",
    );
    expect(bad({ eps: -1 })).toThrow("ReduceLROnPlateau: eps must be ≥ 0, got -1");
  });
});
