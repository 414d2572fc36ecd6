import type { Params } from "./space";

/**
 * Where a trial stands: "running" while the objective runs (or between the rungs of
 * successive halving), "complete" once it returned a finite value at its full budget,
 * "pruned" when a strategy stopped it early (its value is the one it was stopped at),
 * "failed" when the objective threw or returned something that is not a finite number.
 */
export type TrialStatus = "running" | "complete" | "pruned" | "failed";

/** A trial as plain data: what a worker thread sends back, what `Study.trials` holds. */
export interface TrialRecord<P extends Params = Params> {
  /** 0, 1, 2, … in the order the study created them. */
  number: number;
  params: P;
  /** This trial's seed, from the study seed and the trial number: seed your model and data order with it. */
  seed: number;
  status: TrialStatus;
  /** The objective's final value (null if it failed). */
  value: number | null;
  /** The learning curve: `intermediate[epoch]` is the value reported after that epoch. */
  intermediate: number[];
  /** Why it failed: the error's message. */
  error: string | null;
  /** Wall time of all its runs, in seconds. */
  seconds: number;
  /** The epochs its latest run may train to (successive halving's rung budget); undefined when the strategy sets none. */
  budget: number | undefined;
  /** Epochs trained over all its runs: one per `report`, or the run's budget when it completed without reporting. */
  budgetUsed: number;
  /** Whatever the objective keeps between runs of this trial (a model's `stateDict()`), to resume instead of retraining. */
  state: unknown;
}

/**
 * One evaluation of the objective: its hyperparameters, its learning curve and its result.
 * The objective receives it and may report on it:
 *
 * @example
 * async function objective(params, trial) {
 *   for (let epoch = 0; epoch < (trial.budget ?? 20); epoch++) {
 *     const valLoss = trainOneEpoch(params);
 *     trial.report(valLoss, epoch);          // the learning curve, one point per epoch
 *     if (trial.shouldPrune()) break;        // the strategy wants it stopped here
 *   }
 *   return valLoss;
 * }
 */
export class Trial<P extends Params = Params> implements TrialRecord<P> {
  status: TrialStatus = "running";
  value: number | null = null;
  intermediate: number[] = [];
  error: string | null = null;
  seconds = 0;
  budget: number | undefined = undefined;
  budgetUsed = 0;
  state: unknown = undefined;

  constructor(
    readonly number: number,
    readonly params: P,
    readonly seed: number,
  ) {}

  /** A trial from its record (in a worker thread, or back from one). */
  static fromRecord<P extends Params>(record: TrialRecord<P>): Trial<P> {
    return Object.assign(new Trial(record.number, record.params, record.seed), record);
  }

  /** Records the value (validation loss, accuracy) after `epoch` (0, 1, …; default: the next one). */
  report(value: number, epoch: number = this.intermediate.length): void {
    if (!Number.isInteger(epoch) || epoch < 0) {
      throw new RangeError(
        `trial ${this.number}: report(value, epoch) needs an epoch 0, 1, 2, …; got ${epoch}`,
      );
    }
    if (typeof value !== "number") {
      throw new TypeError(
        `trial ${this.number}: report(value, ${epoch}) needs a number, got ${typeof value}`,
      );
    }
    this.intermediate[epoch] = value;
    this.budgetUsed += 1; // each report is one epoch trained
  }

  /**
   * True when the strategy wants this run stopped now: its budget of epochs has been
   * reported (successive halving's rung; a promoted trial runs again with a larger one).
   * Stop training and return the latest value.
   */
  shouldPrune(): boolean {
    return this.budget !== undefined && this.intermediate.length >= this.budget;
  }

  /** The trial as plain data (what crosses to and from a worker thread). */
  toRecord(): TrialRecord<P> {
    const { number, params, seed, status, value, intermediate, error, seconds } = this;
    const { budget, budgetUsed, state } = this;
    return {
      number,
      params,
      seed,
      status,
      value,
      intermediate,
      error,
      seconds,
      budget,
      budgetUsed,
      state,
    };
  }
}
