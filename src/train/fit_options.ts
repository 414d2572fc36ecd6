import { type Dataset, type DataLike, asDataset } from "../data/tensor_dataset";
import { Module } from "../nn/module";
import { type BaseOptions, Optimizer } from "../optim/optimizer";
import { LRScheduler } from "../optim/schedules/lr_scheduler";
import { ReduceLROnPlateau } from "../optim/schedules/reduce_lr_on_plateau";
import type { Callback, Scheduler } from "./callback";
import type { LossFn } from "./evaluate";
import { type MetricFn, type MetricSpec, resolveMetrics } from "./metrics";

/** Options of `fit`. */
export interface FitOptions {
  /** The optimiser, built on this model's parameters: `new optim.SGD(net.parameters(), { lr: 0.1 })`. */
  optimizer: Optimizer<BaseOptions>;
  /** The loss of a batch, a scalar tensor: `nn.crossEntropy`, `nn.mseLoss`. */
  loss: LossFn;
  /** Training data: a `TensorDataset` or `{ x, y }`. */
  train: DataLike;
  /** Validation data, scored after every epoch in eval mode. */
  val?: DataLike;
  /** The number of epochs to train to (a resumed run continues up to it). */
  epochs: number;
  /** B, samples per step: N is batch GD, 1 is SGD, between is mini-batch SGD. Default 32 (Keras's). */
  batchSize?: number;
  /** A new sample order every epoch. Default true. */
  shuffle?: boolean;
  /** Seeds the shuffles and dropout masks; default: drawn from the default generator (`manualSeed`). */
  seed?: number;
  /** A schedule on `optimizer`, stepped after every epoch (or batch, see `schedulerInterval`). */
  scheduler?: Scheduler;
  /** When a closed-form schedule steps: "epoch" (default) or "batch". ReduceLROnPlateau steps per epoch. */
  schedulerInterval?: "epoch" | "batch";
  /** What ReduceLROnPlateau watches: "valLoss" (default), "valAccuracy", "trainLoss", … */
  monitor?: string;
  /** Hooks: `earlyStopping(...)`, `checkpoint(...)`, widgets. */
  callbacks?: Callback[];
  /** Metrics recorded per epoch for train and val: `["accuracy"]`, or named functions. */
  metrics?: MetricSpec[];
  /** Aborting it stops training at the next batch boundary, as a kernel interrupt does. */
  signal?: AbortSignal;
  /** 1 (default): a line per epoch and the final message; 0: nothing. */
  verbose?: 0 | 1 | boolean;
  /** Where lines go. Default console.log (stdout: a notebook shows it; never stderr). */
  log?: (line: string) => void;
  /** A checkpoint file to continue from (`checkpoint`); the run then ends exactly as an uninterrupted one. */
  resumeFrom?: string;
}

/** `FitOptions` checked, with defaults filled in. */
export interface FitPlan {
  optimizer: Optimizer<BaseOptions>;
  loss: LossFn;
  train: Dataset;
  val: Dataset | undefined;
  epochs: number;
  batchSize: number;
  shuffle: boolean;
  seed: number | undefined;
  scheduler: Scheduler | undefined;
  schedulerInterval: "epoch" | "batch";
  monitor: string;
  callbacks: Callback[];
  metrics: [string, MetricFn][];
  signal: AbortSignal | undefined;
  verbose: boolean;
  log: (line: string) => void;
  resumeFrom: string | undefined;
}

/** Checks `options` against `model`; every message names the option, the expected and the given value. */
export function planFit(model: Module, options: FitOptions): FitPlan {
  const where = "fit";
  if (!(model instanceof Module)) {
    throw new TypeError(
      `${where}: the first argument must be a Module (the model), got ${typeof model}`,
    );
  }
  if (options === null || typeof options !== "object") {
    throw new TypeError(
      `${where}: pass options { optimizer, loss, train, epochs }, got ${options}`,
    );
  }
  const { optimizer, loss, epochs, batchSize = 32, seed, scheduler } = options;
  if (!(optimizer instanceof Optimizer)) {
    throw new TypeError(
      `${where}: optimizer must be an Optimizer (new optim.SGD(net.parameters(), { lr })), got ${optimizer}`,
    );
  }
  const own = new Set(model.parameters());
  if (!optimizer.paramGroups.some((g) => g.params.some((p) => own.has(p)))) {
    throw new Error(
      `${where}: the optimizer holds none of this model's parameters; was it built for an earlier model? Build it after the model: new optim.SGD(net.parameters(), …)`,
    );
  }
  if (typeof loss !== "function") {
    throw new TypeError(
      `${where}: loss must be a function (output, target) => scalar tensor, such as nn.crossEntropy, got ${loss}`,
    );
  }
  positiveInteger(where, "epochs", epochs);
  positiveInteger(where, "batchSize", batchSize);
  if (seed !== undefined && !Number.isSafeInteger(seed)) {
    throw new TypeError(`${where}: seed must be an integer, got ${seed}`);
  }
  const val = options.val === undefined ? undefined : asDataset(`${where} (val)`, options.val);
  const schedulerInterval = options.schedulerInterval ?? "epoch";
  const monitor = options.monitor ?? "valLoss";
  checkScheduler(where, scheduler, optimizer, schedulerInterval, monitor, val !== undefined);
  const callbacks = options.callbacks ?? [];
  if (!Array.isArray(callbacks)) {
    throw new TypeError(`${where}: callbacks must be an array, got ${typeof callbacks}`);
  }
  return {
    optimizer,
    loss,
    train: asDataset(`${where} (train)`, options.train),
    val,
    epochs,
    batchSize,
    shuffle: options.shuffle ?? true,
    seed,
    scheduler,
    schedulerInterval,
    monitor,
    callbacks,
    metrics: resolveMetrics(where, options.metrics),
    signal: options.signal,
    verbose: options.verbose === undefined ? true : Boolean(options.verbose),
    log: options.log ?? ((line: string) => console.log(line)),
    resumeFrom: options.resumeFrom,
  };
}

function checkScheduler(
  where: string,
  scheduler: Scheduler | undefined,
  optimizer: Optimizer<BaseOptions>,
  interval: string,
  monitor: string,
  hasVal: boolean,
): void {
  if (interval !== "epoch" && interval !== "batch") {
    throw new RangeError(
      `${where}: schedulerInterval must be "epoch" or "batch", got ${JSON.stringify(interval)}`,
    );
  }
  if (scheduler === undefined) return;
  if (!(scheduler instanceof LRScheduler || scheduler instanceof ReduceLROnPlateau)) {
    throw new TypeError(
      `${where}: scheduler must be an LRScheduler (optim.StepLR, …) or optim.ReduceLROnPlateau, got ${scheduler}`,
    );
  }
  if (scheduler.optimizer !== optimizer) {
    throw new Error(
      `${where}: the scheduler was built on a different optimizer; build it on the one passed to fit`,
    );
  }
  if (scheduler instanceof ReduceLROnPlateau) {
    if (interval === "batch") {
      throw new RangeError(
        `${where}: ReduceLROnPlateau needs a metric per epoch, so it steps per epoch; remove schedulerInterval: "batch"`,
      );
    }
    if (monitor.startsWith("val") && !hasVal) {
      throw new Error(
        `${where}: ReduceLROnPlateau watches "${monitor}", but no val data was given; pass val, or monitor: "trainLoss"`,
      );
    }
  }
}

function positiveInteger(where: string, name: string, value: unknown): void {
  if (!(typeof value === "number" && Number.isInteger(value) && value >= 1)) {
    throw new RangeError(`${where}: ${name} must be a positive integer, got ${value}`);
  }
}
