import { Tensor } from "../../src/index";
import { COLORWAY, parseColor, rgb } from "../svg/colors";
import { type Classifier, predictOnGrid } from "./decision_grid";
import type { Figure, Trace } from "./figure";
import { classLabels, describe } from "./tensor_values";

export type { Classifier } from "./decision_grid";

/** Options of `decisionBoundary`. */
export interface DecisionBoundaryOptions {
  /** Grid points along each axis. Default 100 (10,000 predictions). */
  resolution?: number;
  /** Room around the data, as a fraction of its range on each axis. Default 0.1. */
  margin?: number;
  /** A binary model's single output: a logit (class 1 where z > 0, the default) or a probability (p > 0.5). */
  output?: "logit" | "probability";
  /** Binary models: shade by p(class 1) with a colour bar instead of by the predicted class. Default false. */
  probability?: boolean;
  /** Class names for the legend. Default "class 0", "class 1", …. */
  labels?: string[];
  /** Axis titles. Default ["x₁", "x₂"]. */
  axisTitles?: [string, string];
  title?: string;
}

/**
 * The decision regions of a classifier of 2-D points, with the data on top, one colour per
 * class. The model is evaluated on a grid of `resolution²` points covering the data (plus a
 * margin) and each grid cell is shaded by its predicted class
 *
 * $$ \hat y = [z > 0] \text{ (one output: a logit, } \sigma(z) > \tfrac12), \qquad \hat y = \arg\max_c z_c \text{ (outputs } [M, C]) $$
 *
 * so a linear model z = wᵀx + b (the perceptron of lecture 004, logistic regression) shows
 * the straight boundary wᵀx + b = 0, and a network its curved one. The model is left as it
 * was: evaluated under `noGrad` in evaluation mode, its modes restored afterwards.
 *
 * Shapes: x `[N, 2]`, y `[N]` class indices 0…C−1; the model maps `[M, 2]` to `[M]`, `[M, 1]` or `[M, C]`.
 *
 * @example show(decisionBoundary(net, moons.x, moons.y, { resolution: 150 }))
 */
export function decisionBoundary(
  model: Classifier,
  x: Tensor,
  y: Tensor,
  options: DecisionBoundaryOptions = {},
): Figure {
  const { resolution = 100, margin = 0.1 } = options;
  const labels = checkData(x, y, resolution, margin);
  const { gx, gy, predicted, p1, classes } = predictOnGrid(model, x, {
    resolution,
    margin,
    output: options.output ?? "logit",
  });
  const K = labels.reduce((k, c) => Math.max(k, c + 1), classes);
  const colors = Array.from({ length: K }, (_, k) => COLORWAY[k % COLORWAY.length]);
  const names = options.labels ?? colors.map((_, k) => `class ${k}`);
  const shading =
    options.probability && p1 ? probabilityMap(p1, colors, names) : classMap(predicted, colors);
  const data: Trace[] = [
    { type: "heatmap", name: "prediction", x: gx, y: gy, ...shading, hoverongaps: false },
    ...colors.map((color, k) => classPoints(x, labels, k, color, names[k] ?? `class ${k}`)),
  ];
  const [t1, t2] = options.axisTitles ?? ["x₁", "x₂"];
  const layout = {
    title: { text: options.title ?? "Decision regions" },
    width: 620,
    height: 520,
    xaxis: { title: { text: t1 }, range: [gx[0], gx.at(-1)], zeroline: false, constrain: "domain" },
    yaxis: { title: { text: t2 }, range: [gy[0], gy.at(-1)], zeroline: false },
    legend: { x: 1.02, y: 1 },
    margin: { l: 60, r: 30, t: 60, b: 50 },
  };
  return { data, layout, config: { responsive: true, displaylogo: false } };
}

/** A class colour mixed with white: the regions' pale shade. */
function tint(color: string, amount = 0.72): string {
  return rgb(
    parseColor(color).map((v) => Math.round(v + (255 - v) * amount)) as [number, number, number],
  );
}

/** Cells shaded by predicted class: a stepped colour scale, class k at z = k. */
function classMap(predicted: number[][], colors: string[]): Record<string, unknown> {
  const K = colors.length;
  const colorscale = colors.flatMap((c, k) => [
    [k / K, tint(c)],
    [(k + 1) / K, tint(c)],
  ]);
  return {
    z: predicted,
    zmin: -0.5,
    zmax: K - 0.5,
    colorscale,
    showscale: false,
    hovertemplate: "(%{x:.3g}, %{y:.3g}): predicted class %{z}<extra></extra>",
  };
}

/** Cells shaded by p(class 1), from class 0's shade through white (p = ½, the boundary) to class 1's. */
function probabilityMap(
  p1: number[][],
  colors: string[],
  names: string[],
): Record<string, unknown> {
  return {
    z: p1,
    zmin: 0,
    zmax: 1,
    colorscale: [
      [0, tint(colors[0], 0.45)],
      [0.5, "rgb(255,255,255)"],
      [1, tint(colors[1], 0.45)],
    ],
    colorbar: { title: { text: `p(${names[1]})` } },
    hovertemplate: `(%{x:.3g}, %{y:.3g}): p(${names[1]}) = %{z:.3f}<extra></extra>`,
  };
}

/** The data points of class k. */
function classPoints(x: Tensor, labels: number[], k: number, color: string, name: string): Trace {
  const rows = labels.flatMap((c, i) => (c === k ? [i] : []));
  return {
    type: "scatter",
    mode: "markers",
    name,
    x: rows.map((i) => x.data[2 * i]),
    y: rows.map((i) => x.data[2 * i + 1]),
    marker: { color, size: 7, line: { color: "#fff", width: 1 } },
    hovertemplate: `${name}: (%{x:.3g}, %{y:.3g})<extra></extra>`,
  };
}

function checkData(x: Tensor, y: Tensor, resolution: number, margin: number): number[] {
  if (!(x instanceof Tensor) || x.ndim !== 2 || x.shape[1] !== 2) {
    throw new RangeError(
      `decisionBoundary: expected x of shape [N, 2] (points in the plane), got ${describe(x)}; a decision boundary is drawn for 2 input features`,
    );
  }
  if (!(y instanceof Tensor) || y.shape.join() !== String(x.shape[0])) {
    throw new RangeError(
      `decisionBoundary: expected y of shape [${x.shape[0]}] (one class index per point), got ${describe(y)}`,
    );
  }
  if (!(Number.isInteger(resolution) && resolution >= 2)) {
    throw new RangeError(`decisionBoundary: resolution must be an integer ≥ 2, got ${resolution}`);
  }
  if (!(margin >= 0)) throw new RangeError(`decisionBoundary: margin must be ≥ 0, got ${margin}`);
  return classLabels("decisionBoundary", "y", y);
}
