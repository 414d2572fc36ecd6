import { defaultGenerator } from "../tensor/random";
import type { Objective } from "./objective";
import type { Params } from "./space";
import type { Trial } from "./trial";

/**
 * Runs the objective once on `trial`, in this thread, and records the outcome on it: the
 * value and "complete", or "failed" with the error's message (never throws). The default
 * generator is seeded with `trial.seed` first, so a trial's randomness depends only on the
 * study seed and the trial number — the same in a worker thread as here.
 */
export async function runTrial<P extends Params>(
  trial: Trial<P>,
  objective: Objective<P>,
): Promise<void> {
  const t0 = performance.now();
  const used = trial.budgetUsed;
  trial.status = "running";
  trial.error = null;
  defaultGenerator.manualSeed(trial.seed);
  try {
    const value = await objective(trial.params, trial);
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new Error(`the objective returned ${String(value)}, not a finite number (diverged?)`);
    }
    trial.value = value;
    trial.status = "complete";
  } catch (error) {
    trial.value = null;
    trial.status = "failed";
    trial.error = error instanceof Error ? error.message : String(error);
  }
  const silent = trial.budgetUsed === used && trial.status === "complete";
  if (silent && trial.budget !== undefined) trial.budgetUsed += trial.budget; // completed without reports: charge its budget
  trial.seconds += (performance.now() - t0) / 1000;
}
