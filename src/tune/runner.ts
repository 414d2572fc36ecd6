import type { Objective } from "./objective";
import { runTrial } from "./run_trial";
import type { Trial } from "./trial";

/** A batch of trials for a runner: created one by one, in order, as they start. */
export interface Batch {
  readonly size: number;
  /** Trial i (created now, so trial numbers follow the batch's order); called for i = 0, 1, … in turn. */
  start(i: number): Trial;
  /** True once the study has been interrupted: start no further trial. */
  stopped(): boolean;
  /** Called as each trial finishes. */
  done(trial: Trial): void;
}

/** Runs batches of trials for a study: here, one after another, or on worker threads. */
export interface TrialRunner {
  /** Runs the batch (never rejects over a failing objective: that fails its trial). */
  run(batch: Batch): Promise<void>;
  /** Frees what it holds (worker threads). */
  close(): Promise<void>;
}

/** The default runner, for notebooks: each trial in this thread, in order. */
export class InProcessRunner implements TrialRunner {
  constructor(private readonly objective: Objective) {}

  async run(batch: Batch): Promise<void> {
    for (let i = 0; i < batch.size && !batch.stopped(); i++) {
      const trial = batch.start(i);
      await runTrial(trial, this.objective);
      batch.done(trial);
    }
  }

  async close(): Promise<void> {}
}
