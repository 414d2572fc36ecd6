import type { History } from "./history";
import { formatValue } from "./progress_bar";

/** Where a run was when it ended. */
export interface RunPosition {
  /** Epochs to train to, batches per epoch. */
  epochs: number;
  batches: number;
  /** The epoch (from 0) and batch (from 0) being trained when it ended. */
  epoch: number;
  batch: number;
  /** Seconds since the run started. */
  seconds: number;
  /** Epochs complete in the last checkpoint written in this run, and its file; null without. */
  saved: { epoch: number; path: string } | null;
}

/** A loss that is NaN or ±∞: thrown by the training step, before the optimiser moves. */
export class NonFiniteLoss extends Error {
  constructor(
    readonly value: number,
    readonly phase: "training" | "validation",
  ) {
    super(`the ${phase} loss is ${value}`);
  }
}

/** Sets `stopReason`, `interrupted` and `message`: how it ended, what is kept, what to do next. */
export function finishHistory(
  history: History,
  reason: NonNullable<History["stopReason"]>,
  at: RunPosition,
  detail: { why?: string; error?: unknown },
): void {
  history.stopReason = reason;
  history.interrupted = reason === "interrupted";
  const steps = history.steps.loss.length;
  const epochsDone = history.epochs.seconds.length;
  const where = `epoch ${at.epoch + 1}/${at.epochs}, batch ${at.batch + 1}/${at.batches}`;
  switch (reason) {
    case "completed":
      history.message = `fit: completed ${at.epochs} epochs (${steps} steps) in ${at.seconds.toFixed(1)} s.`;
      break;
    case "earlyStopping":
      history.message = `fit: stopped early after epoch ${epochsDone}/${at.epochs}: ${detail.why}.`;
      break;
    case "interrupted":
      history.message =
        `fit: interrupted (${detail.why}) after step ${steps} (${stepWhere(history, at)}). ` +
        `The model keeps the weights of that step; the history has its ${steps} steps and ${epochsDone} complete epochs. ` +
        (at.saved
          ? `To continue: fit(…, { resumeFrom: "${at.saved.path}" }) (saved after epoch ${at.saved.epoch}).`
          : "Calling fit again trains on from these weights, as a new run.");
      break;
    case "nonFinite":
      history.message = nonFiniteMessage(history, detail.error as NonFiniteLoss, where, steps);
      break;
    case "error":
      history.error = detail.error;
      history.message =
        `fit: stopped by an error at step ${steps + 1} (${where}): ${errorText(detail.error)}. ` +
        `The model and the history keep the ${steps} steps before it.`;
      break;
  }
}

function nonFiniteMessage(
  history: History,
  e: NonFiniteLoss,
  where: string,
  steps: number,
): string {
  const lr = history.steps.lr.at(-1);
  const cause =
    `Likely cause: the learning rate${lr === undefined ? "" : ` (${formatValue(lr)})`} is too large; ` +
    "try one 10× smaller (or check the data for NaN/±∞).";
  if (e.phase === "validation") {
    return `fit: the validation loss after epoch ${history.epochs.seconds.length + 1} is ${e.value}; training stopped and the epoch is not recorded. ${cause}`;
  }
  const last = history.steps.loss.at(-1);
  const before =
    last === undefined
      ? "No step had a finite loss: check the inputs and targets for NaN or ±∞, and the loss for log(0)."
      : `The last finite loss was ${formatValue(last)} at step ${steps}; the model keeps the weights after that step, and the history ends there.`;
  return `fit: the loss became ${e.value} at step ${steps + 1} (${where}); training stopped. ${before} ${cause}`;
}

function stepWhere(history: History, at: RunPosition): string {
  const s = history.stoppedAt;
  return s
    ? `epoch ${s.epoch}/${at.epochs}, batch ${s.batch}/${at.batches}`
    : "before the first step";
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
