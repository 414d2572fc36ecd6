import type { Generator } from "../tensor/random";
import { expectedImprovement } from "./expected_improvement";
import { GaussianProcess, type GPHyperparameters } from "./gaussian_process";
import type { KernelName } from "./kernels";
import { nelderMead } from "./nelder_mead";
import {
  type ParamsOf,
  type Space,
  checkSpace,
  sampleSpace,
  spaceFromUnit,
  spaceToUnit,
} from "./space";
import { type SearchContext, type Strategy, checkCount } from "./strategy";
import type { Trial } from "./trial";

/** Options of `bayesOpt`. */
export interface BayesOptOptions {
  /** Evaluations in all, the random start included. */
  nTrials: number;
  /** Random configurations before the GP takes over. Default min(nTrials, max(5, d + 1)). */
  nInitial?: number;
  /** The GP's covariance: "matern52" (default) or "rbf". */
  kernel?: KernelName;
  /** ξ of expected improvement, in standard deviations of the values seen. Default 0.01. */
  xi?: number;
  /** Random candidates scored by EI before local refinement. Default 500. */
  candidates?: number;
  /** Epochs each trial may train to (`trial.budget`). */
  budget?: number;
}

/**
 * Bayesian optimisation, or sequential model-based optimisation (lecture 000 "贝叶斯优化",
 * SMBO): model the objective with a Gaussian process fitted to the trials so far, and
 * evaluate next where the model expects the largest improvement.
 *
 * 1. Evaluate `nInitial` random configurations (one batch: these run in parallel on workers).
 * 2. Map the trials to the unit cube (each hyperparameter on its own scale, `toUnit`) and
 *    standardise their losses, y = (loss − mean)/sd; failed trials are left out.
 * 3. Fit the GP (Matérn 5/2 or RBF with a length scale per dimension, hyperparameters by
 *    maximum marginal likelihood, Cholesky with jitter: O(n³) per refit).
 * 4. Maximise expected improvement over the cube: score `candidates` random points and
 *    points near the best trials, then refine the best three with Nelder–Mead.
 * 5. Evaluate `fromUnit` of the winner, one trial; back to 2 until `nTrials`.
 *
 * Each step is recorded in `study.rounds` with the GP's length scales: a short one marks a
 * hyperparameter the objective is sensitive to (lecture 001's "importance"). A `choice` is
 * treated as ordered on the cube.
 *
 * @example bayesOpt({ lr: logUniform(1e-4, 1), beta1: oneMinusLogUniform(0.9, 0.999) }, { nTrials: 30 })
 */
export function bayesOpt<S extends Space>(space: S, options: BayesOptOptions): Strategy<S> {
  checkSpace("bayesOpt", space);
  const d = Object.keys(space).length;
  const { nTrials, kernel = "matern52", xi = 0.01, candidates = 500, budget } = options;
  checkCount("bayesOpt", "nTrials", nTrials);
  const { nInitial = Math.min(nTrials, Math.max(5, d + 1)) } = options;
  checkCount("bayesOpt", "nInitial", nInitial);
  checkCount("bayesOpt", "candidates", candidates);
  if (kernel !== "matern52" && kernel !== "rbf") {
    throw new RangeError(
      `bayesOpt: kernel must be "matern52" or "rbf", got ${JSON.stringify(kernel)}`,
    );
  }
  return {
    name: `bayesOpt(${nTrials} trials, ${nInitial} random, ${kernel})`,
    space,
    async search(ctx) {
      const initial = Array.from({ length: Math.min(nInitial, nTrials) }, () =>
        sampleSpace(space, ctx.generator),
      );
      const trials = await ctx.evaluate(initial.map((params) => ({ params, budget })));
      ctx.addRound({ label: "random start", trials: trials.map((t) => t.number), budget });
      let hyper: GPHyperparameters | undefined;
      for (let step = trials.length; step < nTrials; step++) {
        const next = propose(ctx, space, trials, { kernel, xi, candidates, init: hyper });
        hyper = next.hyper;
        const [trial] = await ctx.evaluate([{ params: next.params, budget }]);
        trials.push(trial);
        ctx.addRound({
          label: `step ${step}`,
          trials: [trial.number],
          budget,
          detail: next.detail,
        });
      }
    },
  };
}

interface Proposal<P> {
  params: P;
  hyper?: GPHyperparameters;
  detail?: Record<string, number>;
}

/** Steps 2–4: the configuration of largest expected improvement (a random one while fewer than 2 trials succeeded). */
function propose<S extends Space>(
  ctx: SearchContext<S>,
  space: S,
  trials: Trial<ParamsOf<S>>[],
  o: { kernel: KernelName; xi: number; candidates: number; init?: GPHyperparameters },
): Proposal<ParamsOf<S>> {
  const done = trials.filter((t) => Number.isFinite(ctx.loss(t)));
  if (done.length < 2) return { params: sampleSpace(space, ctx.generator) };
  const X = done.map((t) => spaceToUnit(space, t.params));
  const losses = done.map((t) => ctx.loss(t));
  const mean = losses.reduce((s, v) => s + v, 0) / losses.length;
  const sd = Math.sqrt(losses.reduce((s, v) => s + (v - mean) ** 2, 0) / losses.length) || 1;
  const y = losses.map((v) => (v - mean) / sd); // standardised: the GP's zero mean is the average loss
  const gp = GaussianProcess.fit(X, y, {
    kernel: o.kernel,
    generator: ctx.generator,
    init: o.init,
  });
  const best = Math.min(...y);
  const ei = (u: number[]) => {
    const { mean: mu, variance } = gp.predict(u);
    return expectedImprovement(mu, variance, best, o.xi);
  };
  const u = maximizeOnCube(ei, X, y, o.candidates, ctx.generator);
  const names = Object.keys(space);
  const detail = Object.fromEntries(
    names.map((n, i) => [`lengthScale.${n}`, gp.hyper.lengthScales[i]]),
  );
  return { params: spaceFromUnit(space, u), hyper: gp.hyper, detail };
}

/** argmax of f over [0, 1]^d: random candidates and perturbed best points, the top 3 refined by Nelder–Mead. */
function maximizeOnCube(
  f: (u: number[]) => number,
  X: number[][],
  y: number[],
  nCandidates: number,
  generator: Generator,
): number[] {
  const d = X[0].length;
  const clip = (u: number[]) => u.map((v) => Math.min(1, Math.max(0, v)));
  const bestSeen = X.map((x, i) => ({ x, y: y[i] }))
    .sort((a, b) => a.y - b.y)
    .slice(0, 5);
  const points: number[][] = [];
  for (let i = 0; i < nCandidates; i++) {
    if (i % 2 === 0) points.push(Array.from({ length: d }, () => generator.random()));
    else
      points.push(
        clip(bestSeen[(i >> 1) % bestSeen.length].x.map((v) => v + 0.1 * generator.normal())),
      );
  }
  const scored = points.map((u) => ({ u, v: f(u) })).sort((a, b) => b.v - a.v);
  let top = scored[0];
  for (const start of scored.slice(0, 3)) {
    const found = nelderMead((u) => -f(clip(u)), start.u, { step: 0.05, maxEvals: 30 * d });
    if (-found.fx > top.v) top = { u: clip(found.x), v: -found.fx };
  }
  return top.u;
}
