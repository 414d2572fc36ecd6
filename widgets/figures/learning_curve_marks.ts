import type { Trace } from "./figure";
import type { CurveRun } from "./learning_curve";

/** What `runMarks` draws on a learning curve: vertical lines, their labels and the best point. */
export interface RunMarks {
  traces: Trace[];
  shapes: Record<string, unknown>[];
  annotations: Record<string, unknown>[];
}

const REASONS: Record<string, string> = {
  earlyStopping: "early stop",
  nonFinite: "loss NaN/∞",
  interrupted: "interrupted",
  error: "error",
};

/**
 * The marks of one run: a dotted line where the learning rate dropped by `dropRatio` or more
 * from one step to the next ("lr ×0.1"), a dashed line where the run stopped other than by
 * completing (early stopping, NaN loss, interrupt, error), and for early stopping a star
 * on the best validation loss.
 */
export function runMarks(
  run: CurveRun,
  at: {
    xs: number[];
    ex: number[];
    xMax: number;
    color: string;
    dropRatio: number;
    bottom: number;
  },
): RunMarks {
  const marks: RunMarks = { traces: [], shapes: [], annotations: [] };
  const line = (x: number, dash: string, text: string) => {
    marks.shapes.push({
      type: "line",
      xref: "x",
      yref: "paper",
      x0: x,
      x1: x,
      y0: at.bottom,
      y1: 1,
      line: { color: at.color, width: 1, dash },
    });
    const xanchor = x > at.xMax / 2 ? "right" : "left"; // the label stays inside the plot
    marks.annotations.push({
      x,
      y: 1,
      xref: "x",
      yref: "paper",
      text,
      showarrow: false,
      xanchor,
      yanchor: "top",
      font: { size: 10, color: at.color },
    });
  };
  const { lr } = run.steps;
  for (let i = 1; i < lr.length; i++) {
    if (lr[i] <= lr[i - 1] * at.dropRatio)
      line(at.xs[i - 1], "dot", `lr ×${Number((lr[i] / lr[i - 1]).toPrecision(2))}`);
  }
  const reason = run.stopReason ? REASONS[run.stopReason] : undefined;
  if (reason) {
    const x =
      run.stopReason === "earlyStopping" ? at.ex[at.ex.length - 1] : at.xs[at.xs.length - 1];
    if (x !== undefined) line(x, "dash", reason);
  }
  const val = run.epochs.val.loss;
  if (run.stopReason === "earlyStopping" && val && val.length > 0) {
    const best = val.indexOf(Math.min(...val));
    marks.traces.push({
      type: "scatter",
      mode: "markers",
      name: "best val loss",
      x: [at.ex[best]],
      y: [val[best]],
      marker: { symbol: "star", size: 14, color: "#d62728" },
    });
  }
  return marks;
}
