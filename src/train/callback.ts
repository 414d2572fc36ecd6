import type { Module } from "../nn/module";
import type { BaseOptions, Optimizer } from "../optim/optimizer";
import type { LRScheduler } from "../optim/schedules/lr_scheduler";
import type { ReduceLROnPlateau } from "../optim/schedules/reduce_lr_on_plateau";
import type { History } from "./history";

/** A learning-rate schedule `fit` can drive: a closed-form one, or ReduceLROnPlateau. */
export type Scheduler = LRScheduler | ReduceLROnPlateau;

/**
 * What a callback sees of a running `fit`: the model, optimiser and schedule being trained,
 * and the history as it grows (a live view: the same object `fit` resolves with).
 */
export interface FitContext {
  readonly model: Module;
  readonly optimizer: Optimizer<BaseOptions>;
  readonly scheduler: Scheduler | undefined;
  readonly history: History;
  /** The number of epochs the run trains to (counting any resumed ones). */
  readonly epochs: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  /** Batches per epoch. */
  readonly batchesPerEpoch: number;
  /** The first epoch this call trains: 0, or the epochs already done in a resumed checkpoint. */
  readonly startEpoch: number;
  /** The run's callbacks, in the order `fit` calls them. */
  readonly callbacks: readonly Callback[];
  /** Where progress lines and the final message go (`fit`'s `log`, console.log by default). */
  readonly log: (line: string) => void;
  /** True once a stop has been requested (by `stop`, SIGINT or the signal). */
  readonly stopping: boolean;
  /**
   * Asks `fit` to stop at the next batch boundary (from `onEpochEnd`: before the next epoch),
   * with a sentence saying why; the first request wins.
   */
  stop(reason: "earlyStopping" | "interrupted", why: string): void;
}

/** What `onBatchEnd` is told about the step just taken. */
export interface BatchInfo {
  /** Epoch index, from 0. */
  epoch: number;
  /** Batch index within the epoch, from 0. */
  batch: number;
  /** Batches per epoch. */
  batches: number;
  /** Steps done so far in the run, this one included (1, 2, …). */
  step: number;
  /** The batch's training loss, before the step. */
  loss: number;
  /** The learning rate the step was taken with (group 0). */
  lr: number;
  /** Samples in the batch. */
  size: number;
  /**
   * True when `fit` yields to the event loop right after this batch (about every 50 ms):
   * a notebook shows output only then, so a display hook should redraw on these batches.
   */
  yields: boolean;
  /** Milliseconds since the run started. */
  elapsedMs: number;
}

/**
 * Hooks `fit` calls as it trains, as Keras callbacks; every hook is optional and
 * synchronous (fit yields to the event loop itself). Order in one epoch:
 * `onEpochBegin` → (step, `onBatchEnd`) × batches → validation, schedule step → `onEpochEnd`.
 * `onTrainBegin` comes first, after a resume has been restored (`ctx.startEpoch` > 0 then:
 * a stateful callback resets itself only when it is 0); `onTrainEnd` last (the history's
 * `stopReason` and `message` are set by then; a hook may append to the message).
 *
 * A callback with state that a resumed run needs (early stopping's best value) has a
 * `name` and `stateDict()` / `loadStateDict()`: checkpoints save it under that name.
 */
export interface Callback {
  readonly name?: string;
  onTrainBegin?(ctx: FitContext): void;
  onEpochBegin?(ctx: FitContext, epoch: number): void;
  onBatchEnd?(ctx: FitContext, info: BatchInfo): void;
  onEpochEnd?(ctx: FitContext, epoch: number): void;
  onTrainEnd?(ctx: FitContext): void;
  stateDict?(): unknown;
  loadStateDict?(state: unknown): void;
}
