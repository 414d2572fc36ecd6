import { checkUnitInterval } from "./optimizer";

/** Options of `ewa`. */
export interface EWAOptions {
  /** Return v_t / (1 − β^t) instead of v_t. Default false. */
  biasCorrection?: boolean;
}

/**
 * An exponentially weighted average, streamed one value at a time: the building block of
 * momentum (lecture 001 §1.2.2), RMSprop and Adam. Lecture 001 §1.2.1, eq. (9)–(11):
 *
 * $$ v_0 = 0, \qquad v_t = \beta\, v_{t-1} + (1-\beta)\, \theta_t $$
 * $$ v_t^{\text{corrected}} = \frac{v_t}{1-\beta^t} $$
 *
 * Unrolled, v_t = (1−β) Σ_k β^{t−k} θ_k: weights that decay geometrically and sum to
 * 1 − β^t, which is what the correction divides by (so a constant series is returned
 * exactly, from step 1). The effective window is ≈ 1/(1−β) values: with ε = 1 − β, the
 * weight 1/(1−β) steps back has fallen by β^{1/(1−β)} = (1−ε)^{1/ε} → 1/e ≈ 0.368. Lecture
 * 001 eq. (8) writes this limit as "1/ε ≈ 0.368": a slip, the limit is 1/e. β = 0.9 averages
 * about the last 10 values, β = 0.98 about 50.
 *
 * Symbols: β = `beta`, θ_t = the value passed to `update`, v_t = `value`, t = `t`.
 *
 * @example
 * const avg = new EWA(0.9);
 * avg.update(10); avg.update(10);
 * avg.value;     // v₁ = 0.1·10 = 1, v₂ = 0.9·1 + 0.1·10 = 1.9
 * avg.corrected; // v₂ / (1 − 0.9²) = 1.9 / 0.19 = 10
 */
export class EWA {
  /** v_t, the (uncorrected) average; 0 before the first update. */
  value = 0;
  /** t, the number of values seen. */
  t = 0;

  constructor(readonly beta: number) {
    checkUnitInterval("EWA", "beta", beta);
  }

  /** Takes θ_t: v ← βv + (1−β)θ_t; returns the new v_t. */
  update(theta: number): number {
    this.value = this.beta * this.value + (1 - this.beta) * theta; // v ← βv + (1−β)θ
    this.t += 1;
    return this.value;
  }

  /** v_t / (1 − β^t), the bias-corrected average; 0 before the first update. */
  get corrected(): number {
    return this.t === 0 ? 0 : this.value / (1 - this.beta ** this.t);
  }
}

/**
 * The EWA of a whole series: v_1 … v_n (or the corrected values with `biasCorrection`).
 * @example ewa([10, 10, 10], 0.9);                           // [1, 1.9, 2.71]
 * @example ewa([10, 10, 10], 0.9, { biasCorrection: true });  // [10, 10, 10]
 */
export function ewa(series: readonly number[], beta: number, options: EWAOptions = {}): number[] {
  const avg = new EWA(beta);
  return series.map((theta) => {
    avg.update(theta);
    return options.biasCorrection ? avg.corrected : avg.value;
  });
}
