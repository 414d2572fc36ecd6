import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spiralObjective, spiralSpace } from "../../bench/tune_spirals";
import { Study, choice, gridSearch, randomSearch, successiveHalving } from "../../src/tune";

// Workers load TypeScript through the `typescript` package here (about 2 s per worker to
// compile src/); from the built package they load plain JavaScript.
const objectiveRef = {
  module: join(__dirname, "../../bench/tune_spirals.ts"),
  export: "spiralObjective",
};

describe("parallel trials on worker threads", () => {
  it("give exactly the study of one thread with the same seed (params, learning curves, values, epochs)", async () => {
    const strategy = () =>
      successiveHalving(spiralSpace, { minBudget: 2, maxBudget: 6, eta: 3, nConfigs: 6 });
    const serial = await new Study({ seed: 4 }).optimize(spiralObjective, strategy());
    const parallel = await new Study({ seed: 4 }).optimize(objectiveRef, strategy(), {
      workers: 2,
    });
    const summary = (s: Study) =>
      s.trials.map(({ number, params, seed, status, value, intermediate, budgetUsed }) => ({
        number,
        params,
        seed,
        status,
        value,
        intermediate,
        budgetUsed,
      }));
    expect(summary(parallel)).toEqual(summary(serial));
    expect(parallel.rounds).toEqual(serial.rounds);
    expect(serial.trials.filter((t) => t.status === "pruned").length).toBeGreaterThan(0);
  }, 60_000);

  it("a trial that throws in a worker is recorded as failed and the others complete", async () => {
    const space = { lr: choice([-1, 0.01]), beta1: choice([0.9]) };
    const study = await new Study({ seed: 0 }).optimize(
      objectiveRef,
      gridSearch(space, { budget: 2 }),
      { workers: 2 },
    );
    expect(study.trials.map((t) => t.status)).toEqual(["failed", "complete"]);
    expect(study.trials[0].error).toBe("Adam: lr must be ≥ 0, got -1");
    expect(study.trials[0].budgetUsed).toBe(0);
  }, 60_000);

  it("a module without that function export is refused before any trial runs, listing its exports", async () => {
    const study = new Study({ seed: 0 });
    const bad = { module: join(__dirname, "../../src/tune/test_functions.ts"), export: "branin" }; // an object, not a function
    await expect(
      study.optimize(bad, randomSearch(spiralSpace, { nTrials: 2 }), { workers: 2 }),
    ).rejects.toThrow(
      /test_functions.ts" has no function export "branin" \(it exports: branin, hartmann6\)/,
    );
    expect(study.trials).toHaveLength(0);
  }, 60_000);
});
