/**
 * Cholesky factorisation K = LLᵀ of a symmetric positive-definite n×n matrix (row-major),
 * and the triangular solves a Gaussian process needs. O(n³/3) multiply-adds: the cost
 * lecture 000 names for Bayesian optimisation ("the inverse of the covariance matrix,
 * O(n³)"), paid again whenever the surrogate is refitted.
 *
 * A kernel matrix of close points is numerically only semi-definite, so `choleskyJitter`
 * adds jitter·I — 10⁻¹⁰ of the mean diagonal, ×10 per retry up to 10⁻⁴ — until it works
 * (as GPy and scikit-learn's `alpha` do), and says how much it added.
 */
export function cholesky(K: Float64Array, n: number): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = K[j * n + j];
    for (let k = 0; k < j; k++) d -= L[j * n + k] * L[j * n + k]; // L_jj² = K_jj − Σ_k L_jk²
    if (!(d > 0)) return null;
    const Ljj = Math.sqrt(d);
    L[j * n + j] = Ljj;
    for (let i = j + 1; i < n; i++) {
      let s = K[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k]; // L_ij = (K_ij − Σ_k L_ik L_jk) / L_jj
      L[i * n + j] = s / Ljj;
    }
  }
  return L;
}

/** Cholesky of K + jitter·I with the smallest jitter that works (0 first); null if even 10⁻⁴·mean diag fails. */
export function choleskyJitter(
  K: Float64Array,
  n: number,
): { L: Float64Array; jitter: number } | null {
  let meanDiag = 0;
  for (let i = 0; i < n; i++) meanDiag += K[i * n + i] / n;
  for (let jitter = 0, scale = 1e-10; scale <= 1e-4; jitter = meanDiag * scale, scale *= 10) {
    const Kj = jitter === 0 ? K : K.map((v, idx) => (idx % (n + 1) === 0 ? v + jitter : v));
    const L = cholesky(Kj, n);
    if (L) return { L, jitter };
  }
  return null;
}

/** x with Lx = b (forward substitution). */
export function solveLower(L: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * n + k] * x[k];
    x[i] = s / L[i * n + i];
  }
  return x;
}

/** x with Lᵀx = b (back substitution). */
export function solveUpperT(L: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * x[k];
    x[i] = s / L[i * n + i];
  }
  return x;
}
