import type { History } from "../../src/index";
import type { Figure, Trace } from "./figure";
import { baseLayout } from "./learning_curve_layout";
import { runMarks } from "./learning_curve_marks";
import { SINGLE, epochX, runStyle, runTraces, stepX } from "./learning_curve_traces";

export { SLIDER_BETAS } from "./learning_curve_layout";

/** What a learning curve reads of a run: `fit`'s `History` (or the same records loaded from JSON). */
export type CurveRun = Pick<History, "steps" | "epochs" | "stopReason">;

/** Options of `learningCurve`. */
export interface LearningCurveOptions {
  /** One name per run, for the legend. Default "run 1", "run 2", … (none for a single run). */
  names?: string[];
  /** β of the EWA that smooths the per-step loss; the slider starts here. Default 0.9 (≈ 10 steps). */
  beta?: number;
  /** Divide by 1 − βᵗ (lecture 001), so the smoothed line starts at the first loss, not at 0. Default true. */
  biasCorrection?: boolean;
  /** Start with a log loss axis (the menu switches). Default false. */
  logY?: boolean;
  /** Draw the raw per-step loss (faint). Default true; false keeps it in the legend only. */
  raw?: boolean;
  /** The learning rate on a secondary axis. Default: when it changes during a run. */
  lr?: boolean;
  /** Epoch metrics drawn in the lower panel. Default: every one recorded besides the loss. */
  metrics?: string[];
  /** Horizontal axis: epochs (fractional per step, the default) or optimisation steps. */
  x?: "epoch" | "step";
  /** A learning-rate change by this factor or less between two steps is marked as a drop. Default 0.9. */
  lrDropRatio?: number;
  title?: string;
}

/**
 * The learning curve of one or more runs (lecture 000: the gap between the training and the
 * validation curve is the overfitting). Top panel: the training loss of every step (faint),
 * its exponentially weighted average (lecture 001 §1.2.1, the same `optim.ewa` the
 * optimisers use)
 *
 * $$ v_t = \beta v_{t-1} + (1-\beta)\,L_t, \qquad \hat v_t = v_t / (1 - \beta^t) $$
 *
 * the training loss per epoch (the mean over its batches, taken while the weights moved) and
 * the validation loss after each epoch; the learning rate on a right-hand axis. Lower panel:
 * the metrics (accuracy) per epoch. Marks: learning-rate drops, where and why a run stopped
 * (early stopping with its best validation loss, NaN, interrupt). Several runs are overlaid,
 * one colour each. In the notebook a slider changes β and a menu switches the loss axis to log.
 *
 * @example show(learningCurve(history, { beta: 0.98, logY: true }))
 * @example show(learningCurve([h1, h2], { names: ["lr = 0.1", "lr = 0.01"] }))
 */
export function learningCurve(
  runs: CurveRun | CurveRun[],
  options: LearningCurveOptions = {},
): Figure {
  const list = checkRuns(Array.isArray(runs) ? runs : [runs], options);
  const plan = planCurve(list, options);
  const data: Trace[] = [];
  const layout = baseLayout(options, plan, list);
  list.forEach((run, r) => {
    const style = plan.multi ? runStyle(r) : SINGLE;
    const group = {
      legendgroup: `run${r}`,
      ...(plan.names[r] ? { legendgrouptitle: { text: plan.names[r] } } : {}),
    };
    const { xs, ex } = { xs: stepX(run, plan.x), ex: epochX(run, plan.x) };
    const marks = runMarks(run, {
      xs,
      ex,
      xMax: plan.xMax,
      color: plan.multi ? style.train : "#444",
      dropRatio: options.lrDropRatio ?? 0.9,
      bottom: plan.metrics.length ? 0.4 : 0,
    });
    const traces = [...runTraces(run, { xs, ex, style, plan, raw: data.length }), ...marks.traces];
    data.push(...traces.map((t) => ({ ...t, ...group })));
    (layout.shapes as object[]).push(...marks.shapes);
    (layout.annotations as object[]).push(...marks.annotations);
  });
  return { data, layout, config: { responsive: true, displaylogo: false } };
}

/** The choices every run shares, options resolved against the runs. */
export interface CurvePlan {
  beta: number;
  biasCorrection: boolean;
  metrics: string[];
  lr: boolean;
  names: string[];
  x: "epoch" | "step";
  xMax: number;
  multi: boolean;
  raw: boolean;
}

function planCurve(runs: CurveRun[], options: LearningCurveOptions): CurvePlan {
  const { beta = 0.9, biasCorrection = true, x = "epoch", raw = true } = options;
  if (!(beta >= 0 && beta < 1)) {
    throw new RangeError(`learningCurve: beta must be in [0, 1), got ${beta}`);
  }
  const recorded = runs.flatMap((r) => [
    ...Object.keys(r.epochs.train),
    ...Object.keys(r.epochs.val),
  ]);
  const ends = runs.map((r) => (x === "epoch" ? (r.steps.epoch.at(-1) ?? 0) : r.steps.loss.length));
  return {
    beta,
    biasCorrection,
    metrics: options.metrics ?? [...new Set(recorded)].filter((m) => m !== "loss"),
    lr: options.lr ?? runs.some((r) => new Set(r.steps.lr).size > 1),
    names: options.names ?? runs.map((_, i) => (runs.length > 1 ? `run ${i + 1}` : "")),
    x,
    xMax: Math.max(0, ...ends),
    multi: runs.length > 1,
    raw,
  };
}

function checkRuns(runs: CurveRun[], options: LearningCurveOptions): CurveRun[] {
  if (runs.length === 0)
    throw new RangeError("learningCurve: no runs given; pass fit()'s History, or an array of them");
  runs.forEach((run, i) => {
    if (!Array.isArray(run?.steps?.loss) || typeof run?.epochs?.train !== "object") {
      throw new TypeError(
        `learningCurve: run ${i + 1} is not a History (expected { steps: { loss, lr, epoch }, epochs: { train, val } }, as fit() resolves with), got ${typeof run}`,
      );
    }
  });
  if (options.names && options.names.length !== runs.length) {
    throw new RangeError(
      `learningCurve: ${runs.length} runs but ${options.names.length} names; give one name per run`,
    );
  }
  return runs;
}
