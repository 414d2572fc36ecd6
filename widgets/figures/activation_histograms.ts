import { type Tensor, Tensor as TensorClass, type nn } from "../../src/index";
import { formatNumber } from "../svg/format";
import { type ActivationStats, activationStats } from "./activation_stats";
import type { Figure, Trace } from "./figure";
import {
  type LayerActivation,
  type LayerActivationsOptions,
  layerActivations,
} from "./layer_activations";
import { subplotGrid } from "./subplot_grid";
import { describe } from "./tensor_values";

/** Options of `activationHistograms`: which layers (for a model), and how to bin. */
export interface ActivationHistogramsOptions extends LayerActivationsOptions {
  /** Bins per histogram. Default 40. */
  bins?: number;
  /** The x range every panel shares; values outside fall into the end bins. Default: the overall min…max. */
  range?: [number, number];
  /** Panels per row. Default: all in one row. */
  cols?: number;
  /** Panel names, for a list of tensors. Default "layer 1", "layer 2", …. */
  names?: string[];
  title?: string;
}

/** The figure, with each panel's numbers (what a notebook asserts on). */
export type ActivationHistogramsFigure = Figure & { stats: ActivationStats[] };

/**
 * Histograms of each layer's activations for one batch, one small panel per layer in a
 * row, on a shared x axis — lecture 002's "10层网络激活值的分布": with small random weights
 * the activations shrink towards 0 layer after layer, with Xavier/He initialisation they
 * stay spread, with batch normalisation every layer sees standardised inputs. Each panel's
 * title gives μ and σ (and the fraction of exact zeros, when there are any), and the
 * figure's `stats` hold them as numbers (`activationStats`: σ divides by n).
 *
 * Bars are the fraction of the layer's elements in each bin (they sum to 1), binned here,
 * so the page holds `bins` numbers per layer, not every activation.
 *
 * Give a model (an `nn.Sequential` or any module) and a batch (the model is left as it was;
 * see `layerActivations` for `layers` and `training`), or the activations themselves as
 * tensors.
 *
 * @example show(activationHistograms(net, randn([500, 256]), { training: true }))
 * @example activationHistograms([h1, h2, h3], { names: ["tanh 1", "tanh 2", "tanh 3"] }).stats[2].std
 */
export function activationHistograms(
  model: nn.Module,
  x: Tensor,
  options?: ActivationHistogramsOptions,
): ActivationHistogramsFigure;
export function activationHistograms(
  activations: Tensor[] | LayerActivation[],
  options?: ActivationHistogramsOptions,
): ActivationHistogramsFigure;
export function activationHistograms(
  source: nn.Module | Tensor[] | LayerActivation[],
  second?: Tensor | ActivationHistogramsOptions,
  third?: ActivationHistogramsOptions,
): ActivationHistogramsFigure {
  const fromModel = !Array.isArray(source);
  const options = (fromModel ? third : (second as ActivationHistogramsOptions)) ?? {};
  const layers = fromModel
    ? layerActivations(source, checkBatch(second), options)
    : namedActivations(source, options.names);
  const stats = layers.map((l) => activationStats(l.output, l.name));
  const bins = options.bins ?? 40;
  if (!(Number.isInteger(bins) && bins >= 1)) {
    throw new RangeError(`activationHistograms: bins must be a positive integer, got ${bins}`);
  }
  const [lo, hi] = options.range ?? [
    Math.min(...stats.map((s) => s.min)),
    Math.max(...stats.map((s) => s.max)),
  ];
  const [x0, x1, n] = hi > lo ? [lo, hi, bins] : [lo - 0.5, lo + 0.5, 1]; // constant: one bin
  const width = (x1 - x0) / n;
  const rows = Math.ceil(layers.length / Math.min(layers.length, options.cols ?? layers.length));
  const margin = { l: 60, r: 20, t: 115, b: 40 };
  const height = 140 + 200 * rows;
  const grid = subplotGrid(layers.length, {
    cols: options.cols,
    titles: stats.map(panelTitle),
    plotHeight: height - margin.t - margin.b,
    gap: [0.02, 0.3 / rows],
  });
  const data: Trace[] = layers.map((l, i) => ({
    type: "bar",
    name: l.name,
    ...grid.cells[i],
    ...binned(l.output, x0, width, n),
    marker: { color: "#1f77b4" },
    showlegend: false,
    hovertemplate: `${l.name}<br>a ≈ %{x:.3g}: %{y:.1%} of the values<extra></extra>`,
  }));
  for (const [i, { xaxis, yaxis }] of grid.cells.entries()) {
    Object.assign(grid.layout[`xaxis${xaxis.slice(1)}`] as object, {
      range: [x0, x1],
      nticks: 5,
      zeroline: false,
    });
    Object.assign(grid.layout[`yaxis${yaxis.slice(1)}`] as object, {
      rangemode: "tozero",
      showticklabels: i === 0,
      ...(i === 0 ? { title: { text: "fraction" }, tickformat: ".0%" } : {}),
    });
  }
  const layout = {
    ...grid.layout,
    title: { text: options.title ?? "Activations per layer" },
    width: Math.max(600, 100 * grid.cols + 80),
    height,
    bargap: 0,
    margin,
    showlegend: false,
  };
  return { data, layout, config: { responsive: true, displaylogo: false }, stats };
}

/** "layer 3 (Tanh)<br>μ 0.0012 · σ 0.21<br>48% zeros" (the zeros line only when there are any). */
function panelTitle(s: ActivationStats): string {
  const zeros = s.zeros > 0 ? `<br>${(100 * s.zeros).toFixed(0)}% zeros` : "";
  return `${s.name}<br>μ ${formatNumber(s.mean, 2)} · σ ${formatNumber(s.std, 2)}${zeros}`;
}

/** Bin centres and the fraction of values per bin; values outside [start, start + n·width) go to the end bins. */
function binned(a: Tensor, start: number, width: number, n: number): { x: number[]; y: number[] } {
  const counts = new Array<number>(n).fill(0);
  for (const v of a.data) counts[Math.min(n - 1, Math.max(0, Math.floor((v - start) / width)))]++;
  return {
    x: counts.map((_, k) => start + (k + 0.5) * width),
    y: counts.map((c) => c / a.data.length),
  };
}

function namedActivations(
  list: Tensor[] | LayerActivation[],
  names: string[] | undefined,
): LayerActivation[] {
  if (list.length === 0) throw new RangeError("activationHistograms: no activations given");
  if (names && names.length !== list.length) {
    throw new RangeError(
      `activationHistograms: ${list.length} tensors but ${names.length} names; give one name per tensor`,
    );
  }
  return (list as (Tensor | LayerActivation)[]).map((item, i) => {
    const output = item instanceof TensorClass ? item : item?.output;
    if (!(output instanceof TensorClass)) {
      throw new TypeError(
        `activationHistograms: item ${i} must be a tensor or { name, output }, got ${describe(item)}`,
      );
    }
    const own = item instanceof TensorClass ? undefined : item.name;
    return { name: names?.[i] ?? own ?? `layer ${i + 1}`, output };
  });
}

function checkBatch(x: unknown): Tensor {
  if (!(x instanceof TensorClass)) {
    throw new TypeError(
      `activationHistograms: expected a batch tensor after the model, got ${describe(x)}`,
    );
  }
  return x;
}
