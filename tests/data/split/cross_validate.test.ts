import { describe, expect, it } from "vitest";
import { crossValidate } from "../../../src/data/split/cross_validate";
import { KFold } from "../../../src/data/split/k_fold";
import { MonteCarloCV } from "../../../src/data/split/monte_carlo_cv";
import { defaultGenerator, manualSeed } from "../../../src/tensor/random";
import { tensor } from "../../../src/tensor/creation";

describe("crossValidate", () => {
  it("runs one fold per split and averages each metric, std with ddof = 1 (correction 0 on request)", async () => {
    // metric = first validation index: folds of KFold(4) on n = 8 start at 0, 2, 4, 6
    // mean 3; Σ(x − 3)² = 9 + 1 + 1 + 9 = 20; std = √(20/3) = 2.581988897…, ddof 0: √5
    const score = ({ val }: { val: Int32Array }) => ({ first: val[0], size: val.length });
    const cv = await crossValidate(score, new KFold(4), 8);
    expect(cv.folds.map((f) => f.metrics.first)).toEqual([0, 2, 4, 6]);
    expect(cv.mean).toEqual({ first: 3, size: 2 });
    expect(cv.std.first).toBeCloseTo(Math.sqrt(20 / 3), 15);
    expect(cv.std.size).toBe(0);
    expect(cv.count).toEqual({ first: 4, size: 4 });
    expect([cv.nSucceeded, cv.nFailed, cv.correction]).toEqual([4, 0, 1]);
    const ddof0 = await crossValidate(score, new KFold(4), 8, { correction: 0 });
    expect(ddof0.std.first).toBeCloseTo(Math.sqrt(5), 15);
  });

  it("records what a fold widget needs: which index was where, per fold, and its time", async () => {
    const cv = await crossValidate(() => ({ loss: 1 }), new KFold(2), 5);
    expect(cv.splits.map((s) => Array.from(s.val))).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    expect(cv.folds.map((f) => [f.fold, Array.from(f.train), Array.from(f.val)])).toEqual([
      [0, [3, 4], [0, 1, 2]],
      [1, [0, 1, 2], [3, 4]],
    ]);
    expect(cv.folds.every((f) => f.durationMs >= 0 && f.error === undefined)).toBe(true);
  });

  it("keeps a failing fold's error and goes on; mean and std cover the folds that worked", async () => {
    const seen: number[] = [];
    const cv = await crossValidate(
      async ({ fold }) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (fold === 1) throw new Error("diverged");
        return { acc: fold / 10 };
      },
      new KFold(3),
      9,
      { onFold: (f) => seen.push(f.fold) },
    );
    expect(seen).toEqual([0, 1, 2]);
    expect(cv.folds[1].error?.message).toBe("diverged");
    expect(cv.folds[1].metrics).toEqual({});
    expect([cv.nSucceeded, cv.nFailed, cv.count.acc]).toEqual([2, 1, 2]);
    expect(cv.mean.acc).toBeCloseTo(0.1, 15); // (0 + 0.2) / 2
    expect(cv.std.acc).toBeCloseTo(Math.sqrt(0.02), 15); // √(((−0.1)² + 0.1²) / 1)
  });

  it("turns a metric that is not a number into that fold's error", async () => {
    const cv = await crossValidate(
      ({ fold }) => (fold === 0 ? { loss: tensor([0.5]) as unknown as number } : { loss: 0.5 }),
      new KFold(2),
      4,
    );
    expect(cv.folds[0].error?.message).toBe(
      'crossValidate: fold 0 metric "loss" must be a number, got a Tensor [1]; use .item()',
    );
    expect(cv.mean.loss).toBe(0.5);
    expect(Number.isNaN(cv.std.loss)).toBe(true); // one fold, ddof = 1
  });

  it("with a seed, every fold starts from manualSeed(seed); the splits are drawn before any fold", async () => {
    manualSeed(123);
    const cv = await crossValidate(
      () => ({ u: defaultGenerator.random() }),
      new MonteCarloCV(3, { valSize: 2 }),
      10,
      { seed: 5 },
    );
    const u = cv.folds.map((f) => f.metrics.u);
    expect(u[1]).toBe(u[0]);
    expect(u[2]).toBe(u[0]);
    manualSeed(123);
    const again = [...new MonteCarloCV(3, { valSize: 2 }).split(10)];
    expect(cv.splits).toEqual(again); // drawn from the default generator, before the folds reset it
  });

  it("refuses impossible splits before training anything", async () => {
    let calls = 0;
    await expect(crossValidate(() => ({ a: calls++ }), new KFold(5), 3)).rejects.toThrow(
      "KFold: 5 splits need at least 5 samples, got 3",
    );
    expect(calls).toBe(0);
  });
});
