import type { Generator } from "../tensor/random";
import { type Distribution, type ParamValue, isDistribution } from "./distribution";

/**
 * A search space: a plain object of named distributions, one per hyperparameter.
 *
 * @example
 * const space = { lr: logUniform(1e-4, 1), beta1: oneMinusLogUniform(0.9, 0.999) };
 * formatSpace(space);   // "lr     logUniform(0.0001, 1)\nbeta1  oneMinusLogUniform(0.9, 0.999)"
 */
export type Space = Record<string, Distribution>;

/** One configuration: a value per hyperparameter. */
export type Params = Record<string, ParamValue>;

/** The configurations a space holds: `{ lr: number; beta1: number }` for the example above. */
export type ParamsOf<S extends Space> = {
  [K in keyof S]: S[K] extends Distribution<infer T> ? T : never;
};

/** Refuses what is not a space, naming the caller and the offending entry. */
export function checkSpace(where: string, space: Space): void {
  if (typeof space !== "object" || space === null || Object.keys(space).length === 0) {
    throw new TypeError(
      `${where}: the space must be an object of named distributions, e.g. { lr: logUniform(1e-4, 1) }; got ${String(space)}`,
    );
  }
  for (const [name, d] of Object.entries(space)) {
    if (!isDistribution(d)) {
      throw new TypeError(
        `${where}: space.${name} is ${JSON.stringify(d)}, not a distribution; write e.g. ${name}: logUniform(1e-4, 1), or keep constants out of the space`,
      );
    }
  }
}

/** One configuration drawn from `space`, dimension by dimension in key order. */
export function sampleSpace<S extends Space>(space: S, generator: Generator): ParamsOf<S> {
  const params: Params = {};
  for (const [name, d] of Object.entries(space)) params[name] = d.sample(generator);
  return params as ParamsOf<S>;
}

/** The configuration's point in the unit cube, u_i = toUnit_i(value_i), in key order. */
export function spaceToUnit(space: Space, params: Params): number[] {
  return Object.entries(space).map(([name, d]) => d.toUnit(params[name]));
}

/** The configuration at a point u of the unit cube. */
export function spaceFromUnit<S extends Space>(space: S, u: readonly number[]): ParamsOf<S> {
  const params: Params = {};
  Object.entries(space).forEach(([name, d], i) => (params[name] = d.fromUnit(u[i])));
  return params as ParamsOf<S>;
}

/** The space, one aligned line per hyperparameter: `lr  logUniform(0.0001, 1)`. */
export function formatSpace(space: Space): string {
  const names = Object.keys(space);
  const width = Math.max(...names.map((n) => n.length));
  return names.map((n) => `${n.padEnd(width)}  ${space[n].toString()}`).join("\n");
}
