import { type QuantizeOptions, ScaledDistribution } from "./continuous";

/**
 * Uniform on [lo, hi] on a linear scale: u = (v − lo)/(hi − lo). Right for a
 * hyperparameter whose effect is even across its range (a dropout probability, the number
 * of hidden units over a narrow range); lecture 001 warns against it for α and β.
 *
 * @example uniform(0, 0.5).fromUnit(0.5)       // 0.25
 * @example uniform(0, 1, { q: 0.1 })           // values 0, 0.1, …, 1
 */
export class Uniform extends ScaledDistribution {
  readonly name = "uniform";

  constructor(lo: number, hi: number, options: QuantizeOptions = {}) {
    super(lo, hi, options);
    this.check();
  }

  protected toScale(v: number): number {
    return v;
  }
  protected fromScale(s: number): number {
    return s;
  }
  protected make(lo: number, hi: number): Uniform {
    return new Uniform(lo, hi, { q: this.q });
  }
}

/** Uniform on [lo, hi] (see `Uniform`). */
export function uniform(lo: number, hi: number, options: QuantizeOptions = {}): Uniform {
  return new Uniform(lo, hi, options);
}
