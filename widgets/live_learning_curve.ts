import { type History, type LiveEvent, type LiveHistory, liveHistory } from "../src/index";
import type { Widget } from "./content";
import { type CurveRun, type LearningCurveOptions, learningCurve } from "./figures/learning_curve";
import { LiveDisplay } from "./live_display";
import { formatNumber } from "./svg/format";

/** Options of `liveLearningCurve`: the figure's, the update rate, and finished runs to compare with. */
export interface LiveLearningCurveOptions extends LearningCurveOptions {
  /** At most one redraw per `intervalMs` milliseconds while training. Default 250 (4 per second). */
  intervalMs?: number;
  /** Finished runs drawn under the live one (their names first in `names`). */
  compare?: CurveRun[];
}

/**
 * A learning curve that draws itself while `fit` trains: shown (empty) where it is created,
 * then redrawn in place — at most every `intervalMs` — from the live history that `fit`'s
 * callbacks see (src/train's `liveHistory` hook: batches where `fit` yields, every epoch,
 * the end), and drawn a last time, unthrottled, when training ends, so the saved notebook
 * holds the final curve. Its text/plain line follows too ("epoch 3 · step 450 · loss 0.31 …").
 *
 * @example
 * const curve = liveLearningCurve({ beta: 0.95 });
 * const history = await fit(net, { …, callbacks: [curve] });
 */
export function liveLearningCurve(options: LiveLearningCurveOptions = {}): LiveHistory {
  const { intervalMs = 250, compare = [], ...figureOptions } = options;
  const display = new LiveDisplay(undefined, { intervalMs });
  const widget = (history: CurveRun, event: LiveEvent | "start"): Widget => ({
    toFigure: () => learningCurve([...compare, history], figureOptions),
    toText: () => progressLine(history as History, event),
  });
  display.update(widget(emptyRun(), "start"));
  return liveHistory(
    (history, event) => {
      display.update(() => widget(history, event));
      if (event === "end") display.flush();
    },
    { intervalMs: 0 },
  );
}

/** A run with nothing recorded yet: what the curve shows before the first step. */
function emptyRun(): CurveRun {
  return {
    steps: { loss: [], lr: [], epoch: [] },
    epochs: { train: { loss: [] }, val: {}, lr: [], seconds: [] },
    stopReason: null,
  };
}

/** "epoch 3 · step 450 · loss 0.3124 · val loss 0.35 · val accuracy 0.89", or the run's final message. */
export function progressLine(
  history: Pick<History, "steps" | "epochs"> & Partial<History>,
  event: LiveEvent | "start",
): string {
  if (event === "start") return "Learning curve: waiting for the first step";
  if (event === "end" && history.message) return `Learning curve: ${history.message}`;
  const { steps, epochs } = history;
  const parts = [`epoch ${epochs.train.loss.length}`, `step ${steps.loss.length}`];
  if (steps.loss.length) parts.push(`loss ${formatNumber(steps.loss[steps.loss.length - 1])}`);
  for (const [name, series] of Object.entries(epochs.val)) {
    if (series.length) parts.push(`val ${name} ${formatNumber(series[series.length - 1])}`);
  }
  return `Learning curve (training): ${parts.join(" · ")}`;
}
