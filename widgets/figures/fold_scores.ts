import type { data } from "../../src/index";
import type { Figure, Trace } from "./figure";

/** Options of `foldScores`. */
export interface FoldScoresOptions {
  /** The metric to draw. Default: the only one the folds report (required when there are several). */
  metric?: string;
  title?: string;
}

/** What `foldScores` reads of `crossValidate`'s result. */
export type FoldScoresInput = Pick<
  data.CrossValidateResult,
  "folds" | "mean" | "std" | "correction"
>;

/**
 * Per-fold scores of a cross-validation (lecture 000; lecture 004: MSE = (1/K) Σ_i MSE_i):
 * one bar per fold, the mean x̄ = (1/m) Σ x_i as a line, the band x̄ ± s with
 * s = √(Σ (x_i − x̄)² / (m − correction)) (`crossValidate`'s std, ddof = 1 by default),
 * and the numbers in the title. A failed fold has no bar; it is marked "failed" on the axis.
 * Bars start at the lowest score less a margin, so that differences between folds show.
 *
 * @example show(foldScores(await crossValidate(trainAndScore, new KFold(5), x), { metric: "accuracy" }))
 */
export function foldScores(cv: FoldScoresInput, options: FoldScoresOptions = {}): Figure {
  const metric = pickMetric(cv, options.metric);
  const folds = cv.folds;
  const ok = folds.filter((f) => f.error === undefined && metric in f.metrics);
  const [mean, std] = [cv.mean[metric], cv.std[metric]];
  const xs = folds.map((f) => f.fold);
  const [x0, x1] = [Math.min(...xs) - 0.5, Math.max(...xs) + 0.5];
  const scores = ok.map((f) => f.metrics[metric]);
  const spread = Number.isFinite(std) ? std : 0;
  const lo = Math.min(...scores, mean - spread);
  const hi = Math.max(...scores, mean + spread);
  const pad = 0.25 * (hi - lo || Math.abs(mean) || 1);
  const band = Number.isFinite(std);
  const data: Trace[] = [
    {
      type: "bar",
      name: `${metric} per fold`,
      x: ok.map((f) => f.fold),
      y: scores,
      text: scores.map((v) => v.toPrecision(4)),
      textposition: "outside",
      marker: { color: "#1f77b4" },
      hovertemplate: `fold %{x}: ${metric} %{y:.4g}<extra></extra>`,
    },
    ...(band
      ? [
          {
            type: "scatter",
            mode: "lines",
            name: "−1 std",
            x: [x0, x1],
            y: [mean - std, mean - std],
            line: { width: 0, color: "#d62728" },
            showlegend: false,
            hoverinfo: "skip",
          },
          {
            type: "scatter",
            mode: "lines",
            name: "±1 std",
            x: [x0, x1],
            y: [mean + std, mean + std],
            fill: "tonexty",
            fillcolor: "rgba(214,39,40,0.15)",
            line: { width: 0, color: "#d62728" },
            hoverinfo: "skip",
          },
        ]
      : []),
    {
      type: "scatter",
      mode: "lines",
      name: `mean ${mean.toPrecision(4)}`,
      x: [x0, x1],
      y: [mean, mean],
      line: { color: "#d62728", width: 2, dash: "dash" },
      hoverinfo: "skip",
    },
  ];
  const failed = folds.filter((f) => !ok.includes(f));
  const stdText = band
    ? `± ${std.toPrecision(3)} (std, ddof = ${cv.correction})`
    : "(std undefined for one fold)";
  return {
    data,
    layout: {
      title: {
        text:
          options.title ??
          `${metric} over ${ok.length} folds: ${mean.toPrecision(4)} ${stdText}${failed.length ? `; ${failed.length} failed` : ""}`,
      },
      xaxis: { title: { text: "fold" }, dtick: 1, range: [x0, x1], zeroline: false },
      yaxis: { title: { text: metric }, range: [lo - pad, hi + pad] },
      annotations: failed.map((f) => ({
        x: f.fold,
        y: 0,
        yref: "paper",
        yanchor: "bottom",
        text: "failed",
        showarrow: false,
        font: { color: "#d62728" },
      })),
      width: 700,
      height: 420,
      legend: { orientation: "h", x: 0, y: -0.2 },
      showlegend: true,
    },
    config: { responsive: true, displaylogo: false },
  };
}

/** The metric asked for, or the only one there is; otherwise an error naming those there are. */
function pickMetric(cv: FoldScoresInput, metric: string | undefined): string {
  if (!cv || !Array.isArray(cv.folds) || typeof cv.mean !== "object") {
    throw new TypeError(
      `foldScores: expected crossValidate's result ({ folds, mean, std }), got ${String(cv)}`,
    );
  }
  const names = Object.keys(cv.mean);
  if (metric === undefined && names.length === 1) return names[0];
  if (metric !== undefined && names.includes(metric)) return metric;
  const list = names.length
    ? names.map((n) => JSON.stringify(n)).join(", ")
    : "none (every fold failed)";
  throw new RangeError(
    metric === undefined
      ? `foldScores: the folds report ${names.length} metrics, pass { metric }: one of ${list}`
      : `foldScores: expected a metric the folds report (${list}), got ${JSON.stringify(metric)}`,
  );
}
