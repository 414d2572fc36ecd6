import { describe, expect, it } from "vitest";
import { tune } from "../../src";
import type { Figure } from "../../widgets/figures/figure";
import { studyPlot } from "../../widgets/figures/study_plot";
import { bestSoFar } from "../../widgets/figures/study_rounds";

const space = { lr: tune.logUniform(1e-4, 1), beta1: tune.oneMinusLogUniform(0.9, 0.999) };
/** A bowl at lr = 0.01, 1 − β = 0.01 on the log scales; diverges (throws) above lr = 0.5. */
function bowl(p: { lr: number; beta1: number }): number {
  if (p.lr > 0.5) throw new Error("diverged");
  return (Math.log10(p.lr) + 2) ** 2 + 0.1 * (Math.log10(1 - p.beta1) + 2) ** 2;
}
const byName = (fig: Figure, name: string) => fig.data.filter((t) => t.name === name);

describe("studyPlot", () => {
  it("coarse to fine: one trace per round on every panel, best so far is the running minimum", async () => {
    const study = await new tune.Study({ seed: 0 }).optimize(
      bowl,
      tune.coarseToFine(space, { rounds: 3, trialsPerRound: 8 }),
    );
    const fig = studyPlot(study);
    const rounds = ["round 0", "round 1", "round 2"];
    for (const r of rounds) expect(byName(fig, r)).toHaveLength(3); // history, lr, beta1
    const [history, lr, beta1] = byName(fig, "round 1");
    const trials = study.trials.filter(
      (t) => study.rounds[1].trials.includes(t.number) && t.status === "complete",
    );
    expect(history.x).toEqual(trials.map((t) => t.number));
    expect(history.y).toEqual(trials.map((t) => t.value));
    expect(lr.x).toEqual(trials.map((t) => t.params.lr));
    expect(beta1.x).toEqual(trials.map((t) => 1 - (t.params.beta1 as number))); // 1 − β
    expect(fig.layout.xaxis2).toMatchObject({ type: "log" });
    expect(fig.layout.xaxis3).toMatchObject({ type: "log" });
    const best = byName(fig, "best so far (min)")[0].y as (number | null)[];
    let running = Infinity;
    study.trials.forEach((t, i) => {
      if (t.status === "complete") running = Math.min(running, t.value!);
      expect(best[i]).toBe(Number.isFinite(running) ? running : null);
    });
    expect(best.at(-1)).toBe(study.bestTrial!.value);
    // rounds 1 and 2 narrowed the box: shaded bands on both hyperparameter panels
    expect((fig.layout.shapes as object[]).length).toBe(4);
  });

  it("coarse-to-fine bands sit on the axis domain, so plotly draws them on log axes", async () => {
    const study = await new tune.Study({ seed: 0 }).optimize(
      bowl,
      tune.coarseToFine(space, { rounds: 3, trialsPerRound: 8 }),
    );
    const fig = studyPlot(study);
    type Band = { xref: string; yref: string; x0: number; x1: number; layer: string };
    const [lr, beta1] = fig.layout.shapes as Band[]; // round 1: lr panel, then 1 − β1 panel
    // plotly reads a shape's data coordinates on a log axis as values (not log₁₀, as
    // annotations are): log₁₀ bounds like −2.5 drew no band; fractions of the range do.
    expect([lr.xref, lr.yref, beta1.xref]).toEqual(["x2 domain", "y2 domain", "x3 domain"]);
    expect(lr.layer).toBe("below");
    // back to α: 10^(r0 + x·(r1 − r0)) with the axis's padded log₁₀ range
    const [r0, r1] = (fig.layout.xaxis2 as { range: number[] }).range;
    const lrOf = (x: number) => 10 ** (r0 + x * (r1 - r0));
    const round1 = study.rounds[1].space!.lr as tune.LogUniform;
    expect(lrOf(Math.min(lr.x0, lr.x1))).toBeCloseTo(round1.lo, 12);
    expect(lrOf(Math.max(lr.x0, lr.x1))).toBeCloseTo(round1.hi, 12);
    for (const b of fig.layout.shapes as Band[])
      for (const x of [b.x0, b.x1])
        expect(x >= 0 && x <= 1, `band edge ${x} outside the axis`).toBe(true);
  });

  it("best so far is the running maximum when the study maximises", () => {
    const t = (n: number, value: number | null, status: tune.TrialStatus) =>
      Object.assign(new tune.Trial(n, { lr: 0.1 }, n), { value, status });
    const trials = [
      t(0, null, "failed"),
      t(1, 0.5, "complete"),
      t(2, 0.9, "pruned"),
      t(3, 0.7, "complete"),
      t(4, 0.6, "complete"),
    ];
    expect(bestSoFar(trials, "maximize")).toEqual([null, 0.5, 0.5, 0.7, 0.7]);
    expect(bestSoFar(trials, "minimize")).toEqual([null, 0.5, 0.5, 0.5, 0.5]);
    const fig = studyPlot({ trials, rounds: [], direction: "maximize" });
    expect(byName(fig, "best so far (max)")[0].y).toEqual([null, 0.5, 0.5, 0.7, 0.7]);
  });

  it("shows failed trials as red crosses along the top and pruned ones as open circles", async () => {
    const study = await new tune.Study({ seed: 1 }).optimize(
      async (p: { lr: number; beta1: number }, trial: tune.Trial) => {
        const v = bowl(p);
        for (let e = 0; e < (trial.budget ?? 9); e++) trial.report(v + 1 / (e + 1), e);
        return v + 1 / (trial.budget ?? 9);
      },
      tune.successiveHalving(
        { ...space, lr: tune.logUniform(1e-4, 10) },
        { minBudget: 1, maxBudget: 9, eta: 3 },
      ),
    );
    const fig = studyPlot(study, { space, logY: true });
    const failed = study.trials.filter((t) => t.status === "failed");
    const pruned = study.trials.filter((t) => t.status === "pruned");
    expect(failed.length).toBeGreaterThan(0);
    expect(pruned.length).toBeGreaterThan(0);
    const sorted = (a: unknown) => [...(a as number[])].sort((x, y) => x - y);
    const [cross] = byName(fig, "failed (no value)");
    expect(cross.marker).toMatchObject({ symbol: "x", color: "#d62728" });
    expect(sorted(cross.x)).toEqual(failed.map((t) => t.number));
    const top = Math.max(...study.trials.filter((t) => t.value !== null).map((t) => t.value!));
    expect(cross.y).toEqual(failed.map(() => top));
    const [open] = byName(fig, "pruned (value when stopped)");
    expect((open.marker as { symbol: string }).symbol).toBe("circle-open");
    expect(sorted(open.y)).toEqual(sorted(pruned.map((t) => t.value))); // grouped by rung, not in trial order
    expect(fig.layout.yaxis).toMatchObject({ type: "log" });
  });

  it("refuses what is not a study, or a study without trials", () => {
    expect(() => studyPlot({} as tune.Study)).toThrow(
      /expected a tune.Study \(trials, rounds, direction\), got \[object Object\]/,
    );
    expect(() => studyPlot(new tune.Study({ seed: 0 }))).toThrow(/has no trials yet/);
  });
});
