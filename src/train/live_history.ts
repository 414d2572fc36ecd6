import type { Callback, FitContext } from "./callback";
import type { History } from "./history";

/** When a `liveHistory` update comes: during an epoch, at its end, or when training ends. */
export type LiveEvent = "batch" | "epoch" | "end";

/** Options of `liveHistory`. */
export interface LiveHistoryOptions {
  /** At most one "batch" update per `intervalMs` milliseconds. Default 250. */
  intervalMs?: number;
}

/**
 * The hook a live learning-curve widget uses: calls `update(history, event)` while `fit`
 * trains — on batches where `fit` is about to yield to the event loop (so the redraw is
 * seen) and at least `intervalMs` after the last one — and always after every epoch and at
 * the end. `history` is the live object; draw it, do not change it.
 *
 * @example await fit(net, { …, callbacks: [liveHistory((h) => display(learningCurve(h)))] });
 */
export class LiveHistory implements Callback {
  readonly intervalMs: number;
  private lastMs = -Infinity;

  constructor(
    private readonly update: (history: History, event: LiveEvent) => void,
    options: LiveHistoryOptions = {},
  ) {
    if (typeof update !== "function") {
      throw new TypeError(
        `liveHistory: update must be a function (history, event) => void, got ${typeof update}`,
      );
    }
    const { intervalMs = 250 } = options;
    if (!(intervalMs >= 0)) {
      throw new RangeError(`liveHistory: intervalMs must be ≥ 0, got ${intervalMs}`);
    }
    this.intervalMs = intervalMs;
  }

  onTrainBegin(): void {
    this.lastMs = -Infinity;
  }

  onBatchEnd(ctx: FitContext, info: { yields: boolean; elapsedMs: number }): void {
    if (!info.yields || info.elapsedMs - this.lastMs < this.intervalMs) return;
    this.lastMs = info.elapsedMs;
    this.update(ctx.history, "batch");
  }

  onEpochEnd(ctx: FitContext): void {
    this.update(ctx.history, "epoch");
  }

  onTrainEnd(ctx: FitContext): void {
    this.update(ctx.history, "end");
  }
}

/** A `LiveHistory` callback: `liveHistory((history, event) => redraw(history))`. */
export function liveHistory(
  update: (history: History, event: LiveEvent) => void,
  options: LiveHistoryOptions = {},
): LiveHistory {
  return new LiveHistory(update, options);
}
