import type { Layout } from "./figure";

/** Options of `subplotGrid`. */
export interface SubplotGridOptions {
  /** Panels per row. Default: all in one row. */
  cols?: number;
  /** A title over each panel (plotly annotations; `<br>` breaks a line). */
  titles?: string[];
  /** The colour of each title. Default plotly's dark grey. */
  titleColors?: string[];
  /** Space between panels, as a fraction of the figure: [horizontal, vertical]. Default [0.02, 0.08]. */
  gap?: [number, number];
  /** Image panels: no ticks, grid or zero line; row 0 at the top; square pixels. Default false. */
  image?: boolean;
  /**
   * The plot area's height in pixels (the figure's less its top and bottom margins). Given,
   * a title's lines ("a<br>b") become one annotation each, stacked 14 px apart, so the static
   * SVG (one line per annotation) draws them as plotly does.
   */
  plotHeight?: number;
}

/** Where the traces of each panel go, and the layout that places the panels. */
export interface SubplotGrid {
  /** Panel i's axes, in reading order: `{ xaxis: "x3", yaxis: "y3" }` for i = 2 ("x", "y" for i = 0). */
  cells: { xaxis: string; yaxis: string }[];
  rows: number;
  cols: number;
  /** `xaxis`, `yaxis`, `xaxis2`, … with their domains, and the titles as `annotations`. */
  layout: Layout;
}

/**
 * A grid of n small subplots (plotly's numbered axes, each pair anchored to the other), in
 * reading order: panel i sits in row ⌊i / cols⌋, column i mod cols. Each panel's title is an
 * annotation centred over its own x domain, so it follows the panel wherever it is drawn.
 *
 * @example subplotGrid(10, { titles }).cells[3]   // { xaxis: "x4", yaxis: "y4" }
 */
export function subplotGrid(n: number, options: SubplotGridOptions = {}): SubplotGrid {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`subplotGrid: expected a positive number of panels, got ${n}`);
  }
  const cols = Math.min(n, options.cols ?? n);
  if (!(Number.isInteger(cols) && cols >= 1)) {
    throw new RangeError(`subplotGrid: cols must be a positive integer, got ${options.cols}`);
  }
  const rows = Math.ceil(n / cols);
  const [gx, gy] = options.gap ?? [0.02, 0.08];
  const w = (1 - gx * (cols - 1)) / cols; // panel width and height as fractions of the plot area
  const h = (1 - gy * (rows - 1)) / rows;
  const layout: Layout = { annotations: [] };
  const cells = Array.from({ length: n }, (_, i) => {
    const [r, c] = [Math.floor(i / cols), i % cols];
    const suffix = i === 0 ? "" : String(i + 1);
    const [xaxis, yaxis] = [`x${suffix}`, `y${suffix}`];
    const top = 1 - r * (h + gy);
    layout[`xaxis${suffix}`] = { domain: [c * (w + gx), c * (w + gx) + w], anchor: yaxis };
    layout[`yaxis${suffix}`] = { domain: [top - h, top], anchor: xaxis };
    if (options.image) imageAxes(layout, suffix, xaxis);
    const title = options.titles?.[i];
    const lines = title === undefined ? [] : options.plotHeight ? title.split("<br>") : [title];
    const lineHeight = options.plotHeight ? 14 / (options.plotHeight * h) : 0; // 14 px in domain units
    lines.forEach((text, k) =>
      (layout.annotations as object[]).push({
        text,
        xref: `${xaxis} domain`,
        yref: `${yaxis} domain`,
        x: 0.5,
        y: 1 + (lines.length - 1 - k) * lineHeight,
        xanchor: "center",
        yanchor: "bottom",
        showarrow: false,
        font: { size: 11, ...(options.titleColors?.[i] ? { color: options.titleColors[i] } : {}) },
      }),
    );
    return { xaxis, yaxis };
  });
  return { cells, rows, cols, layout };
}

/** Axes of an image panel: bare, y pointing down (row 0 on top), one unit as wide as tall. */
function imageAxes(layout: Layout, suffix: string, xaxis: string): void {
  const bare = { showticklabels: false, showgrid: false, zeroline: false, ticks: "" };
  Object.assign(layout[`xaxis${suffix}`] as object, bare, { constrain: "domain" });
  Object.assign(layout[`yaxis${suffix}`] as object, bare, {
    autorange: "reversed",
    scaleanchor: xaxis,
    constrain: "domain",
  });
}
