import type { Figure, Trace } from "./figure";

/** What `scheduleFigure` reads of a schedule: its closed form (every `optim.LRScheduler` has it). */
export interface ClosedFormSchedule {
  lrAt(epoch: number, group?: number): number;
}

/** Options of `scheduleFigure`. */
export interface ScheduleFigureOptions {
  /** Epochs drawn: t = 0, 1, …, epochs − 1. Default 50. */
  epochs?: number;
  /** Start with a log learning-rate axis (the menu switches). Default false. */
  logY?: boolean;
  /** The parameter group whose rate is drawn. Default 0. */
  group?: number;
  title?: string;
}

const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"];

/**
 * The learning rate of each epoch under each schedule, read from the schedules' closed
 * forms α_t = `lrAt(t)` — nothing is trained, and `step()` would set exactly these values
 * (lecture 001 §1.2.5 and lecture 003 §7):
 *
 * $$ \text{step: } \alpha_0\gamma^{\lfloor t/s\rfloor},\quad \text{exponential: } \alpha_0\gamma^t \text{ or } \alpha_0 e^{-kt},\quad
 *    \text{1/t: } \frac{\alpha_0}{1 + kt},\quad \frac{k}{\sqrt{\max(t,1)}}\,\alpha_0 $$
 *
 * t counts `step()` calls (epochs), and epoch t runs at α_t for its whole length, so each line
 * is drawn as a staircase (constant within the epoch). A menu switches the rate axis between
 * linear and log (on a log axis exponential decay is a straight line, 1/t bends).
 * `ReduceLROnPlateau` has no closed form (its rate depends on the metrics): draw it after
 * training with `learningCurve`, which plots `History.steps.lr`.
 *
 * @example
 * show(scheduleFigure({ "step ×0.5 / 10": new optim.StepLR(opt, 10, { gamma: 0.5 }),
 *                       "1/t": new optim.InverseTimeLR(opt2, 0.1) }, { epochs: 60, logY: true }))
 */
export function scheduleFigure(
  schedules: Record<string, ClosedFormSchedule>,
  options: ScheduleFigureOptions = {},
): Figure {
  const { epochs = 50, logY = false, group = 0 } = options;
  if (!(Number.isInteger(epochs) && epochs >= 1)) {
    throw new RangeError(`scheduleFigure: epochs must be a positive integer, got ${epochs}`);
  }
  const entries = Object.entries(schedules ?? {});
  if (entries.length === 0) {
    throw new RangeError(
      "scheduleFigure: expected at least one schedule, as { name: new optim.StepLR(opt, 10) }, got none",
    );
  }
  const ts = Array.from({ length: epochs }, (_, t) => t);
  const data: Trace[] = entries.map(([name, s], i) => {
    if (typeof s?.lrAt !== "function") {
      throw new TypeError(
        `scheduleFigure: "${name}" must be a schedule with a closed form lrAt(epoch) (StepLR, ExponentialLR, InverseTimeLR, …), got ${describe(s)}; ReduceLROnPlateau has none: draw its History with learningCurve`,
      );
    }
    return {
      type: "scatter",
      name,
      mode: "lines",
      x: ts,
      y: ts.map((t) => s.lrAt(t, group)),
      line: { color: COLORS[i % COLORS.length], width: 2, shape: "hv" },
      hovertemplate: `${name}<br>epoch %{x}: α = %{y:.4g}<extra></extra>`,
    };
  });
  const layout = {
    title: { text: options.title ?? "Learning-rate schedules" },
    height: 440,
    margin: { l: 70, r: 30, t: 80, b: 60 },
    xaxis: { title: { text: "epoch t (step() calls)" }, zeroline: false },
    yaxis: { title: { text: "learning rate α_t" }, type: logY ? "log" : "linear" },
    legend: { x: 1, xanchor: "right", y: 1, bgcolor: "rgba(255,255,255,0.8)" },
    updatemenus: [
      {
        name: "lrAxis",
        type: "buttons",
        direction: "right",
        active: logY ? 1 : 0,
        x: 0,
        y: 1.02,
        xanchor: "left",
        yanchor: "bottom",
        pad: { b: 4 },
        buttons: ["linear", "log"].map((type) => ({
          label: `${type} lr`,
          method: "relayout",
          args: [{ "yaxis.type": type }],
        })),
      },
    ],
  };
  return { data, layout, config: { responsive: true, displaylogo: false } };
}

function describe(s: unknown): string {
  if (s === null) return "null";
  if (typeof s === "object") return (s as object).constructor?.name ?? "an object";
  return typeof s;
}
