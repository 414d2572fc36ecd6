import { optim } from "../../src/index";
import type { Figure, Trace } from "./figure";

/** Options of `ewaFigure`. */
export interface EWAFigureOptions {
  /** The β of each average. Default [0.5, 0.9, 0.98], the lecture's three curves. */
  betas?: number[];
  /**
   * Which averages to draw: `"both"` (the default) the plain v_t solid and the corrected
   * v_t / (1 − βᵗ) dashed; `true` only the corrected; `false` only the plain.
   */
  biasCorrection?: boolean | "both";
  /** x of each value. Default 1, 2, …, n (day t). */
  x?: number[];
  /** The legend name of the data. Default "data θ_t". */
  name?: string;
  xTitle?: string;
  yTitle?: string;
  title?: string;
}

/** Lecture 001's colours: β = 0.9 red, 0.98 green, 0.5 yellow; other β from this list. */
const LECTURE_COLORS: Record<number, string> = { 0.9: "#d62728", 0.98: "#2ca02c", 0.5: "#e6a800" };
const MORE_COLORS = ["#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"];

/**
 * A noisy series and its exponentially weighted averages (lecture 001 §1.2.1, the daily
 * temperatures of London), one colour per β, computed by `optim.ewa` — the same average
 * momentum, RMSprop, Adam and the smoothed learning curves use:
 *
 * $$ v_0 = 0, \qquad v_t = \beta\, v_{t-1} + (1-\beta)\,\theta_t, \qquad \hat v_t = \frac{v_t}{1-\beta^t} $$
 *
 * A larger β averages more days (the effective window 1/(1 − β), in the legend: β = 0.9 ≈ 10
 * days, 0.98 ≈ 50), so its curve is smoother and lags more. The plain v_t (solid) starts near
 * 0 because v₀ = 0; the bias-corrected v̂_t (dashed) starts at θ₁ and meets v_t once βᵗ ≈ 0.
 *
 * @example show(ewaFigure(temperatures, { betas: [0.5, 0.9, 0.98] }))
 */
export function ewaFigure(series: readonly number[], options: EWAFigureOptions = {}): Figure {
  const { betas = [0.5, 0.9, 0.98], biasCorrection = "both" } = options;
  checkSeries(series, options.x);
  if (!Array.isArray(betas) || betas.length === 0) {
    throw new RangeError(
      `ewaFigure: expected at least one β in betas, got ${JSON.stringify(betas)}`,
    );
  }
  betas.forEach((b, i) => {
    if (!(typeof b === "number" && b >= 0 && b < 1)) {
      throw new RangeError(`ewaFigure: betas[${i}] must be in [0, 1), got ${b}`);
    }
  });
  if (!(biasCorrection === "both" || typeof biasCorrection === "boolean")) {
    throw new TypeError(
      `ewaFigure: biasCorrection must be true, false or "both", got ${JSON.stringify(biasCorrection)}`,
    );
  }
  const x = options.x ?? series.map((_, t) => t + 1);
  const data: Trace[] = [
    {
      type: "scatter",
      name: options.name ?? "data θ_t",
      mode: "markers",
      x,
      y: [...series],
      marker: { color: "rgba(31,119,180,0.6)", size: 5 },
    },
  ];
  let more = 0;
  for (const beta of betas) {
    const color = LECTURE_COLORS[beta] ?? MORE_COLORS[more++ % MORE_COLORS.length];
    const window = `≈ ${Number((1 / (1 - beta)).toPrecision(3))}`;
    const line = (corrected: boolean): Trace => ({
      type: "scatter",
      name: corrected
        ? `β = ${beta}, corrected v_t/(1 − βᵗ)`
        : `β = ${beta} (window 1/(1−β) ${window})`,
      mode: "lines",
      x,
      y: optim.ewa(series, beta, { biasCorrection: corrected }),
      line: { color, width: 2, dash: corrected ? "dash" : "solid" },
      legendgroup: `beta${beta}`,
      meta: { nnlab: { beta, biasCorrection: corrected } },
    });
    if (biasCorrection !== true) data.push(line(false));
    if (biasCorrection !== false) data.push(line(true));
  }
  const layout = {
    title: { text: options.title ?? "Exponentially weighted averages" },
    width: 1000,
    height: 460,
    xaxis: { title: { text: options.xTitle ?? "t (day)" }, zeroline: false },
    yaxis: { title: { text: options.yTitle ?? "θ_t, v_t" }, zeroline: false },
    legend: { x: 1.02, xanchor: "left", y: 1, tracegroupgap: 6 }, // beside the plot, not over the data
    hovermode: "x",
  };
  return { data, layout, config: { responsive: true, displaylogo: false } };
}

function checkSeries(series: readonly number[], x: number[] | undefined): void {
  if (!Array.isArray(series) || series.length === 0) {
    throw new TypeError(
      `ewaFigure: expected a non-empty array of numbers, got ${Array.isArray(series) ? "an empty array" : typeof series}`,
    );
  }
  const bad = series.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new RangeError(`ewaFigure: series[${bad}] must be a finite number, got ${series[bad]}`);
  }
  if (x !== undefined && x.length !== series.length) {
    throw new RangeError(
      `ewaFigure: expected ${series.length} x values (one per value of the series), got ${x.length}`,
    );
  }
}
