import { describe, expect, it } from "vitest";
import { randn } from "../../src";
import {
  type Trial,
  Study,
  choice,
  coarseToFine,
  gridSearch,
  hyperband,
  logUniform,
  oneMinusLogUniform,
  randomSearch,
  successiveHalving,
  uniform,
} from "../../src/tune";

/** A bowl in log α with its minimum at α = 10⁻²: (log₁₀ α + 2)². */
const bowl = ({ lr }: { lr: number }) => (Math.log10(lr) + 2) ** 2;

/**
 * A fake training run: "loss" after epoch e is (log₁₀ α + 2)² + 1/(e + 1), reported each
 * epoch up to `trial.budget`; the final value is the last one. Learning curves of different
 * α never cross, so successive halving keeps the truly best.
 */
async function fakeTraining(params: { lr: number }, trial: Trial): Promise<number> {
  let loss = NaN;
  for (let epoch = 0; epoch < (trial.budget ?? 10); epoch++) {
    loss = bowl(params) + 1 / (epoch + 1);
    trial.report(loss, epoch);
    if (trial.shouldPrune()) break;
  }
  return loss;
}

describe("Study records every trial", () => {
  it("a trial that throws is recorded as failed with its message and the study goes on", async () => {
    const study = new Study({ seed: 0 });
    await study.optimize(
      ({ x }) => {
        if (x === 2) throw new Error("out of memory (pretend)");
        return x === 3 ? NaN : x * x;
      },
      gridSearch({ x: choice([1, 2, 3, 4]) }),
    );
    expect(study.trials.map((t) => t.status)).toEqual(["complete", "failed", "failed", "complete"]);
    expect(study.trials[1].error).toBe("out of memory (pretend)");
    expect(study.trials[2].error).toBe(
      "the objective returned NaN, not a finite number (diverged?)",
    );
    expect(study.trials[3].value).toBe(16);
    expect(study.bestTrial?.number).toBe(0);
    const max = await new Study({ direction: "maximize", seed: 0 }).optimize(
      ({ x }) => x,
      gridSearch({ x: uniform(0, 1) }, { pointsPerDim: 3 }),
    );
    expect(max.bestTrial?.params).toEqual({ x: 1 });
  });

  it("records params, learning curve, value, epochs and time; table() has a row per trial", async () => {
    const study = await new Study({ seed: 0 }).optimize(
      fakeTraining,
      gridSearch({ lr: logUniform(1e-3, 1e-1) }, { pointsPerDim: 3, budget: 4 }),
    );
    const t = study.trials[1]; // α = 10⁻²: the bottom of the bowl
    expect(t.params).toEqual({ lr: 0.01 });
    expect(t.intermediate).toEqual([1, 1 / 2, 1 / 3, 1 / 4]);
    expect(t.value).toBe(0.25);
    expect(t.budgetUsed).toBe(4);
    expect(t.seconds).toBeGreaterThanOrEqual(0);
    expect(study.budgetUsed).toBe(12);
    expect(study.table()[1]).toMatchObject({
      trial: 1,
      status: "complete",
      value: 0.25,
      lr: 0.01,
      epochs: 4,
    });
    expect(study.toString()).toContain("best: trial 1, value 0.2500");
    expect(study.toString().split("\n")[1]).toMatch(
      /^trial\s+status\s+value\s+lr\s+epochs\s+seconds$/,
    );
  });

  it("the same seed gives the same trials (params, seeds, values); another seed other ones", async () => {
    const space = { lr: logUniform(1e-4, 1), beta: oneMinusLogUniform(0.9, 0.999) };
    const noisy = (_: unknown, trial: Trial) => randn([1]).item() + trial.seed * 0; // draws from the default generator
    const run = (seed: number) =>
      new Study({ seed }).optimize(noisy, randomSearch(space, { nTrials: 5 }));
    const [a, b, c] = [await run(3), await run(3), await run(4)];
    const summary = (s: Study) => s.trials.map((t) => [t.params, t.seed, t.value]);
    expect(summary(a)).toEqual(summary(b));
    expect(summary(a)).not.toEqual(summary(c));
    expect(new Set(a.trials.map((t) => t.seed)).size).toBe(5);
  });

  it("an interrupt (here an AbortSignal) ends the search after the running trial and keeps every trial", async () => {
    const controller = new AbortController();
    const lines: string[] = [];
    const sigintListeners = process.listenerCount("SIGINT");
    const study = await new Study({ seed: 0 }).optimize(
      (params: { lr: number }, trial: Trial) => {
        if (trial.number === 2) controller.abort(); // as if ■ were pressed during trial 2
        return bowl(params);
      },
      randomSearch({ lr: logUniform(1e-4, 1) }, { nTrials: 10 }),
      { signal: controller.signal, log: (line) => lines.push(line) },
    );
    expect(study.trials.map((t) => t.status)).toEqual(["complete", "complete", "pruned"]);
    expect(study.trials[2].value).not.toBeNull();
    expect(lines).toEqual([
      "Study stopped (signal aborted) with 3 trials; they are kept in study.trials",
    ]);
    expect(process.listenerCount("SIGINT")).toBe(sigintListeners); // its listener is gone
  });

  it("refuses a function objective with workers, saying how to fix it", async () => {
    await expect(
      new Study({ seed: 0 }).optimize(
        bowl,
        randomSearch({ lr: logUniform(1e-4, 1) }, { nTrials: 2 }),
        { workers: 2 },
      ),
    ).rejects.toThrow("{ workers: 2 } needs the objective as { module, export }");
    expect(() => new Study({ direction: "up" as "minimize" })).toThrow(
      'direction must be "minimize" or "maximize", got "up"',
    );
    expect(() => randomSearch({ lr: 0.1 as never }, { nTrials: 2 })).toThrow(
      "space.lr is 0.1, not a distribution",
    );
  });
});

describe("strategies", () => {
  it("coarseToFine records each round's smaller box on the log scale and closes in on the optimum", async () => {
    const study = new Study({ seed: 1 });
    await study.optimize(
      bowl,
      coarseToFine({ lr: logUniform(1e-6, 1) }, { rounds: 3, trialsPerRound: 8, keep: 3 }),
    );
    expect(study.rounds.map((r) => r.label)).toEqual(["round 0", "round 1", "round 2"]);
    const widths = study.rounds.map((r) => {
      const d = r.space!.lr as ReturnType<typeof logUniform>;
      return Math.log10(d.hi) - Math.log10(d.lo); // decades covered
    });
    expect(widths[0]).toBe(6);
    expect(widths[2]).toBeLessThan(widths[1]);
    expect(widths[1]).toBeLessThan(widths[0]);
    const bestOfRound = study.rounds.map((r) =>
      Math.min(...r.trials.map((n) => study.trials[n].value!)),
    );
    expect(bestOfRound[2]).toBeLessThan(bestOfRound[0]);
    expect(study.bestTrial!.params.lr).toBeGreaterThan(10 ** -2.5);
    expect(study.bestTrial!.params.lr).toBeLessThan(10 ** -1.5);
  });

  it("successiveHalving: 9 configs at 1 epoch, 3 at 3, 1 at 9; the rest pruned; it keeps the best", async () => {
    const study = new Study({ seed: 0 });
    await study.optimize(
      fakeTraining,
      successiveHalving({ lr: logUniform(1e-4, 1) }, { minBudget: 1, maxBudget: 9, eta: 3 }),
    );
    expect(study.rounds.map((r) => [r.budget, r.trials.length, r.kept!.length])).toEqual([
      [1, 9, 3],
      [3, 3, 1],
      [9, 1, 1],
    ]);
    const count = (s: string) => study.trials.filter((t) => t.status === s).length;
    expect([count("complete"), count("pruned")]).toEqual([1, 8]);
    const winner = study.bestTrial!;
    expect(winner.intermediate).toHaveLength(9);
    const closest = Math.min(...study.trials.map((t) => bowl(t.params as { lr: number })));
    expect(bowl(winner.params as { lr: number })).toBe(closest);
    // Retraining from scratch: 9·1 + 3·3 + 1·9 epochs, against 9·9 for all to the end.
    expect(study.budgetUsed).toBe(27);
    const pruned = study.trials.find((t) => t.status === "pruned")!;
    expect(pruned.value).toBe(pruned.intermediate.at(-1));
  });

  it("a trial that keeps trial.state resumes when promoted: only the new epochs are trained", async () => {
    async function resumable(params: { lr: number }, trial: Trial): Promise<number> {
      let { epoch } = (trial.state as { epoch: number } | undefined) ?? { epoch: 0 };
      for (; epoch < trial.budget!; epoch++) trial.report(bowl(params) + 1 / (epoch + 1), epoch);
      trial.state = { epoch };
      return trial.intermediate[epoch - 1];
    }
    const study = await new Study({ seed: 0 }).optimize(
      resumable,
      successiveHalving({ lr: logUniform(1e-4, 1) }, { minBudget: 1, maxBudget: 9, eta: 3 }),
    );
    expect(study.budgetUsed).toBe(9 * 1 + 3 * 2 + 1 * 6); // 21 < 27
    expect(study.bestTrial!.intermediate).toHaveLength(9);
  });

  it("hyperband runs brackets of 9, 5 and 3 configurations (R = 9, η = 3), from aggressive to plain random", async () => {
    const study = await new Study({ seed: 0 }).optimize(
      fakeTraining,
      hyperband({ lr: logUniform(1e-4, 1) }, { minBudget: 1, maxBudget: 9 }),
    );
    const firstRungs = study.rounds.filter((r) => r.label.endsWith("rung 0"));
    expect(firstRungs.map((r) => [r.label, r.trials.length, r.budget])).toEqual([
      ["bracket 2, rung 0", 9, 1],
      ["bracket 1, rung 0", 5, 3],
      ["bracket 0, rung 0", 3, 9],
    ]);
    expect(study.trials).toHaveLength(17);
    expect(study.trials.filter((t) => t.status === "complete")).toHaveLength(1 + 1 + 3);
  });
});
