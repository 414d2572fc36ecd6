import { describe, expect, it } from "vitest";
import { SPIRAL_DEFAULTS, spiralObjective, spiralSpace } from "../../bench/tune_spirals";
import {
  Study,
  choice,
  gridSearch,
  logUniform,
  randomSearch,
  successiveHalving,
} from "../../src/tune";

// A real small task: an MLP 2 → 32 → 3 trained with Adam by fit() on seeded spirals, scored
// by the validation loss (bench/tune_spirals.ts). About 3 ms per epoch.

describe("hyperparameter search on the spirals", () => {
  it("a log-scale learning-rate sweep shows lecture 002's too-low / good / too-high regimes (a U)", async () => {
    const study = await new Study({ seed: 0 }).optimize(
      spiralObjective,
      gridSearch({ lr: logUniform(1e-5, 10), beta1: choice([0.9]) }, { pointsPerDim: 7 }),
    );
    const lrs = study.trials.map((t) => t.params.lr);
    expect(lrs).toEqual([1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10]);
    const loss = study.trials.map((t) => t.value ?? Infinity); // a diverged run counts as +∞
    // measured: 1.127, 1.115, 0.854, 0.354, 0.058, 0.214, 1.507
    const best = loss.indexOf(Math.min(...loss));
    expect(best).toBeGreaterThan(0);
    expect(best).toBeLessThan(loss.length - 1);
    for (let i = 0; i < best; i++) expect(loss[i]).toBeGreaterThan(loss[i + 1]); // falling towards the good rate
    for (let i = best; i < loss.length - 1; i++) expect(loss[i + 1]).toBeGreaterThan(loss[i]); // rising past it
    expect(loss[0]).toBeGreaterThan(0.9 * Math.log(3)); // too low: 20 epochs barely leave the start, ln 3
    expect(loss.at(-1)!).toBeGreaterThan(5 * loss[best]); // too high: it does not settle
    expect(loss[0]).toBeGreaterThan(5 * loss[best]);
  });

  it("random search over log α and 1 − β₁ finds a configuration better than Adam's defaults", async () => {
    const defaults = await new Study({ seed: 0 }).optimize(
      spiralObjective,
      gridSearch({ lr: choice([SPIRAL_DEFAULTS.lr]), beta1: choice([SPIRAL_DEFAULTS.beta1]) }),
    );
    const random = await new Study({ seed: 0 }).optimize(
      spiralObjective,
      randomSearch(spiralSpace, { nTrials: 12 }),
    );
    const best = random.bestTrial!;
    // measured: defaults 0.846; the best of 12 ≈ 0.05–0.1 with α ≈ 0.03–0.3
    expect(best.value!).toBeLessThan(0.5 * defaults.trials[0].value!);
    expect(best.params.lr).toBeGreaterThan(SPIRAL_DEFAULTS.lr); // 1e-3 is too slow for 20 epochs
    expect(best.intermediate).toHaveLength(20);
  });

  it("successive halving trains far fewer epochs than running every configuration to the end, and finds one nearly as good", async () => {
    const options = { minBudget: 3, maxBudget: 27, eta: 3 };
    const full = await new Study({ seed: 2 }).optimize(
      spiralObjective,
      randomSearch(spiralSpace, { nTrials: 9, budget: 27 }),
    );
    const sh = await new Study({ seed: 2 }).optimize(
      spiralObjective,
      successiveHalving(spiralSpace, options),
    );
    expect(sh.trials.map((t) => t.params)).toEqual(full.trials.map((t) => t.params)); // the same 9 configurations
    expect(sh.budgetUsed).toBe(9 * 3 + 3 * 9 + 1 * 27); // 81
    expect(full.budgetUsed).toBe(9 * 27); // 243
    const winner = sh.bestTrial!;
    // Same seeds: the winner's 27-epoch run is exactly the full study's run of that configuration.
    expect(winner.value).toBe(full.trials[winner.number].value);
    expect(winner.value!).toBeLessThanOrEqual(full.bestTrial!.value! + 0.05);
  });
});
