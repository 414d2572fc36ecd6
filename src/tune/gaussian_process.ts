import type { Generator } from "../tensor/random";
import { choleskyJitter, solveLower, solveUpperT } from "./cholesky";
import { type KernelName, correlation, scaledDistance2 } from "./kernels";
import { nelderMead } from "./nelder_mead";

/** A GP's hyperparameters: length scale ℓᵢ per dimension, signal variance σ_f², noise variance σ_n². */
export interface GPHyperparameters {
  lengthScales: number[];
  signalVariance: number;
  noiseVariance: number;
}

/** Options of `GaussianProcess.fit`. */
export interface GPFitOptions {
  kernel: KernelName;
  /** Draws the random restarts. */
  generator: Generator;
  /** Random starting points besides the default (and `init`). Default 1. */
  restarts?: number;
  /** A starting point, e.g. the previous fit's hyperparameters (a warm start). */
  init?: GPHyperparameters;
}

/** Search bounds of log ℓ, log σ_f², log σ_n² (inputs in the unit cube, targets standardised). */
const BOUNDS: [number, number][] = [
  [Math.log(0.02), Math.log(5)],
  [Math.log(0.05), Math.log(20)],
  [Math.log(1e-6), Math.log(1)],
];

/**
 * A zero-mean Gaussian process y = f(x) + ε, f ~ GP(0, k), ε ~ N(0, σ_n²) (Rasmussen &
 * Williams 2006, ch. 2 and 5). With K = k(X, X) + σ_n² I = LLᵀ and α = K⁻¹y:
 *
 * $$ \mu(x) = k_*^\top \alpha, \qquad \sigma^2(x) = k(x, x) - v^\top v,\ \ v = L^{-1} k_* $$
 * $$ \log p(y \mid X, \theta) = -\tfrac12 y^\top \alpha - \sum_i \log L_{ii} - \tfrac n2 \log 2\pi $$
 *
 * `fit` chooses θ = (ℓ, σ_f², σ_n²) by maximising that log marginal likelihood with
 * Nelder–Mead over log θ, from a default start, the warm start and a few random ones. Every
 * evaluation factorises K: O(n³), so each refit costs O(n³) times a few hundred — lecture
 * 000's reason GP-based optimisation suits tens to hundreds of trials, not thousands.
 */
export class GaussianProcess {
  private constructor(
    readonly kernel: KernelName,
    readonly hyper: GPHyperparameters,
    private readonly X: number[][],
    private readonly L: Float64Array,
    private readonly alpha: Float64Array,
  ) {}

  /** Fits θ by maximum marginal likelihood on (X, y) and factorises K. */
  static fit(X: number[][], y: number[], options: GPFitOptions): GaussianProcess {
    const { kernel, generator, restarts = 1, init } = options;
    const d = X[0].length;
    const nll = (theta: number[]) => -logMarginalLikelihood(X, y, kernel, toHyper(theta, d));
    const starts = [[...Array<number>(d).fill(Math.log(0.3)), 0, Math.log(1e-3)]];
    if (init) starts.push(fromHyper(init));
    for (let r = 0; r < restarts; r++)
      starts.push(starts[0].map((_, i) => uniformIn(bound(i, d), generator)));
    let best = { x: starts[0], fx: Infinity };
    for (const x0 of starts) {
      const found = nelderMead(nll, x0, { step: 0.5, maxEvals: 40 * (d + 2) });
      if (found.fx < best.fx) best = found;
    }
    return GaussianProcess.withHyper(X, y, kernel, toHyper(best.x, d));
  }

  /** The GP on (X, y) with given hyperparameters. */
  static withHyper(
    X: number[][],
    y: number[],
    kernel: KernelName,
    hyper: GPHyperparameters,
  ): GaussianProcess {
    const n = X.length;
    const fact = choleskyJitter(kernelMatrix(X, kernel, hyper), n);
    if (!fact)
      throw new Error(
        `GaussianProcess: the kernel matrix of ${n} points is not positive definite even with jitter`,
      );
    const alpha = solveUpperT(fact.L, n, solveLower(fact.L, n, y)); // α = L⁻ᵀ L⁻¹ y
    return new GaussianProcess(kernel, hyper, X, fact.L, alpha);
  }

  /** Posterior mean and variance of f at x. */
  predict(x: readonly number[]): { mean: number; variance: number } {
    const { lengthScales, signalVariance } = this.hyper;
    const n = this.X.length;
    const kStar = this.X.map(
      (xi) => signalVariance * correlation(this.kernel, scaledDistance2(x, xi, lengthScales)),
    );
    const mean = kStar.reduce((s, k, i) => s + k * this.alpha[i], 0); // μ = k*ᵀα
    const v = solveLower(this.L, n, kStar);
    const variance = signalVariance - v.reduce((s, vi) => s + vi * vi, 0); // σ² = k(x,x) − vᵀv
    return { mean, variance: Math.max(variance, 1e-12 * signalVariance) };
  }
}

/** log p(y | X, θ); −∞ when K cannot be factorised. */
export function logMarginalLikelihood(
  X: number[][],
  y: number[],
  kernel: KernelName,
  hyper: GPHyperparameters,
): number {
  const n = X.length;
  const fact = choleskyJitter(kernelMatrix(X, kernel, hyper), n);
  if (!fact) return -Infinity;
  const z = solveLower(fact.L, n, y); // yᵀK⁻¹y = |L⁻¹y|²
  let quad = 0;
  let logDet = 0;
  for (let i = 0; i < n; i++) {
    quad += z[i] * z[i];
    logDet += Math.log(fact.L[i * n + i]);
  }
  return -0.5 * quad - logDet - 0.5 * n * Math.log(2 * Math.PI);
}

/** K = σ_f² k(X, X) + σ_n² I, row-major. */
function kernelMatrix(X: number[][], kernel: KernelName, hyper: GPHyperparameters): Float64Array {
  const n = X.length;
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    K[i * n + i] = hyper.signalVariance + hyper.noiseVariance;
    for (let j = 0; j < i; j++) {
      const k =
        hyper.signalVariance * correlation(kernel, scaledDistance2(X[i], X[j], hyper.lengthScales));
      K[i * n + j] = k;
      K[j * n + i] = k;
    }
  }
  return K;
}

/** Bounds of θ_i: log ℓ for i < d, then log σ_f², log σ_n². */
function bound(i: number, d: number): [number, number] {
  return BOUNDS[Math.min(2, Math.max(0, i - d + 1))];
}

/** θ = (log ℓ, log σ_f², log σ_n²) clipped to the bounds → hyperparameters. */
function toHyper(theta: number[], d: number): GPHyperparameters {
  const t = theta.map((v, i) => Math.min(bound(i, d)[1], Math.max(bound(i, d)[0], v)));
  return {
    lengthScales: t.slice(0, d).map(Math.exp),
    signalVariance: Math.exp(t[d]),
    noiseVariance: Math.exp(t[d + 1]),
  };
}

function fromHyper(h: GPHyperparameters): number[] {
  return [...h.lengthScales.map(Math.log), Math.log(h.signalVariance), Math.log(h.noiseVariance)];
}

function uniformIn([lo, hi]: [number, number], generator: Generator): number {
  return lo + (hi - lo) * generator.random();
}
