import { describe, expect, it } from "vitest";
import { Generator } from "../../src";
import { cholesky, choleskyJitter } from "../../src/tune/cholesky";
import { erfc, normalCdf } from "../../src/tune/expected_improvement";
import { correlation } from "../../src/tune/kernels";
import { nelderMead } from "../../src/tune/nelder_mead";
import {
  GaussianProcess,
  Study,
  bayesOpt,
  branin,
  expectedImprovement,
  hartmann6,
  logMarginalLikelihood,
  randomSearch,
} from "../../src/tune";

describe("the pieces of the Gaussian process", () => {
  it("cholesky: [[4, 2], [2, 3]] = LLᵀ with L = [[2, 0], [1, √2]]; a singular matrix needs jitter", () => {
    const L = cholesky(new Float64Array([4, 2, 2, 3]), 2)!;
    expect(Array.from(L)).toEqual([2, 0, 1, Math.SQRT2]);
    expect(cholesky(new Float64Array([1, 1, 1, 1]), 2)).toBeNull();
    const fixed = choleskyJitter(new Float64Array([1, 1, 1, 1]), 2)!;
    expect(fixed.jitter).toBeGreaterThan(0);
    expect(fixed.jitter).toBeLessThanOrEqual(1e-4);
  });

  it("kernels: Matérn 5/2 at r = 1 is (1 + √5 + 5/3)e^{−√5} = 0.523994 (sklearn Matern(nu=2.5)); RBF e^{−½}", () => {
    expect(correlation("matern52", 1)).toBeCloseTo(0.5239941088, 9);
    expect(correlation("rbf", 1)).toBeCloseTo(Math.exp(-0.5), 12);
    expect(correlation("matern52", 0)).toBe(1);
  });

  it("log marginal likelihood of two points equals −½yᵀK⁻¹y − ½log|K| − log 2π written out", () => {
    const hyper = { lengthScales: [0.5], signalVariance: 2, noiseVariance: 0.1 };
    const [X, y] = [
      [[0.2], [0.6]],
      [1, -0.5],
    ];
    const k = 2 * correlation("rbf", (0.4 / 0.5) ** 2); // off-diagonal σ_f² e^{−r²/2}
    const [a, det] = [2.1, 2.1 * 2.1 - k * k]; // K = [[a, k], [k, a]]
    const quad = (a * y[0] * y[0] - 2 * k * y[0] * y[1] + a * y[1] * y[1]) / det;
    const expected = -0.5 * quad - 0.5 * Math.log(det) - Math.log(2 * Math.PI);
    expect(logMarginalLikelihood(X, y, "rbf", hyper)).toBeCloseTo(expected, 12);
  });

  it("a fitted GP nearly interpolates its data and is unsure far from it", () => {
    const X = [[0.1], [0.3], [0.5], [0.7]];
    const y = X.map(([x]) => Math.sin(6 * x));
    const gp = GaussianProcess.fit(X, y, { kernel: "matern52", generator: new Generator(0) });
    X.forEach((x, i) => {
      expect(gp.predict(x).mean).toBeCloseTo(y[i], 1);
      expect(gp.predict(x).variance).toBeLessThan(0.01 * gp.hyper.signalVariance);
    });
    expect(gp.predict([1]).variance).toBeGreaterThan(10 * gp.predict([0.3]).variance);
  });

  it("expected improvement: σφ(0) = 0.3989σ at the best mean; Φ and erfc accurate in the tail", () => {
    expect(expectedImprovement(0, 1, 0, 0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 7);
    expect(expectedImprovement(-1, 1e-30, 0, 0)).toBeCloseTo(1, 9); // certain improvement of 1
    expect(expectedImprovement(5, 1, 0, 0)).toBeGreaterThan(0);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 7);
    expect(erfc(5) / 1.5374597944280349e-12).toBeCloseTo(1, 6); // scipy.special.erfc(5)
  });

  it("Nelder–Mead finds Rosenbrock's minimum (1, 1) from (−1.2, 1)", () => {
    const rosen = ([x, y]: number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const { x, fx } = nelderMead(rosen, [-1.2, 1], { maxEvals: 2000, tol: 1e-14 });
    expect(fx).toBeLessThan(1e-6);
    expect(x[0]).toBeCloseTo(1, 2);
    expect(x[1]).toBeCloseTo(1, 2);
  });

  it("the test functions have their published minima", () => {
    expect(branin.objective({ x1: Math.PI, x2: 2.275 })).toBeCloseTo(branin.minimum, 5);
    const xStar = [0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573];
    const p = Object.fromEntries(xStar.map((v, i) => [`x${i + 1}`, v])) as Parameters<
      typeof hartmann6.objective
    >[0];
    expect(hartmann6.objective(p)).toBeCloseTo(hartmann6.minimum, 4);
  });
});

describe("bayesOpt beats random search at the same number of evaluations (mean best over seeds)", () => {
  /** Mean over seeds of the best value `strategy` finds. */
  async function meanBest(
    fn: typeof branin | typeof hartmann6,
    strategy: "bayes" | "random",
    nTrials: number,
    seeds: number[],
  ): Promise<number> {
    let sum = 0;
    for (const seed of seeds) {
      const s =
        strategy === "bayes"
          ? bayesOpt(fn.space, { nTrials })
          : randomSearch(fn.space, { nTrials });
      const study = await new Study({ seed }).optimize(
        fn.objective as (p: Record<string, number>) => number,
        s,
      );
      sum += study.bestTrial!.value!;
    }
    return sum / seeds.length;
  }

  it("Branin, 20 evaluations, 5 seeds", async () => {
    const seeds = [0, 1, 2, 3, 4];
    const bayes = await meanBest(branin, "bayes", 20, seeds);
    const random = await meanBest(branin, "random", 20, seeds);
    // measured: bayes ≈ 0.51, random ≈ 2.85 (minimum 0.398)
    expect(bayes).toBeLessThan(random);
    expect(bayes - branin.minimum).toBeLessThan(0.5 * (random - branin.minimum));
  });

  it("Hartmann 6-D, 30 evaluations, 4 seeds", async () => {
    const seeds = [0, 1, 2, 3];
    const bayes = await meanBest(hartmann6, "bayes", 30, seeds);
    const random = await meanBest(hartmann6, "random", 30, seeds);
    // measured: bayes ≈ −2.70, random ≈ −1.99 (minimum −3.32)
    expect(bayes).toBeLessThan(random - 0.3);
  });

  it("records each step with the GP's length scales, and the same seed repeats the search", async () => {
    const run = () =>
      new Study({ seed: 5 }).optimize(
        branin.objective as (p: Record<string, number>) => number,
        bayesOpt(branin.space, { nTrials: 8 }),
      );
    const [a, b] = [await run(), await run()];
    expect(a.trials.map((t) => t.params)).toEqual(b.trials.map((t) => t.params));
    expect(a.rounds.map((r) => r.label)).toEqual(["random start", "step 5", "step 6", "step 7"]);
    expect(Object.keys(a.rounds[1].detail!)).toEqual(["lengthScale.x1", "lengthScale.x2"]);
  });
});
