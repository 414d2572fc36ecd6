import { Generator } from "../src";
import {
  type Strategy,
  type Uniform,
  Study,
  bayesOpt,
  branin,
  hartmann6,
  logMarginalLikelihood,
  randomSearch,
} from "../src/tune";

const SEEDS = Array.from({ length: 10 }, (_, i) => i);

type Benchmark = typeof branin | typeof hartmann6;

/** Best value found by each seed's study. */
async function bests(
  fn: Benchmark,
  make: () => Strategy<Record<string, Uniform>>,
): Promise<number[]> {
  const out: number[] = [];
  for (const seed of SEEDS) {
    const study = await new Study({ seed }).optimize(
      fn.objective as (p: Record<string, number>) => number,
      make(),
    );
    out.push(study.bestTrial!.value!);
  }
  return out;
}

function meanSe(xs: number[]): string {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
  return `${mean.toFixed(3)} ± ${(sd / Math.sqrt(xs.length)).toFixed(3)}`;
}

/**
 * Bayesian optimisation against random search (lecture 000) on Branin (2-D) and Hartmann
 * (6-D): the best value found in the same number of evaluations, mean ± standard error over
 * 10 seeds, with random search at 4× the evaluations for scale; then the O(n³) cost of the
 * GP: milliseconds per log-marginal-likelihood evaluation (one Cholesky) as n doubles.
 */
export async function run(): Promise<void> {
  const problems: { fn: Benchmark; n: number }[] = [
    { fn: branin, n: 30 },
    { fn: hartmann6, n: 50 },
  ];
  console.log(`best value found, mean ± s.e. over ${SEEDS.length} seeds (lower is better)`);
  console.log(
    "function    minimum   evals  bayesOpt          random            random, 4× evals  bayesOpt s/run",
  );
  for (const { fn, n } of problems) {
    const t0 = performance.now();
    const bayes = await bests(fn, () => bayesOpt(fn.space, { nTrials: n }));
    const seconds = (performance.now() - t0) / 1000 / SEEDS.length;
    const random = await bests(fn, () => randomSearch(fn.space, { nTrials: n }));
    const random4 = await bests(fn, () => randomSearch(fn.space, { nTrials: 4 * n }));
    const wins = bayes.filter((b, i) => b < random[i]).length;
    console.log(
      `${fn.name.padEnd(10)}  ${fn.minimum.toFixed(3).padStart(7)}  ${String(n).padStart(6)}  ${meanSe(bayes).padEnd(16)}  ${meanSe(random).padEnd(16)}  ${meanSe(random4).padEnd(16)}  ${seconds.toFixed(2)}  (bayes better on ${wins}/${SEEDS.length} seeds)`,
    );
  }

  console.log(
    "\nGP refit cost: one log marginal likelihood (kernel matrix + Cholesky), 6-D inputs",
  );
  const g = new Generator(0);
  const hyper = { lengthScales: Array(6).fill(0.3), signalVariance: 1, noiseVariance: 1e-3 };
  let previous = 0;
  for (const n of [50, 100, 200, 400]) {
    const X = Array.from({ length: n }, () => Array.from({ length: 6 }, () => g.random()));
    const y = X.map(() => g.normal());
    const reps = Math.max(1, Math.round(4e6 / n ** 2 / 10));
    const t = performance.now();
    for (let r = 0; r < reps; r++) logMarginalLikelihood(X, y, "matern52", hyper);
    const ms = (performance.now() - t) / reps;
    const ratio = previous ? `  (×${(ms / previous).toFixed(1)} for 2× n; O(n³) → ×8)` : "";
    console.log(`  n = ${String(n).padStart(3)}: ${ms.toFixed(2)} ms${ratio}`);
    previous = ms;
  }
}
