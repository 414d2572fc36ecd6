/**
 * Stationary covariance functions of a Gaussian process, as functions of the scaled
 * squared distance between two points of the unit cube,
 *
 * $$ r^2 = \sum_i \left( \frac{x_i - x'_i}{\ell_i} \right)^2 $$
 *
 * with one length scale ℓᵢ per hyperparameter (ARD: a short ℓᵢ means the objective changes
 * fast along dimension i — an important hyperparameter). Both are 1 at r = 0; the GP
 * multiplies by the signal variance σ_f².
 *
 * - Matérn 5/2: k = (1 + √5 r + 5r²/3) e^{−√5 r}; twice differentiable, the default of
 *   most Bayesian-optimisation libraries (Snoek et al. 2012): smooth but not too smooth.
 * - RBF (squared exponential): k = e^{−r²/2}; infinitely smooth, scikit-learn's default.
 */
export type KernelName = "matern52" | "rbf";

/** k(r²)/σ_f² for the named kernel. */
export function correlation(kernel: KernelName, r2: number): number {
  if (kernel === "rbf") return Math.exp(-0.5 * r2); // e^{−r²/2}
  const sr = Math.sqrt(5 * r2); // √5 r
  return (1 + sr + (5 * r2) / 3) * Math.exp(-sr); // (1 + √5r + 5r²/3) e^{−√5r}
}

/** r² between a and b with length scales ℓ. */
export function scaledDistance2(
  a: readonly number[],
  b: readonly number[],
  lengthScales: readonly number[],
): number {
  let r2 = 0;
  for (let i = 0; i < a.length; i++) {
    const z = (a[i] - b[i]) / lengthScales[i];
    r2 += z * z;
  }
  return r2;
}
