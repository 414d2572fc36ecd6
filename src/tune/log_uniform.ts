import { type QuantizeOptions, ScaledDistribution } from "./continuous";

/**
 * Uniform in log₁₀ between lo and hi (0 < lo < hi): lecture 001 §1.4.3 for the learning
 * rate, "0.0001, 0.001, 0.01, 0.1 on a log axis, then uniform between the ticks":
 *
 * $$ r \sim U[\log_{10} lo, \log_{10} hi], \qquad \alpha = 10^{r} $$
 *
 * so `logUniform(1e-4, 1)` is the lecture's r = −4·rand(), α = 10^r: each decade gets the
 * same share of draws (a quarter here), where a linear uniform would put 90% of them in
 * [0.1, 1]. Same as scipy's `loguniform` and Optuna's `suggest_float(log=True)`.
 *
 * @example logUniform(1e-4, 1).grid(5)   // [0.0001, 0.001, 0.01, 0.1, 1]
 */
export class LogUniform extends ScaledDistribution {
  readonly name = "logUniform";

  constructor(lo: number, hi: number, options: QuantizeOptions = {}) {
    super(lo, hi, options);
    if (!(lo > 0)) throw new RangeError(`logUniform: need 0 < lo < hi, got lo=${lo}, hi=${hi}`);
    this.check();
  }

  protected toScale(v: number): number {
    return Math.log10(v); // r = log₁₀ α
  }
  protected fromScale(r: number): number {
    return 10 ** r; // α = 10^r
  }
  protected make(lo: number, hi: number): LogUniform {
    return new LogUniform(lo, hi, { q: this.q });
  }
}

/** Uniform in log₁₀ between lo and hi (see `LogUniform`). */
export function logUniform(lo: number, hi: number, options: QuantizeOptions = {}): LogUniform {
  return new LogUniform(lo, hi, options);
}
