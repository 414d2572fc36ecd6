import { type QuantizeOptions, ScaledDistribution } from "./continuous";

/**
 * β close to 1 drawn so that 1 − β is log-uniform (lecture 001 §1.4.3): for β from 0.9 to
 * 0.999, sample r uniformly in [−3, −1] and set
 *
 * $$ 1 - \beta = 10^{r}, \qquad \beta = 1 - 10^{r} $$
 *
 * Why: an exponentially weighted average with β averages over about 1/(1−β) values
 * (0.9 → 10, 0.99 → 100, 0.999 → 1000). Moving β from 0.9 to 0.9005 barely changes that
 * window; from 0.999 to 0.9995 it doubles it. So 0.9–0.99 and 0.99–0.999 deserve the same
 * effort: half the draws each, where uniform(0.9, 0.999) would put 91% of them below 0.99.
 *
 * The unit map increases with β: u = 0 at lo, u = 1 at hi. `{ q }` rounds β itself.
 *
 * @example oneMinusLogUniform(0.9, 0.999).grid(3)   // [0.9, 0.99, 0.999]
 */
export class OneMinusLogUniform extends ScaledDistribution {
  readonly name = "oneMinusLogUniform";

  constructor(lo: number, hi: number, options: QuantizeOptions = {}) {
    super(lo, hi, options);
    if (!(hi < 1)) {
      throw new RangeError(
        `oneMinusLogUniform: need lo < hi < 1 (1 − β > 0), got lo=${lo}, hi=${hi}`,
      );
    }
    this.check();
  }

  protected toScale(beta: number): number {
    return Math.log10(1 - beta); // r = log₁₀(1 − β): decreasing in β, so u still increases
  }
  protected fromScale(r: number): number {
    return 1 - 10 ** r; // β = 1 − 10^r
  }
  protected make(lo: number, hi: number): OneMinusLogUniform {
    return new OneMinusLogUniform(lo, hi, { q: this.q });
  }
}

/** β in [lo, hi] with 1 − β log-uniform (see `OneMinusLogUniform`). */
export function oneMinusLogUniform(
  lo: number,
  hi: number,
  options: QuantizeOptions = {},
): OneMinusLogUniform {
  return new OneMinusLogUniform(lo, hi, options);
}
