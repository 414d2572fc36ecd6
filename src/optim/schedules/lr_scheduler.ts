import type { BaseOptions, Optimizer } from "../optimizer";

/** JSON form of a schedule's state: where it is (`lastEpoch`) and what it started from. */
export interface LRSchedulerStateDict {
  lastEpoch: number;
  baseLrs: number[];
  lastLr: number[];
}

/**
 * Base class of the learning-rate schedules that have a closed form, as
 * `torch.optim.lr_scheduler.LRScheduler`:
 *
 * $$ \alpha_t = \mathrm{lrAt}(t), \qquad \alpha_0 = \text{each group's lr when the schedule is built} $$
 *
 * `lrAt(t)` is pure: it reads only the hyperparameters and `baseLrs`, so a widget can draw a
 * schedule without training (`range(50).map((t) => sched.lrAt(t))`). `step()` only applies it.
 *
 * Epoch indexing, as in PyTorch: t = `lastEpoch` = the number of `step()` calls so far.
 * Building the schedule sets every group's lr to `lrAt(0)` (the initial rate α₀ for every
 * schedule here except `LambdaLR` with f(0) ≠ 1 and `InverseSqrtLR` with k ≠ 1); calling
 * `step()` after an epoch moves to t + 1. So epoch t of training (counting from 0) runs at
 * `lrAt(t)`, and t is the lectures' "epoch_num": the number of complete passes so far.
 *
 * The unit of t is "one `step()` call". Call `step()` once per batch instead and t counts
 * batches: `new StepLR(opt, 100 * batchesPerEpoch)` decays every 100 epochs.
 *
 * Unlike PyTorch's chainable form, `step()` overwrites the lr with the closed form, so two
 * schedules on one optimizer do not compose and a hand-set lr lasts until the next `step()`.
 *
 * A subclass checks and stores its hyperparameters, then calls `this.initialStep()`.
 */
export abstract class LRScheduler {
  /** α₀ of each parameter group: its lr when the schedule was built. */
  baseLrs: number[];
  /** t: the number of `step()` calls so far. */
  lastEpoch = 0;
  private lastLr: number[];

  constructor(
    readonly name: string,
    readonly optimizer: Optimizer<BaseOptions>,
  ) {
    this.baseLrs = optimizer.paramGroups.map((g) => g.lr);
    this.lastLr = [...this.baseLrs];
  }

  /** The closed form for one group: α_t from t and that group's α₀. */
  protected abstract closedForm(t: number, alpha0: number, group: number): number;

  /** The learning rate of `group` at epoch t (the number of `step()` calls), without changing anything. */
  lrAt(epoch: number, group = 0): number {
    if (!(Number.isFinite(epoch) && epoch >= 0)) {
      throw new RangeError(`${this.name}.lrAt: epoch must be a finite number ≥ 0, got ${epoch}`);
    }
    const n = this.baseLrs.length;
    if (!(Number.isInteger(group) && group >= 0 && group < n)) {
      throw new RangeError(
        `${this.name}.lrAt: group must be an integer in [0, ${n - 1}] (the optimizer has ${n} parameter groups), got ${group}`,
      );
    }
    return this.closedForm(epoch, this.baseLrs[group], group);
  }

  /** Moves to the next epoch (or batch) and sets every group's lr to `lrAt(lastEpoch)`. */
  step(): void {
    this.lastEpoch += 1;
    this.apply();
  }

  /** The learning rates the last `step()` (or the constructor) set, one per group. */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  /** Where the schedule is, as JSON-serialisable data; hyperparameters are not included. */
  stateDict(): LRSchedulerStateDict {
    return { lastEpoch: this.lastEpoch, baseLrs: [...this.baseLrs], lastLr: [...this.lastLr] };
  }

  /**
   * Restores `lastEpoch`, `baseLrs` and the last lrs. As in PyTorch the optimizer's lrs are
   * left alone: restore the optimizer's own state dict too (it holds the current lr).
   */
  loadStateDict(saved: LRSchedulerStateDict): void {
    const n = this.baseLrs.length;
    if (saved.baseLrs.length !== n || saved.lastLr.length !== n) {
      throw new RangeError(
        `${this.name}.loadStateDict: expected ${n} parameter groups, got ${saved.baseLrs.length}`,
      );
    }
    this.lastEpoch = saved.lastEpoch;
    this.baseLrs = [...saved.baseLrs];
    this.lastLr = [...saved.lastLr];
  }

  /** Sets the lr of epoch 0; the last line of a subclass's constructor (PyTorch's `_initial_step`). */
  protected initialStep(): void {
    this.lastEpoch = 0;
    this.apply();
  }

  private apply(): void {
    this.lastLr = this.baseLrs.map((_, i) => this.lrAt(this.lastEpoch, i));
    this.optimizer.paramGroups.forEach((g, i) => {
      g.lr = this.lastLr[i];
    });
  }
}
