/**
 * Why `fit` ended:
 * - "completed": every epoch ran;
 * - "earlyStopping": a callback (early stopping) decided the model stopped improving;
 * - "interrupted": a kernel interrupt (SIGINT) or an aborted `signal`, at a batch boundary;
 * - "nonFinite": the loss became NaN or ±∞ (usually a learning rate too large);
 * - "error": an exception; `history.error` holds it.
 */
export type StopReason = "completed" | "earlyStopping" | "interrupted" | "nonFinite" | "error";

/** Per optimisation step (one mini-batch), in order. */
export interface StepRecords {
  /** The training loss of the batch, before the step. */
  loss: number[];
  /** The learning rate the step was taken with (parameter group 0). */
  lr: number[];
  /** Epochs done after the step, fractional: batch b of B in epoch e is e + (b+1)/B (x axis of a learning curve). */
  epoch: number[];
}

/**
 * Per complete epoch, in order: series by name, "loss" first, then the metrics
 * (`epochs.train.accuracy`, `epochs.val.loss`). `val` is empty without validation data.
 */
export interface EpochRecords {
  /** Training loss and metrics: means over the epoch's batches, weighted by batch size. */
  train: Record<string, number[]>;
  /** Validation loss and metrics after the epoch, in eval mode. */
  val: Record<string, number[]>;
  /** The learning rate at the start of the epoch (group 0). */
  lr: number[];
  /** Wall-clock seconds the epoch took, validation included. */
  seconds: number[];
}

/**
 * What `fit` reports: plain records, JSON-serialisable, that widgets draw as learning curves
 * (lecture 000: the gap between the training and validation curves is the overfitting).
 * `fit` fills it as it trains; callbacks see it live. Only complete steps and epochs are
 * recorded: an interrupted epoch leaves its steps in `steps` but no entry in `epochs`.
 */
export interface History {
  steps: StepRecords;
  epochs: EpochRecords;
  /** Null while training, then why it ended. */
  stopReason: StopReason | null;
  /** True when a kernel interrupt or an aborted signal stopped it. */
  interrupted: boolean;
  /** One sentence on how it ended, what was kept and what to do next. */
  message: string;
  /** Where it stopped: the last complete step (1-based), its epoch and batch (1-based); null before the first. */
  stoppedAt: { step: number; epoch: number; batch: number } | null;
  /** The seed the run's shuffles and dropout masks came from (`fit`'s `seed`, or the one drawn). */
  seed: number;
  /** The exception, when `stopReason` is "error" (not saved by checkpoints). */
  error?: unknown;
}

/** An empty history for a run with `seed`. */
export function createHistory(seed: number): History {
  return {
    steps: { loss: [], lr: [], epoch: [] },
    epochs: { train: { loss: [] }, val: {}, lr: [], seconds: [] },
    stopReason: null,
    interrupted: false,
    message: "",
    stoppedAt: null,
    seed,
  };
}

/**
 * The series `monitor` names: "trainLoss", "valLoss", or a metric as "train" / "val" + its
 * name capitalised ("valAccuracy" → `epochs.val.accuracy`). Throws, listing the names there
 * are, for a name there isn't (`where` names the caller).
 */
export function monitoredSeries(where: string, history: History, monitor: string): number[] {
  for (const [prefix, records] of [
    ["train", history.epochs.train],
    ["val", history.epochs.val],
  ] as const) {
    for (const [name, series] of Object.entries(records)) {
      if (monitor === prefix + capitalise(name)) return series;
    }
  }
  throw new RangeError(
    `${where}: nothing is recorded as "${monitor}"; this run records ${monitorNames(history).join(", ")}`,
  );
}

/** The names `monitoredSeries` accepts for this history. */
export function monitorNames(history: History): string[] {
  const { train, val } = history.epochs;
  return [
    ...Object.keys(train).map((k) => "train" + capitalise(k)),
    ...Object.keys(val).map((k) => "val" + capitalise(k)),
  ];
}

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
