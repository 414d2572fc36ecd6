import type { Generator } from "../tensor/random";
import {
  type Distribution,
  formatNumber,
  gridIndices,
  indexFromUnit,
  unitFromIndex,
} from "./distribution";

/** Options of `intUniform`. */
export interface IntUniformOptions {
  /** The step between values (the quantised variant): lo, lo + q, lo + 2q, … ≤ hi. Default 1. */
  q?: number;
}

/**
 * An integer uniform on lo, lo + q, …, hi (both ends included, as Optuna's `suggest_int`):
 * the number of hidden units, of layers, the batch size in steps of 16.
 *
 * On the unit interval each of the m values owns a cell of width 1/m: toUnit(vᵢ) = (i + ½)/m
 * and fromUnit(u) = v_{⌊u·m⌋}, so a uniform u gives each value probability 1/m.
 *
 * @example intUniform(16, 128, { q: 16 }).grid(3)   // [16, 80, 128]
 */
export class IntUniform implements Distribution<number> {
  readonly q: number;
  /** m, the number of values. */
  readonly size: number;

  constructor(
    readonly lo: number,
    readonly hi: number,
    options: IntUniformOptions = {},
  ) {
    const { q = 1 } = options;
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo > hi) {
      throw new RangeError(`intUniform: need integers lo ≤ hi, got lo=${lo}, hi=${hi}`);
    }
    if (!Number.isInteger(q) || q < 1) {
      throw new RangeError(
        `intUniform(${lo}, ${hi}): q must be a positive integer step, got q=${q}`,
      );
    }
    this.q = q;
    this.size = Math.floor((hi - lo) / q) + 1;
  }

  sample(generator: Generator): number {
    return this.fromUnit(generator.random());
  }

  toUnit(value: number): number {
    const i = Math.round((value - this.lo) / this.q);
    return unitFromIndex(Math.min(this.size - 1, Math.max(0, i)), this.size); // (i + ½)/m
  }

  fromUnit(u: number): number {
    return this.lo + this.q * indexFromUnit(u, this.size); // v = lo + q⌊u·m⌋
  }

  grid(k: number): number[] {
    return gridIndices(this.size, k).map((i) => this.lo + this.q * i);
  }

  narrow(uLo: number, uHi: number): IntUniform {
    const [a, b] = [
      indexFromUnit(Math.min(uLo, uHi), this.size),
      indexFromUnit(Math.max(uLo, uHi), this.size),
    ];
    return new IntUniform(this.lo + this.q * a, this.lo + this.q * b, { q: this.q });
  }

  toString(): string {
    const q = this.q === 1 ? "" : `, { q: ${this.q} }`;
    return `intUniform(${formatNumber(this.lo)}, ${formatNumber(this.hi)}${q})`;
  }
}

/** An integer uniform on lo…hi, both included (see `IntUniform`). */
export function intUniform(lo: number, hi: number, options: IntUniformOptions = {}): IntUniform {
  return new IntUniform(lo, hi, options);
}
