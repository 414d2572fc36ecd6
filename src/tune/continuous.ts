import type { Generator } from "../tensor/random";
import { type Distribution, clampUnit, formatNumber, unitGrid } from "./distribution";

/** Options of the continuous distributions. */
export interface QuantizeOptions {
  /** Round every value to a multiple of q (hyperopt's `quniform`, `qloguniform`): round(v/q)·q. */
  q?: number;
}

/**
 * A continuous distribution uniform on some scale s = t(v): uniform (t(v) = v), log-uniform
 * (t(v) = log₁₀ v), 1 − β log-uniform (t(β) = log₁₀(1 − β)). A subclass gives t and t⁻¹;
 * this class does the rest, on that scale:
 *
 *     u = (t(v) − t(lo)) / (t(hi) − t(lo)),     v = t⁻¹(t(lo) + u·(t(hi) − t(lo)))
 *
 * so a draw is v = t⁻¹(s) with s uniform between t(lo) and t(hi), as lecture 001 draws
 * α = 10^r with r uniform. With `{ q }` values are rounded to multiples of q inside [lo, hi].
 */
export abstract class ScaledDistribution implements Distribution<number> {
  /** The family's name, as `toString` prints it. */
  abstract readonly name: string;
  readonly q: number | undefined;

  constructor(
    readonly lo: number,
    readonly hi: number,
    options: QuantizeOptions = {},
  ) {
    this.q = options.q;
  }

  /** t: value → scale. */
  protected abstract toScale(v: number): number;
  /** t⁻¹: scale → value. */
  protected abstract fromScale(s: number): number;
  /** The same family on [lo, hi], with this one's q. */
  protected abstract make(lo: number, hi: number): ScaledDistribution;

  /** Checks lo < hi and q, naming the family; subclasses add their own bounds first. */
  protected check(): void {
    const { lo, hi, q, name } = this;
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
      throw new RangeError(`${name}: need finite lo < hi, got lo=${lo}, hi=${hi}`);
    }
    if (q === undefined) return;
    if (!(q > 0) || Math.ceil(lo / q) > Math.floor(hi / q)) {
      throw new RangeError(
        `${name}(${lo}, ${hi}): q must be > 0 with a multiple of q in range, got q=${q}`,
      );
    }
  }

  sample(generator: Generator): number {
    return this.fromUnit(generator.random());
  }

  toUnit(value: number): number {
    const [a, b] = [this.toScale(this.lo), this.toScale(this.hi)];
    return clampUnit((this.toScale(value) - a) / (b - a)); // u = (t(v) − t(lo)) / (t(hi) − t(lo))
  }

  fromUnit(u: number): number {
    return this.quantize(this.unquantized(u));
  }

  grid(k: number): number[] {
    const clean = (v: number) => Number(v.toPrecision(12)); // 10^−4, not 0.00009999999999999999
    return [...new Set(unitGrid(k).map((u) => clean(this.fromUnit(u))))];
  }

  narrow(uLo: number, uHi: number): ScaledDistribution {
    const lo = this.unquantized(Math.min(uLo, uHi));
    const hi = this.unquantized(Math.max(uLo, uHi));
    return this.make(Math.min(lo, this.quantize(lo)), Math.max(hi, this.quantize(hi))); // keeps a multiple of q inside
  }

  toString(): string {
    const q = this.q === undefined ? "" : `, { q: ${formatNumber(this.q)} }`;
    return `${this.name}(${formatNumber(this.lo)}, ${formatNumber(this.hi)}${q})`;
  }

  /** v = t⁻¹(t(lo) + u·(t(hi) − t(lo))), kept inside [lo, hi] against rounding. */
  private unquantized(u: number): number {
    const [a, b] = [this.toScale(this.lo), this.toScale(this.hi)];
    const v = this.fromScale(a + clampUnit(u) * (b - a));
    return Math.min(this.hi, Math.max(this.lo, v));
  }

  /** round(v/q)·q, inside [lo, hi], without float noise (0.30000000000000004 → 0.3). */
  private quantize(v: number): number {
    const { q } = this;
    if (q === undefined) return v;
    const k = Math.min(
      Math.floor(this.hi / q),
      Math.max(Math.ceil(this.lo / q), Math.round(v / q)),
    );
    return Number((k * q).toPrecision(12));
  }
}
