import { optim } from "../../src/index";
import type { Trace } from "./figure";
import type { CurvePlan, CurveRun } from "./learning_curve";

/**
 * A run's colours: alone, training blue and validation orange (the learning rate grey);
 * among several runs, one colour per run, validation dashed.
 */
export interface RunStyle {
  train: string;
  val: string;
  lr: string;
  dash: string;
}
export const SINGLE: RunStyle = { train: "#1f77b4", val: "#ff7f0e", lr: "#7f7f7f", dash: "solid" };
const DASHES = ["solid", "dot", "dashdot", "longdash"];
const RUN_COLORS = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#17becf",
];

/**
 * The traces of one run. With several runs the legend keeps one "train loss" (smoothed)
 * and one "val loss" entry per run (the group title names it); a click hides the run.
 */
export function runTraces(
  run: CurveRun,
  at: { xs: number[]; ex: number[]; style: RunStyle; plan: CurvePlan; raw: number },
): Trace[] {
  const { xs, ex, style, plan } = at;
  const legend = (shown: boolean) => (plan.multi && !shown ? { showlegend: false } : {});
  const scatter = (
    name: string,
    x: number[],
    y: number[],
    extra: Record<string, unknown>,
  ): Trace => ({ type: "scatter", name, x, y, ...extra });
  const traces: Trace[] = [
    scatter("train loss (per step)", xs, run.steps.loss, {
      mode: "lines",
      line: { color: style.train, width: 1 },
      opacity: 0.3,
      visible: plan.raw ? true : "legendonly",
      ...legend(false),
    }),
    scatter(
      plan.multi ? "train loss" : "train loss (smoothed)",
      xs,
      optim.ewa(run.steps.loss, plan.beta, { biasCorrection: plan.biasCorrection }),
      {
        mode: "lines",
        line: { color: style.train, width: 2 },
        meta: { nnlab: { ewaOf: at.raw, biasCorrection: plan.biasCorrection } },
      },
    ),
    scatter("train loss (epoch)", ex, run.epochs.train.loss ?? [], {
      mode: "markers",
      marker: { color: style.train, size: 7, symbol: "circle-open" },
      ...legend(false),
    }),
  ];
  if (run.epochs.val.loss) {
    traces.push(
      scatter("val loss", ex, run.epochs.val.loss, {
        mode: "lines+markers",
        line: { color: style.val, width: 2, dash: style.dash },
        marker: { size: 6 },
      }),
    );
  }
  plan.metrics.forEach((m, i) => {
    const dash = plan.multi
      ? { train: "dot", val: "dash" }
      : { train: DASHES[i % 4], val: DASHES[i % 4] };
    for (const split of ["train", "val"] as const) {
      const y = run.epochs[split][m];
      if (!y) continue;
      const line = { color: style[split], width: split === "train" ? 1.5 : 2, dash: dash[split] };
      traces.push(
        scatter(`${split} ${m}`, ex, y, {
          mode: "lines+markers",
          yaxis: "y3",
          line,
          marker: { size: 5 },
          ...legend(false),
        }),
      );
    }
  });
  if (plan.lr) {
    traces.push(
      scatter("learning rate", xs, run.steps.lr, {
        mode: "lines",
        yaxis: "y2",
        line: { color: style.lr, width: 1.5, dash: "dot", shape: "hv" },
        ...legend(false),
      }),
    );
  }
  return traces;
}

export function runStyle(r: number): RunStyle {
  const color = RUN_COLORS[r % RUN_COLORS.length];
  return { train: color, val: color, lr: color, dash: "dash" };
}

/** x of every step: epochs done after it (fractional), or its number 1, 2, …. */
export function stepX(run: CurveRun, x: "epoch" | "step"): number[] {
  return x === "epoch" ? run.steps.epoch : run.steps.loss.map((_, i) => i + 1);
}

/** x of every complete epoch: 1, 2, … epochs, or the number of the step that ended it. */
export function epochX(run: CurveRun, x: "epoch" | "step"): number[] {
  const n = run.epochs.train.loss?.length ?? 0;
  const epochs = Array.from({ length: n }, (_, e) => e + 1);
  if (x === "epoch") return epochs;
  return epochs.map((e) => run.steps.epoch.filter((v) => v <= e + 1e-9).length);
}
