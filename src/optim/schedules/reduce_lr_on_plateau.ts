import type { BaseOptions, Optimizer } from "../optimizer";
import { checkNonNegative, checkUnitInterval } from "../optimizer";
import type { Tensor } from "../../tensor/tensor";
import { checkNonNegativeInteger, checkOneOf } from "./checks";

/** Options of `ReduceLROnPlateau`; defaults are PyTorch's. */
export interface ReduceLROnPlateauOptions {
  /** "min": the metric should fall (a loss); "max": it should rise (an accuracy). Default "min". */
  mode: "min" | "max";
  /** The lr is multiplied by `factor` on a plateau; default 0.1. */
  factor: number;
  /** Bad epochs tolerated before reducing; default 10. */
  patience: number;
  /** How much better than the best counts as an improvement; default 1e-4. */
  threshold: number;
  /** "rel": better than best·(1 ∓ threshold); "abs": better than best ∓ threshold. Default "rel". */
  thresholdMode: "rel" | "abs";
  /** Epochs after a reduction during which bad epochs are not counted; default 0. */
  cooldown: number;
  /** Lowest lr, one for all groups or one per group; default 0. */
  minLr: number | number[];
  /** A reduction smaller than eps is skipped; default 1e-8. */
  eps: number;
}

/** JSON form of the state of a `ReduceLROnPlateau`; `best` is null while it is ±∞ (JSON has no ∞). */
export interface ReduceLROnPlateauStateDict {
  lastEpoch: number;
  best: number | null;
  numBadEpochs: number;
  cooldownCounter: number;
  lastLr: number[];
}

/**
 * Reduce the learning rate when a metric stops improving, exactly as
 * `torch.optim.lr_scheduler.ReduceLROnPlateau`. Lecture 002 (调节学习率) recommends it:
 * divide the rate by 10 when the validation accuracy stops rising.
 *
 * Each `step(metric)`, with "min" mode and threshold θ:
 *
 * $$ \text{better} \iff \text{metric} < \text{best}\,(1-\theta) \ \text{(rel)} \quad\text{or}\quad \text{metric} < \text{best} - \theta \ \text{(abs)} $$
 *
 * ("max": metric > best·(1+θ) or best + θ). If better, best ← metric and numBadEpochs ← 0,
 * else numBadEpochs += 1. During cooldown (cooldownCounter > 0) the counter ticks down and
 * numBadEpochs is reset to 0. If numBadEpochs > patience, every group's
 * α ← max(α·factor, minLr) — skipped where the change would be ≤ eps — then
 * cooldownCounter ← cooldown and numBadEpochs ← 0.
 *
 * It has no `lrAt(epoch)`: the rate depends on the metrics, so it cannot be drawn before
 * training. Epoch 0 is the optimizer's lr as given; the unit of `lastEpoch` is one
 * `step(metric)` call. As in PyTorch, "rel" assumes a positive metric: with a negative one
 * best·(1 − θ) lies above best (use "abs" for such metrics). A NaN metric counts as a bad epoch.
 *
 * @example
 * const sched = new ReduceLROnPlateau(opt, { mode: "max", factor: 0.1, patience: 5 });
 * sched.step(valAccuracy); // once per epoch, after validating
 */
export class ReduceLROnPlateau {
  readonly mode: "min" | "max";
  readonly factor: number;
  readonly patience: number;
  readonly threshold: number;
  readonly thresholdMode: "rel" | "abs";
  readonly cooldown: number;
  readonly minLrs: readonly number[];
  readonly eps: number;
  /** The number of `step(metric)` calls so far. */
  lastEpoch = 0;
  /** The best metric so far (+∞ in "min" mode, −∞ in "max" mode before the first). */
  best: number;
  /** Epochs since `best` last improved, not counting cooldown. */
  numBadEpochs = 0;
  /** Epochs of cooldown left. */
  cooldownCounter = 0;
  private lastLr: number[];

  constructor(
    readonly optimizer: Optimizer<BaseOptions>,
    options: Partial<ReduceLROnPlateauOptions> = {},
  ) {
    const o = { ...DEFAULTS, ...options };
    const nGroups = optimizer.paramGroups.length;
    this.minLrs = checkOptions(o, nGroups);
    this.mode = o.mode;
    this.factor = o.factor;
    this.patience = o.patience;
    this.threshold = o.threshold;
    this.thresholdMode = o.thresholdMode;
    this.cooldown = o.cooldown;
    this.eps = o.eps;
    this.best = this.modeWorse();
    this.lastLr = optimizer.paramGroups.map((g) => g.lr);
  }

  /** Records one epoch's metric (a number or a one-element tensor) and reduces the lr on a plateau. */
  step(metric: number | Tensor): void {
    const current = typeof metric === "number" ? metric : metric.item();
    this.lastEpoch += 1;
    if (this.isBetter(current, this.best)) {
      this.best = current;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs += 1;
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0; // bad epochs during cooldown are ignored
    }
    if (this.numBadEpochs > this.patience) {
      this.reduceLr();
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this.lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  /** Whether `a` improves on `best` by more than the threshold. */
  isBetter(a: number, best: number): boolean {
    const theta = this.threshold;
    if (this.mode === "min")
      return this.thresholdMode === "rel" ? a < best * (1 - theta) : a < best - theta;
    return this.thresholdMode === "rel" ? a > best * (1 + theta) : a > best + theta;
  }

  /** The learning rates after the last `step(metric)` (or as given), one per group. */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  /** The counters, as JSON-serialisable data; hyperparameters are not included. */
  stateDict(): ReduceLROnPlateauStateDict {
    const best = Number.isFinite(this.best) ? this.best : null;
    const { lastEpoch, numBadEpochs, cooldownCounter } = this;
    return { lastEpoch, best, numBadEpochs, cooldownCounter, lastLr: [...this.lastLr] };
  }

  /** Restores the counters; as in PyTorch the optimizer's lrs are left to its own state dict. */
  loadStateDict(saved: ReduceLROnPlateauStateDict): void {
    if (saved.lastLr.length !== this.lastLr.length) {
      throw new RangeError(
        `ReduceLROnPlateau.loadStateDict: expected ${this.lastLr.length} parameter groups, got ${saved.lastLr.length}`,
      );
    }
    this.lastEpoch = saved.lastEpoch;
    this.numBadEpochs = saved.numBadEpochs;
    this.cooldownCounter = saved.cooldownCounter;
    this.best = saved.best ?? this.modeWorse();
    this.lastLr = [...saved.lastLr];
  }

  private reduceLr(): void {
    this.optimizer.paramGroups.forEach((g, i) => {
      const newLr = Math.max(g.lr * this.factor, this.minLrs[i]); // α·factor, not below minLr
      if (g.lr - newLr > this.eps) g.lr = newLr;
    });
  }

  private modeWorse(): number {
    return this.mode === "min" ? Infinity : -Infinity;
  }
}

const DEFAULTS: ReduceLROnPlateauOptions = {
  mode: "min",
  factor: 0.1,
  patience: 10,
  threshold: 1e-4,
  thresholdMode: "rel",
  cooldown: 0,
  minLr: 0,
  eps: 1e-8,
};

/** Checks every option; returns minLr as one value per group. */
function checkOptions(o: ReduceLROnPlateauOptions, nGroups: number): number[] {
  const where = "ReduceLROnPlateau";
  checkOneOf(where, "mode", o.mode, ["min", "max"]);
  checkUnitInterval(where, "factor", o.factor);
  checkNonNegativeInteger(where, "patience", o.patience);
  checkNonNegative(where, "threshold", o.threshold);
  checkOneOf(where, "thresholdMode", o.thresholdMode, ["rel", "abs"]);
  checkNonNegativeInteger(where, "cooldown", o.cooldown);
  checkNonNegative(where, "eps", o.eps);
  if (Array.isArray(o.minLr) && o.minLr.length !== nGroups) {
    throw new RangeError(
      `${where}: got ${o.minLr.length} minLr values for ${nGroups} parameter groups; pass one number, or one per group`,
    );
  }
  const minLrs = Array.isArray(o.minLr) ? [...o.minLr] : Array(nGroups).fill(o.minLr);
  minLrs.forEach((m, i) =>
    checkNonNegative(where, Array.isArray(o.minLr) ? `minLr[${i}]` : "minLr", m),
  );
  return minLrs;
}
