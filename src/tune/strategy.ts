import type { Generator } from "../tensor/random";
import type { Params, ParamsOf, Space } from "./space";
import type { Trial } from "./trial";

/** Whether smaller (a loss) or larger (an accuracy) values are better. */
export type Direction = "minimize" | "maximize";

/** A configuration to evaluate, with the epochs it may train to; `trial` re-runs a promoted trial. */
export interface TrialRequest<P extends Params> {
  params: P;
  budget?: number;
  trial?: Trial<P>;
}

/**
 * A step of a strategy, recorded on the study for tables and plots: a coarse-to-fine
 * round (with its smaller space), a successive-halving rung (with its budget and the
 * trials it kept), a Bayesian-optimisation step (with the surrogate's length scales).
 */
export interface Round {
  label: string;
  /** Trial numbers evaluated in this round. */
  trials: number[];
  /** Those kept for the next round (promoted, or defining the next box). */
  kept?: number[];
  /** Epochs each trial of the round trained to. */
  budget?: number;
  /** The space the round sampled from. */
  space?: Space;
  /** Numbers worth showing: the GP's fitted length scale per dimension. */
  detail?: Record<string, number>;
}

/** What a strategy can do with the study it runs in. */
export interface SearchContext<S extends Space> {
  /** The strategy's own random stream, seeded from the study seed (not the trials'). */
  readonly generator: Generator;
  readonly direction: Direction;
  /**
   * Runs the requests — one after another, or on worker threads — and resolves with their
   * trials in request order. New trials are numbered in request order, so the study is
   * the same whatever the number of workers.
   */
  evaluate(requests: TrialRequest<ParamsOf<S>>[]): Promise<Trial<ParamsOf<S>>[]>;
  /** The trial's value as a loss (lower is better): value, or −value when maximising; +∞ without a value. */
  loss(trial: Trial): number;
  /** Records a round on the study. */
  addRound(round: Round): void;
}

/** A way to choose configurations: grid, random, coarse-to-fine, Bayesian, successive halving. */
export interface Strategy<S extends Space = Space> {
  /** How it prints: `randomSearch(20 trials)`. */
  readonly name: string;
  readonly space: S;
  /** Chooses configurations and evaluates them through `ctx` until its budget is spent. */
  search(ctx: SearchContext<S>): Promise<void>;
}

/** The n trials of lowest loss (best first), failed ones excluded. */
export function bestOf<T extends Trial>(
  ctx: { loss(t: Trial): number },
  trials: T[],
  n: number,
): T[] {
  return trials
    .filter((t) => Number.isFinite(ctx.loss(t)))
    .sort((a, b) => ctx.loss(a) - ctx.loss(b) || a.number - b.number)
    .slice(0, n);
}

/** Refuses a count that is not a positive integer, naming the caller and option. */
export function checkCount(where: string, name: string, n: number, min = 1): void {
  if (!Number.isInteger(n) || n < min) {
    throw new RangeError(`${where}: ${name} must be an integer ≥ ${min}, got ${n}`);
  }
}
