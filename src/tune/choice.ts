import type { Generator } from "../tensor/random";
import {
  type Distribution,
  type ParamValue,
  gridIndices,
  indexFromUnit,
  unitFromIndex,
} from "./distribution";

/**
 * One of a few options, each with probability 1/m: the optimiser, the activation, a
 * handful of batch sizes. On the unit interval option i owns the cell [i/m, (i+1)/m)
 * (toUnit = (i + ½)/m), so the options are treated as ordered — fine for a grid or a
 * plot; for `bayesOpt` list ordered options in order (batch sizes ascending).
 *
 * @example choice(["sgd", "adam"]).sample(new Generator(0))
 */
export class Choice<T extends ParamValue = ParamValue> implements Distribution<T> {
  readonly options: readonly T[];

  constructor(options: readonly T[]) {
    if (!Array.isArray(options) || options.length === 0) {
      throw new RangeError(
        `choice: need a non-empty array of options, got ${JSON.stringify(options)}`,
      );
    }
    if (new Set(options).size !== options.length) {
      throw new RangeError(`choice: options must differ, got ${JSON.stringify(options)}`);
    }
    this.options = [...options];
  }

  sample(generator: Generator): T {
    return this.fromUnit(generator.random());
  }

  toUnit(value: T): number {
    const i = this.options.indexOf(value);
    if (i < 0) {
      throw new RangeError(
        `choice: ${JSON.stringify(value)} is not one of ${JSON.stringify(this.options)}`,
      );
    }
    return unitFromIndex(i, this.options.length); // (i + ½)/m
  }

  fromUnit(u: number): T {
    return this.options[indexFromUnit(u, this.options.length)];
  }

  grid(k: number): T[] {
    return gridIndices(this.options.length, Math.max(k, this.options.length)).map(
      (i) => this.options[i],
    );
  }

  narrow(uLo: number, uHi: number): Choice<T> {
    const m = this.options.length;
    const [a, b] = [indexFromUnit(Math.min(uLo, uHi), m), indexFromUnit(Math.max(uLo, uHi), m)];
    return new Choice(this.options.slice(a, b + 1));
  }

  toString(): string {
    return `choice(${JSON.stringify(this.options)})`;
  }
}

/** One of `options`, uniformly (see `Choice`). */
export function choice<const T extends ParamValue>(options: readonly T[]): Choice<T> {
  return new Choice(options);
}
