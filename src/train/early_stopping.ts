import type { StateDict } from "../nn/module";
import type { Callback, FitContext } from "./callback";
import { monitoredSeries } from "./history";
import { formatValue } from "./progress_bar";

/** Options of `earlyStopping`; defaults are Keras's `EarlyStopping` (PyTorch has none). */
export interface EarlyStoppingOptions {
  /** The series to watch: "valLoss" (default), "valAccuracy", "trainLoss", … */
  monitor?: string;
  /** "min": lower is better; "max": higher is better; "auto" (default): "max" for accuracies, "min" for losses and mse. */
  mode?: "min" | "max" | "auto";
  /** Epochs in a row without improvement after which training stops. Default 0 (Keras's: stop at the first). */
  patience?: number;
  /** δ: only a change by more than δ counts as an improvement. Default 0. */
  minDelta?: number;
  /** At the end, put back the weights of the best epoch. Default false (Keras's). */
  restoreBestWeights?: boolean;
}

/** What a checkpoint saves of an `EarlyStopping`. */
export interface EarlyStoppingState {
  best: number | null;
  bestEpoch: number | null;
  wait: number;
  bestWeights: StateDict | null;
}

/**
 * Early stopping (提前终止, lecture 004): the training error keeps falling while the
 * validation error turns back up, so stop when the monitored value has not improved for
 * `patience` epochs and, with `restoreBestWeights`, return the parameters of the epoch where
 * it was best ("返回 … 验证误差最低的参数设置"). With "min" mode and δ = `minDelta`,
 *
 * $$ \text{improved} \iff v_t < v_{\text{best}} - \delta, \qquad \text{stop when } t - t_{\text{best}} \ge \max(\text{patience}, 1) $$
 *
 * ("max": v_t > v_best + δ). The first epoch always improves; a NaN never does. Weights are
 * restored when training completes or stops early, not after an interrupt (the model then
 * keeps its last step, as `fit` promises).
 *
 * @example earlyStopping({ monitor: "valLoss", patience: 3, restoreBestWeights: true })
 */
export class EarlyStopping implements Callback {
  readonly name = "earlyStopping";
  readonly monitor: string;
  readonly mode: "min" | "max";
  readonly patience: number;
  readonly minDelta: number;
  readonly restoreBestWeights: boolean;
  /** Best value so far (±∞ before the first epoch), its epoch index, and epochs since. */
  best: number;
  bestEpoch: number | null = null;
  wait = 0;
  private bestWeights: StateDict | null = null;

  constructor(options: EarlyStoppingOptions = {}) {
    const { monitor = "valLoss", patience = 0, minDelta = 0, restoreBestWeights = false } = options;
    this.monitor = monitor;
    this.mode = modeFor(monitor, options.mode ?? "auto");
    if (!Number.isInteger(patience) || patience < 0) {
      throw new RangeError(`earlyStopping: patience must be an integer ≥ 0, got ${patience}`);
    }
    if (!(minDelta >= 0 && Number.isFinite(minDelta))) {
      throw new RangeError(`earlyStopping: minDelta must be ≥ 0, got ${minDelta}`);
    }
    this.patience = patience;
    this.minDelta = minDelta;
    this.restoreBestWeights = restoreBestWeights;
    this.best = this.mode === "min" ? Infinity : -Infinity;
  }

  onTrainBegin(ctx: FitContext): void {
    if (ctx.startEpoch === 0)
      this.loadStateDict({ best: null, bestEpoch: null, wait: 0, bestWeights: null });
    monitoredSeries("earlyStopping", ctx.history, this.monitor); // a misspelt monitor fails now, not after epoch 1
  }

  onEpochEnd(ctx: FitContext, epoch: number): void {
    const v = monitoredSeries("earlyStopping", ctx.history, this.monitor).at(-1)!;
    const delta = this.minDelta;
    const improved = this.mode === "min" ? v < this.best - delta : v > this.best + delta;
    if (improved) {
      this.best = v;
      this.bestEpoch = epoch;
      this.wait = 0;
      if (this.restoreBestWeights) this.bestWeights = ctx.model.stateDict();
      return;
    }
    this.wait += 1;
    if (this.wait >= Math.max(this.patience, 1)) {
      const at =
        this.bestEpoch === null
          ? ""
          : ` (best ${formatValue(this.best)} after epoch ${this.bestEpoch + 1})`;
      ctx.stop(
        "earlyStopping",
        `${this.monitor} has not improved for ${this.wait} epoch${this.wait > 1 ? "s" : ""}${at}`,
      );
    }
  }

  onTrainEnd(ctx: FitContext): void {
    const { stopReason } = ctx.history;
    if (!this.restoreBestWeights || this.bestWeights === null || this.bestEpoch === null) return;
    if (stopReason !== "completed" && stopReason !== "earlyStopping") return;
    ctx.model.loadStateDict(this.bestWeights);
    ctx.history.message += ` Restored the weights of epoch ${this.bestEpoch + 1} (${this.monitor} ${formatValue(this.best)}).`;
  }

  stateDict(): EarlyStoppingState {
    const best = Number.isFinite(this.best) ? this.best : null;
    return { best, bestEpoch: this.bestEpoch, wait: this.wait, bestWeights: this.bestWeights };
  }

  loadStateDict(state: unknown): void {
    const s = state as EarlyStoppingState;
    this.best = s.best ?? (this.mode === "min" ? Infinity : -Infinity);
    this.bestEpoch = s.bestEpoch;
    this.wait = s.wait;
    this.bestWeights = s.bestWeights;
  }
}

/** An `EarlyStopping` callback: `earlyStopping({ patience: 3 })`. */
export function earlyStopping(options: EarlyStoppingOptions = {}): EarlyStopping {
  return new EarlyStopping(options);
}

function modeFor(monitor: string, mode: string): "min" | "max" {
  if (mode === "min" || mode === "max") return mode;
  if (mode !== "auto") {
    throw new RangeError(
      `earlyStopping: mode must be "min", "max" or "auto", got ${JSON.stringify(mode)}`,
    );
  }
  if (/(Loss|Mse)$/.test(monitor)) return "min";
  if (/Accuracy$/.test(monitor)) return "max";
  throw new RangeError(
    `earlyStopping: cannot tell whether "${monitor}" should rise or fall; pass mode: "min" or "max"`,
  );
}
