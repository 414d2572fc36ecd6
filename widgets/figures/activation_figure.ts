import { type Tensor, linspace, nn } from "../../src/index";
import type { Figure, Trace } from "./figure";
import { subplotGrid } from "./subplot_grid";

/** The activations nnlab has, by name (lecture 004 §激活函数). */
export type ActivationName = "sigmoid" | "tanh" | "relu" | "leakyRelu" | "prelu" | "elu";

/** An activation of your own: any elementwise tensor function nnlab can differentiate. */
export interface CustomActivation {
  name: string;
  fn: (x: Tensor) => Tensor;
}

/** Options of `activationFigure`. */
export interface ActivationFigureOptions {
  /** The x range drawn. Default [−4, 4]. */
  range?: [number, number];
  /** Sample points (x = 0 is one of them when the range is symmetric and points odd). Default 161. */
  points?: number;
  /** Leaky ReLU's α. Default 0.1 (PyTorch's 0.01 would draw on top of ReLU). */
  negativeSlope?: number;
  /** PReLU's initial a (an `nn.PReLU` parameter). Default 0.25, PyTorch's init. */
  preluInit?: number;
  /** ELU's α. Default 1. */
  eluAlpha?: number;
  title?: string;
}

const ALL: ActivationName[] = ["sigmoid", "tanh", "relu", "leakyRelu", "prelu", "elu"];
const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"];

/**
 * Activation functions (left) and their derivatives (right), lecture 004 §激活函数:
 *
 * $$ \sigma(x) = \frac{1}{1+e^{-x}},\quad \tanh x,\quad \mathrm{ReLU}(x) = \max(0, x),\quad
 *    \mathrm{LeakyReLU}(x) = \max(\alpha x, x),\quad \mathrm{PReLU}_a(x),\quad
 *    \mathrm{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha(e^x - 1) & x \le 0 \end{cases} $$
 *
 * The values are nnlab's own ops (`x.sigmoid()`, …, `nn.PReLU`); the derivatives are not
 * written out here but computed by nnlab's autodiff: x requires grad, f(x).sum().backward()
 * leaves f′(xᵢ) in x.grad (each output depends on its own input only). So the right panel
 * shows what back-propagation multiplies by: σ′ ≤ ¼ saturating at both ends, ReLU′ a step
 * (0 at x = 0, as PyTorch), Leaky ReLU's and PReLU's small slope on the left.
 *
 * Give names, or `{ name, fn }` for a function of your own (any nnlab tensor expression).
 *
 * @example show(activationFigure(["sigmoid", "tanh", "relu"], { range: [-5, 5] }))
 * @example activationFigure([{ name: "softplus", fn: (x) => x.exp().add(1).log() }])
 */
export function activationFigure(
  activations: (ActivationName | CustomActivation)[] = ALL,
  options: ActivationFigureOptions = {},
): Figure {
  const { range = [-4, 4], points = 161 } = options;
  if (!(Array.isArray(range) && range.length === 2 && range[0] < range[1])) {
    throw new RangeError(
      `activationFigure: range must be [low, high] with low < high, got ${JSON.stringify(range)}`,
    );
  }
  if (!(Number.isInteger(points) && points >= 2)) {
    throw new RangeError(`activationFigure: points must be an integer ≥ 2, got ${points}`);
  }
  if (!Array.isArray(activations) || activations.length === 0) {
    throw new RangeError("activationFigure: expected at least one activation, got none");
  }
  const list = activations.map((a) => resolve(a, options));
  const grid = subplotGrid(2, {
    titles: ["f(x)", "f′(x), by nnlab's autodiff"],
    gap: [0.08, 0],
  });
  const data: Trace[] = [];
  list.forEach(({ name, fn }, i) => {
    const x = linspace(range[0], range[1], points);
    x.requiresGrad = true;
    const y = fn(x);
    if (y.size !== points) {
      throw new RangeError(
        `activationFigure: ${name} must map [${points}] to [${points}] elementwise, got [${y.shape.join(", ")}]`,
      );
    }
    y.sum().backward(); // ∂/∂xᵢ Σⱼ f(xⱼ) = f′(xᵢ)
    const xs = Array.from(x.data);
    const style = { mode: "lines", line: { color: COLORS[i % COLORS.length], width: 2 } };
    const common = { type: "scatter", name, x: xs, legendgroup: name, ...style };
    data.push({ ...common, y: Array.from(y.data), ...grid.cells[0] });
    data.push({ ...common, y: Array.from(x.grad!.data), ...grid.cells[1], showlegend: false });
  });
  grid.layout.xaxis = { ...(grid.layout.xaxis as object), title: { text: "x" } };
  grid.layout.xaxis2 = { ...(grid.layout.xaxis2 as object), title: { text: "x" } };
  const layout = {
    ...grid.layout,
    title: { text: options.title ?? "Activation functions and their derivatives" },
    height: 440,
    margin: { l: 50, r: 20, t: 80, b: 100 },
    legend: { orientation: "h", x: 0, y: -0.2, yanchor: "top" },
    hovermode: "x",
  };
  return { data, layout, config: { responsive: true, displaylogo: false } };
}

function resolve(
  a: ActivationName | CustomActivation,
  options: ActivationFigureOptions,
): CustomActivation {
  if (typeof a === "object" && a !== null && typeof a.fn === "function") {
    return { name: String(a.name), fn: a.fn };
  }
  const { negativeSlope = 0.1, preluInit = 0.25, eluAlpha = 1 } = options;
  switch (a) {
    case "sigmoid":
      return { name: "sigmoid", fn: (x) => x.sigmoid() };
    case "tanh":
      return { name: "tanh", fn: (x) => x.tanh() };
    case "relu":
      return { name: "ReLU", fn: (x) => x.relu() };
    case "leakyRelu":
      return { name: `Leaky ReLU (α = ${negativeSlope})`, fn: (x) => x.leakyRelu(negativeSlope) };
    case "prelu": {
      const prelu = new nn.PReLU(1, { init: preluInit });
      return { name: `PReLU (a = ${preluInit})`, fn: (x) => prelu.forward(x) };
    }
    case "elu":
      return { name: `ELU (α = ${eluAlpha})`, fn: (x) => x.elu(eluAlpha) };
  }
  throw new TypeError(
    `activationFigure: unknown activation ${JSON.stringify(a)}; expected one of ${ALL.join(", ")}, or { name, fn: (x) => Tensor }`,
  );
}
