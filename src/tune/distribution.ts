import type { Generator } from "../tensor/random";

/** A value a search space can hold: a number, or one of a `choice`'s options. */
export type ParamValue = number | string | boolean;

/**
 * A hyperparameter's prior: how to draw it, and where a value sits on the distribution's
 * own scale (lecture 001 §1.4.3, "appropriate scale for hyperparameters").
 *
 * `toUnit` / `fromUnit` map values to and from u ∈ [0, 1] so that u is uniform when the
 * value is drawn: u = (log₁₀ α − log₁₀ lo) / (log₁₀ hi − log₁₀ lo) for `logUniform`. Grids,
 * coarse-to-fine boxes, plots and the Gaussian process of `bayesOpt` all work on u.
 *
 * @example logUniform(1e-4, 1).fromUnit(0.5)   // 0.01: halfway on the log scale
 */
export interface Distribution<T extends ParamValue = ParamValue> {
  /** One draw, `fromUnit(u)` with u uniform in [0, 1) from `generator`. */
  sample(generator: Generator): T;
  /** The value's position u ∈ [0, 1] on this distribution's scale. */
  toUnit(value: T): number;
  /** The value at u ∈ [0, 1] on this distribution's scale (quantised, inside the range). */
  fromUnit(u: number): T;
  /** `k` values evenly spaced on this scale, both ends included; every value of a discrete one with at most `k` (of a `choice`: always all). */
  grid(k: number): T[];
  /** The same family restricted to the values at u ∈ [uLo, uHi] (coarse-to-fine's smaller box). */
  narrow(uLo: number, uHi: number): Distribution<T>;
  /** How it prints: `logUniform(0.0001, 1)`. */
  toString(): string;
}

/** Whether `d` looks like a distribution (what space checks use). */
export function isDistribution(d: unknown): d is Distribution {
  const o = d as Partial<Distribution> | null;
  return (
    typeof o === "object" &&
    o !== null &&
    typeof o.sample === "function" &&
    typeof o.toUnit === "function"
  );
}

/** u clipped to [0, 1]. */
export function clampUnit(u: number): number {
  return Math.min(1, Math.max(0, u));
}

/** Indices 0…m−1 of a discrete distribution: the unit interval split into m equal cells. */
export function indexFromUnit(u: number, m: number): number {
  return Math.min(m - 1, Math.floor(clampUnit(u) * m));
}

/** The centre of cell i of m: (i + ½)/m. */
export function unitFromIndex(i: number, m: number): number {
  return (i + 0.5) / m;
}

/** `k` indices spread evenly over 0…m−1 (all of them when m ≤ k). */
export function gridIndices(m: number, k: number): number[] {
  if (m <= k) return Array.from({ length: m }, (_, i) => i);
  if (k === 1) return [Math.floor((m - 1) / 2)];
  const picked = Array.from({ length: k }, (_, i) => Math.round((i * (m - 1)) / (k - 1)));
  return [...new Set(picked)];
}

/** `k` unit positions i/(k−1), i = 0…k−1 (the middle, ½, when k = 1). */
export function unitGrid(k: number): number[] {
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`grid: need a positive integer number of points, got ${k}`);
  }
  return k === 1 ? [0.5] : Array.from({ length: k }, (_, i) => i / (k - 1));
}

/** A number as a space prints it: short, exact for round values (0.0001, 1e-8, 0.999). */
export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(6)));
}
