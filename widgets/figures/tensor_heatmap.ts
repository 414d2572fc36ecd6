import { Tensor } from "../../src/index";
import type { Figure, Trace } from "./figure";
import { subplotGrid } from "./subplot_grid";
import { describe, matrixRows, shapeText } from "./tensor_values";

/** Options of `tensorHeatmap`. */
export interface TensorHeatmapOptions {
  title?: string;
  /** A plotly colour scale. Default: "RdBu" centred on 0 when the values have both signs, else "Viridis". */
  colorscale?: string;
  /** Colour range [zmin, zmax], shared by every panel. Default: symmetric ±max|v| for signed values, else min…max. */
  range?: [number, number];
  /** Panels per row for a `[C, H, W]` stack. Default ⌈√C⌉. */
  cols?: number;
  /** Panel titles for a stack. Default "0", "1", …. */
  names?: string[];
  /** Write each value in its cell (small matrices). Default: when there are at most 100 cells. */
  showValues?: boolean;
}

/**
 * A tensor's values as colours, every value on hover: a 2-D `[H, W]` tensor (a weight matrix,
 * an image) as one heatmap with row 0 at the top, as the matrix is printed; a `[C, H, W]`
 * stack (conv filters, channels, a batch of images) as a grid of C small heatmaps sharing one
 * colour scale, so panels can be compared. Signed values (weights) are drawn on a diverging
 * scale centred at 0: red positive, blue negative.
 *
 * Conv weights `[out, in, kH, kW]` are 4-D: pick one input channel (`w.select(1, 0)`) or
 * reshape to `[out·in, kH, kW]` first.
 *
 * @example show(tensorHeatmap(conv.weight.select(1, 0), { title: "conv1 filters" }))
 */
export function tensorHeatmap(t: Tensor, options: TensorHeatmapOptions = {}): Figure {
  if (!(t instanceof Tensor) || (t.ndim !== 2 && t.ndim !== 3) || t.size === 0) {
    throw new RangeError(
      `tensorHeatmap: expected a 2-D [H, W] tensor or a 3-D [C, H, W] stack, got ${t instanceof Tensor ? `${t.ndim}-D ${shapeText(t.shape)}` : describe(t)}${t instanceof Tensor && t.ndim === 4 ? "; for conv weights [out, in, kH, kW] pick an input channel (w.select(1, 0)) or reshape to [out·in, kH, kW]" : ""}`,
    );
  }
  const panels = t.ndim === 2 ? [t] : Array.from({ length: t.shape[0] }, (_, c) => t.select(0, c));
  const [H, W] = panels[0].shape;
  const scale = colorScale(t, options);
  const showValues = options.showValues ?? H * W * panels.length <= 100;
  const names = options.names ?? panels.map((_, c) => String(c));
  if (t.ndim === 3 && names.length !== panels.length) {
    throw new RangeError(
      `tensorHeatmap: ${panels.length} panels but ${names.length} names; give one name per [H, W] slice`,
    );
  }
  const cols = options.cols ?? Math.ceil(Math.sqrt(panels.length));
  const grid = subplotGrid(panels.length, {
    cols,
    image: true,
    gap: [0.03, 0.1],
    ...(t.ndim === 3 ? { titles: names } : {}),
  });
  const data: Trace[] = panels.map((p, c) => ({
    type: "heatmap",
    name: t.ndim === 3 ? names[c] : "values",
    ...grid.cells[c],
    z: matrixRows(p),
    ...scale,
    showscale: c === 0,
    ...(showValues ? { texttemplate: "%{z:.2f}", textfont: { size: 10 } } : {}),
    hovertemplate: `${t.ndim === 3 ? `${names[c]}: ` : ""}row %{y}, column %{x}: %{z:.4g}<extra></extra>`,
  }));
  const cell = Math.max(2, Math.min(48, Math.floor(560 / Math.max(H * grid.rows, W * grid.cols))));
  const layout = {
    ...grid.layout,
    title: { text: options.title ?? `Tensor ${shapeText(t.shape)}` },
    width: Math.max(360, cell * W * grid.cols * 1.1 + 190),
    height: Math.max(260, cell * H * grid.rows * 1.15 + 110),
    margin: { l: 40, r: 40, t: 70, b: 30 },
  };
  return { data, layout, config: { responsive: true, displaylogo: false } };
}

/** The shared colour scale: diverging around 0 for signed values, sequential otherwise. */
function colorScale(t: Tensor, options: TensorHeatmapOptions): Record<string, unknown> {
  let [lo, hi] = [Infinity, -Infinity];
  for (const v of t.data) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const signed = lo < 0 && hi > 0;
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  const [zmin, zmax] = options.range ?? (signed ? [-m, m] : [lo, hi]);
  const colorscale = options.colorscale ?? (signed ? "RdBu" : "Viridis");
  return { zmin, zmax, colorscale };
}
