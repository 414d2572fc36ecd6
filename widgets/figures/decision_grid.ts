import { Tensor, nn, noGrad } from "../../src/index";
import { describe, shapeText } from "./tensor_values";

/** A classifier of 2-D points: a module, or any function from `[M, 2]` to its outputs. */
export type Classifier = nn.Module | ((x: Tensor) => Tensor);

/** The grid's coordinates and what the model predicts at each point, as z[row][column]. */
export interface GridPrediction {
  /** x₁ of each column, x₂ of each row. */
  gx: number[];
  gy: number[];
  /** Predicted class at (gx[c], gy[r]): predicted[r][c]. */
  predicted: number[][];
  /** p(class 1) at each point for binary models (one output, or two), else null. */
  p1: number[][] | null;
  /** Number of classes the model's output has (2 for one output). */
  classes: number;
}

/**
 * A classifier of 2-D points evaluated on a `resolution × resolution` grid that covers the
 * data x `[N, 2]` plus `margin` of its range on each side:
 *
 * $$ \hat y = [z > 0] \text{ for one output (a logit; } [p > \tfrac12] \text{ for a probability)}, \qquad \hat y = \arg\max_c z_c \text{ for } [M, C] $$
 *
 * The model is run once on all R² points (a `[R², 2]` batch in x's dtype), under `noGrad`;
 * a module in evaluation mode, its modes restored afterwards.
 *
 * @example predictOnGrid(net, x, { resolution: 50, margin: 0.1, output: "logit" }).predicted[0][0]
 */
export function predictOnGrid(
  model: Classifier,
  x: Tensor,
  options: { resolution: number; margin: number; output: "logit" | "probability" },
): GridPrediction {
  const [gx, gy] = [0, 1].map((j) => gridAxis(x, j, options.resolution, options.margin));
  const scores = evaluate(model, gridPoints(gx, gy, x.dtype));
  return { gx, gy, ...decide(scores, options.resolution, options.output) };
}

/** `resolution` evenly spaced values over column j of x, widened by `margin` of its range each side. */
function gridAxis(x: Tensor, j: number, resolution: number, margin: number): number[] {
  let [lo, hi] = [Infinity, -Infinity];
  for (let i = j; i < x.data.length; i += 2)
    [lo, hi] = [Math.min(lo, x.data[i]), Math.max(hi, x.data[i])];
  const pad = (hi - lo || 1) * margin;
  const [a, b] = [lo - pad, hi + pad];
  return Array.from({ length: resolution }, (_, k) => a + ((b - a) * k) / (resolution - 1));
}

/** The grid as `[R², 2]`: row r·R + c is the point (gx[c], gy[r]), in x's dtype. */
function gridPoints(gx: number[], gy: number[], dtype: Tensor["dtype"]): Tensor {
  const R = gx.length;
  const values = dtype === "float32" ? new Float32Array(2 * R * R) : new Float64Array(2 * R * R);
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < R; c++) values.set([gx[c], gy[r]], 2 * (r * R + c));
  }
  return new Tensor(values, [R * R, 2]);
}

/** The model's outputs on the grid, under noGrad, a module in eval mode (its modes restored). */
function evaluate(model: Classifier, grid: Tensor): Tensor {
  if (!(model instanceof nn.Module)) {
    if (typeof model !== "function") {
      throw new TypeError(
        `decisionBoundary: expected a model (nn.Module) or a function of a [M, 2] tensor, got ${describe(model)}`,
      );
    }
    return noGrad(() => model(grid));
  }
  const modes = model.namedModules().map(([, m]) => [m, m.training] as const);
  try {
    model.eval();
    return noGrad(() => model.forward(grid));
  } finally {
    for (const [m, mode] of modes) m.training = mode;
  }
}

/** Predicted class per grid cell (z[r][c]), p(class 1) for binary models, and the number of classes. */
function decide(
  scores: Tensor,
  R: number,
  output: "logit" | "probability",
): { predicted: number[][]; p1: number[][] | null; classes: number } {
  const M = R * R;
  const rows = (f: (i: number) => number) =>
    Array.from({ length: R }, (_, r) => Array.from({ length: R }, (_, c) => f(r * R + c)));
  const [n, C] = [scores.shape[0], scores.ndim === 2 ? scores.shape[1] : 1];
  if (n !== M || scores.ndim > 2 || scores.ndim === 0) {
    throw new RangeError(
      `decisionBoundary: expected the model to map [${M}, 2] grid points to [${M}], [${M}, 1] or [${M}, C] outputs, got ${shapeText(scores.shape)}`,
    );
  }
  const z = scores.data;
  if (C === 1) {
    const positive = (i: number) => (output === "logit" ? z[i] > 0 : z[i] > 0.5); // ŷ = [z > 0] = [σ(z) > ½]
    const p = (i: number) => (output === "logit" ? 1 / (1 + Math.exp(-z[i])) : z[i]);
    return { predicted: rows((i) => (positive(i) ? 1 : 0)), p1: rows(p), classes: 2 };
  }
  const argmax = (i: number) => {
    let best = 0;
    for (let c = 1; c < C; c++) if (z[i * C + c] > z[i * C + best]) best = c;
    return best; // ŷ = argmax_c z_c
  };
  const softmax1 = (i: number) => 1 / (1 + Math.exp(z[i * C] - z[i * C + 1])); // C = 2: e^{z₁}/(e^{z₀}+e^{z₁})
  return { predicted: rows(argmax), p1: C === 2 ? rows(softmax1) : null, classes: C };
}
