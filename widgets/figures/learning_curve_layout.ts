import type { Layout } from "./figure";
import type { CurvePlan, CurveRun, LearningCurveOptions } from "./learning_curve";

/** The smoothing slider's β values (the option's own β is added). */
export const SLIDER_BETAS = [0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999];

/** The learning curve's axes (loss, learning rate on the right, metrics below), marks, menu and slider. */
export function baseLayout(
  options: LearningCurveOptions,
  plan: CurvePlan,
  runs: CurveRun[],
): Layout {
  const { metrics, lr, beta } = plan;
  const betas = [...new Set([...SLIDER_BETAS, beta])].sort((a, b) => a - b);
  let [lrMin, lrMax] = [Infinity, 0];
  for (const v of runs.flatMap((r) => r.steps.lr))
    if (v > 0) [lrMin, lrMax] = [Math.min(lrMin, v), Math.max(lrMax, v)];
  const lrAxis = lrMax / lrMin >= 100 ? { type: "log" } : { type: "linear", rangemode: "tozero" };
  return {
    title: { text: options.title ?? "Learning curve" },
    height: metrics.length ? 600 : 460,
    margin: { l: 70, r: lr ? 80 : 30, t: 80, b: 110 },
    uirevision: "learning-curve",
    xaxis: {
      title: { text: plan.x },
      anchor: metrics.length ? "y3" : "y",
      domain: [0, 1],
      zeroline: false,
    },
    yaxis: {
      title: { text: "loss" },
      type: options.logY ? "log" : "linear",
      domain: metrics.length ? [0.4, 1] : [0, 1],
    },
    ...(lr
      ? {
          yaxis2: {
            title: { text: "learning rate" },
            overlaying: "y",
            side: "right",
            showgrid: false,
            zeroline: false,
            tickmode: "auto",
            ...lrAxis,
          },
        }
      : {}),
    ...(metrics.length
      ? { yaxis3: { title: { text: metrics.join(", ") }, domain: [0, 0.3], anchor: "x" } }
      : {}),
    legend: {
      xref: "container",
      x: 1,
      xanchor: "right",
      y: 1,
      groupclick: plan.multi ? "togglegroup" : "toggleitem",
    },
    shapes: [],
    annotations: [],
    updatemenus: [
      {
        name: "lossAxis",
        type: "buttons",
        direction: "right",
        active: options.logY ? 1 : 0,
        x: 0,
        y: 1.02,
        xanchor: "left",
        yanchor: "bottom",
        pad: { b: 4 },
        buttons: ["linear", "log"].map((type) => ({
          label: `${type} loss`,
          method: "relayout",
          args: [{ "yaxis.type": type }],
        })),
      },
    ],
    sliders: [
      {
        name: "ewa",
        active: betas.indexOf(beta),
        currentvalue: { prefix: "smoothing β = ", font: { size: 12 } },
        steps: betas.map((b) => ({ label: String(b), value: String(b), method: "skip", args: [] })),
        x: 0,
        len: 0.6,
        y: 0,
        yanchor: "top",
        pad: { t: 40 },
      },
    ],
  };
}
