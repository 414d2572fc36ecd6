import { readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Module, StateDict } from "../nn/module";
import type { BaseOptions, Optimizer, OptimizerStateDict } from "../optim/optimizer";
import type { LRSchedulerStateDict } from "../optim/schedules/lr_scheduler";
import {
  ReduceLROnPlateau,
  type ReduceLROnPlateauStateDict,
} from "../optim/schedules/reduce_lr_on_plateau";
import type { Callback, FitContext, Scheduler } from "./callback";
import type { History } from "./history";

/** Options of `checkpoint`. */
export interface CheckpointOptions {
  /** The JSON file to write (replaced each time, atomically). */
  path: string;
  /** Save after every `every`-th epoch (and after the last, and when a stop is requested). Default 1. */
  every?: number;
}

/** The content of a checkpoint file. */
export interface CheckpointFile {
  format: "nnlab-checkpoint";
  version: 1;
  /** Epochs complete: a resumed run starts with epoch index `epoch`. */
  epoch: number;
  /**
   * Where the random numbers are: epoch e's shuffle and dropout masks are drawn from
   * generators seeded with (seed, e) (`mixSeed`), so the seed and the next epoch are the
   * whole RNG position.
   */
  rng: { seed: number; nextEpoch: number };
  batchSize: number;
  shuffle: boolean;
  model: StateDict;
  optimizer: OptimizerStateDict;
  scheduler: { kind: string; state: LRSchedulerStateDict | ReduceLROnPlateauStateDict } | null;
  history: History;
  /** The states of callbacks that have one, by name. */
  callbacks: Record<string, unknown>;
}

/**
 * Saves everything a run needs to continue — model and optimiser state dicts, the schedule's
 * state, the history, the epoch, the RNG position and stateful callbacks (early stopping) —
 * to a JSON file at the end of every `every`-th epoch. `fit(net, { …, resumeFrom: path })`
 * with a freshly built model, optimiser and schedule continues from there and ends with
 * exactly the weights and history of a run that never stopped (wall times aside).
 * PyTorch has no such callback; this is what its tutorials save by hand with `torch.save`.
 *
 * `fit` runs checkpoints after the other callbacks (as PyTorch Lightning does), so a file
 * holds what they decided that epoch. An interrupted epoch is not saved: resuming repeats it.
 *
 * @example await fit(net, { …, callbacks: [checkpoint({ path: "mnist.ckpt.json" })] });
 */
export class Checkpoint implements Callback {
  readonly name = "checkpoint";
  readonly path: string;
  readonly every: number;
  /** Epochs complete in the last file written, or null. */
  savedEpoch: number | null = null;

  constructor(options: CheckpointOptions) {
    const { path, every = 1 } = options ?? {};
    if (typeof path !== "string" || path === "") {
      throw new TypeError(`checkpoint: path must be a file name, got ${JSON.stringify(path)}`);
    }
    if (!Number.isInteger(every) || every < 1) {
      throw new RangeError(`checkpoint: every must be a positive integer, got ${every}`);
    }
    this.path = path;
    this.every = every;
  }

  onTrainBegin(): void {
    this.savedEpoch = null;
  }

  onEpochEnd(ctx: FitContext, epoch: number): void {
    const done = epoch + 1;
    if (done % this.every === 0 || done === ctx.epochs || ctx.stopping) {
      writeJson(this.path, checkpointOf(ctx, done));
      this.savedEpoch = done;
    }
  }
}

/** A `Checkpoint` callback: `checkpoint({ path, every })`. */
export function checkpoint(options: CheckpointOptions): Checkpoint {
  return new Checkpoint(options);
}

function checkpointOf(ctx: FitContext, epoch: number): CheckpointFile {
  const { scheduler } = ctx;
  const callbacks: Record<string, unknown> = {};
  for (const cb of ctx.callbacks) {
    if (cb.stateDict && cb.name !== undefined) callbacks[cb.name] = cb.stateDict();
  }
  const { error: _error, ...history } = ctx.history;
  return {
    format: "nnlab-checkpoint",
    version: 1,
    epoch,
    rng: { seed: ctx.history.seed, nextEpoch: epoch },
    batchSize: ctx.batchSize,
    shuffle: ctx.shuffle,
    model: ctx.model.stateDict(),
    optimizer: ctx.optimizer.stateDict(),
    scheduler: scheduler ? { kind: kindOf(scheduler), state: scheduler.stateDict() } : null,
    history: structuredClone(history),
    callbacks,
  };
}

/** What a run to be resumed consists of. */
export interface ResumeTarget {
  model: Module;
  optimizer: Optimizer<BaseOptions>;
  scheduler: Scheduler | undefined;
  callbacks: readonly Callback[];
  batchSize: number;
  shuffle: boolean;
  seed: number | undefined;
}

/**
 * Reads a checkpoint and loads it into `target` (model, optimiser, schedule, callbacks);
 * returns its content (history, epochs complete, RNG position). The run's settings (batch
 * size, shuffle, schedule kind, seed, stateful callbacks) are checked against the file
 * before anything is loaded; a model of another shape is refused by `loadStateDict`.
 */
export function restoreCheckpoint(path: string, target: ResumeTarget): CheckpointFile {
  const where = `fit (resumeFrom "${path}")`;
  const saved = readCheckpoint(where, path);
  const mismatch = (what: string, here: unknown, there: unknown) =>
    new Error(
      `${where}: ${what} is ${here} here but ${there} in the checkpoint; resume with the same settings`,
    );
  if (saved.batchSize !== target.batchSize)
    throw mismatch("batchSize", target.batchSize, saved.batchSize);
  if (saved.shuffle !== target.shuffle) throw mismatch("shuffle", target.shuffle, saved.shuffle);
  if (target.seed !== undefined && target.seed !== saved.rng.seed)
    throw mismatch("seed", target.seed, saved.rng.seed);
  const [kindHere, kindThere] = [
    target.scheduler ? kindOf(target.scheduler) : "none",
    saved.scheduler?.kind ?? "none",
  ];
  if (kindHere !== kindThere) throw mismatch("the scheduler", kindHere, kindThere);
  for (const cb of target.callbacks) {
    if (cb.loadStateDict && cb.name !== undefined && !(cb.name in saved.callbacks)) {
      throw new Error(
        `${where}: the callback "${cb.name}" has no state in the checkpoint; resume with the callbacks of the saved run`,
      );
    }
  }
  target.model.loadStateDict(saved.model);
  target.optimizer.loadStateDict(saved.optimizer);
  const { scheduler } = target;
  if (scheduler instanceof ReduceLROnPlateau)
    scheduler.loadStateDict(saved.scheduler!.state as ReduceLROnPlateauStateDict);
  else scheduler?.loadStateDict(saved.scheduler!.state as LRSchedulerStateDict);
  for (const cb of target.callbacks) {
    if (cb.loadStateDict && cb.name !== undefined) cb.loadStateDict(saved.callbacks[cb.name]);
  }
  return saved;
}

function readCheckpoint(where: string, path: string): CheckpointFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(`${where}: cannot read the checkpoint: ${(e as Error).message}`);
  }
  const saved = JSON.parse(text) as CheckpointFile;
  if (saved?.format !== "nnlab-checkpoint" || saved.version !== 1) {
    throw new Error(
      `${where}: not an nnlab checkpoint (version 1): format ${JSON.stringify(saved?.format)}, version ${saved?.version}`,
    );
  }
  return saved;
}

function kindOf(scheduler: Scheduler): string {
  return scheduler.constructor.name;
}

/** Writes JSON to `path` through a temporary file, so an interrupt never leaves half a file. */
function writeJson(path: string, value: unknown): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, path);
}
