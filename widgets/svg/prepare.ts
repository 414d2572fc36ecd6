import type { Trace } from "../figures/figure";
import { defaultColor } from "./colors";
import { extent, niceStep, toNumber } from "./scale";

/** A trace reduced to what the static renderer draws: points, bars or a grid of cells. */
export interface Prepared {
  kind: "scatter" | "bar" | "heatmap";
  trace: Trace;
  xaxis: string;
  yaxis: string;
  /** Points (scatter), bar positions and values (bar), column and row coordinates (heatmap). */
  x: unknown[];
  y: unknown[];
  /** Heatmap cells, z[row][column]. */
  z: number[][];
  /** Bars: "v" (x positions, y values) or "h" (y positions, x values); bar width in axis units. */
  orientation: "v" | "h";
  barWidth?: number;
  color: string;
  /** Shown in the legend but not drawn (`visible: "legendonly"`). */
  legendOnly: boolean;
}

/**
 * The traces the static image draws, in order; `skipped` names the types it cannot draw.
 * Histograms become bars of their bins; contours are grids like heatmaps (render_svg draws
 * their iso-lines with draw_contour.ts).
 */
export function prepareTraces(data: Trace[]): { traces: Prepared[]; skipped: string[] } {
  const traces: Prepared[] = [];
  const skipped: string[] = [];
  data.forEach((trace, index) => {
    if (trace.visible === false) return;
    const type = trace.type ?? "scatter";
    const base = {
      trace,
      xaxis: String(trace.xaxis ?? "x"),
      yaxis: String(trace.yaxis ?? "y"),
      z: [] as number[][],
      orientation: (trace.orientation === "h" ? "h" : "v") as "v" | "h",
      color: traceColor(trace, index),
      legendOnly: trace.visible === "legendonly",
    };
    if (type === "scatter" || type === "scattergl") {
      const y = array(trace.y);
      traces.push({ ...base, kind: "scatter", x: array(trace.x, y.length), y });
    } else if (type === "bar") {
      const values = array(base.orientation === "h" ? trace.x : trace.y);
      const at = array(base.orientation === "h" ? trace.y : trace.x, values.length);
      const [x, y] = base.orientation === "h" ? [values, at] : [at, values];
      traces.push({ ...base, kind: "bar", x, y });
    } else if (type === "histogram") {
      traces.push({ ...base, kind: "bar", ...histogram(trace) });
    } else if (type === "heatmap" || type === "contour") {
      const z = (array(trace.z) as unknown[][]).map((row) => array(row).map(toNumber));
      const columns = z.reduce((m, row) => Math.max(m, row.length), 0);
      traces.push({
        ...base,
        kind: "heatmap",
        z,
        x: array(trace.x, columns),
        y: array(trace.y, z.length),
      });
    } else if (!skipped.includes(type)) skipped.push(type);
  });
  return { traces, skipped };
}

/** The trace's own colour (line, then marker), else the colourway's. */
export function traceColor(trace: Trace, index: number): string {
  const line = trace.line as { color?: unknown } | undefined;
  const marker = trace.marker as { color?: unknown } | undefined;
  if (typeof line?.color === "string") return line.color;
  if (typeof marker?.color === "string") return marker.color;
  return defaultColor(index);
}

/** `value` as an array; `0 … n−1` when absent and `n` is given (plotly's default x). */
function array(value: unknown, n?: number): unknown[] {
  if (Array.isArray(value)) return value;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  return n === undefined ? [] : Array.from({ length: n }, (_, i) => i);
}

/** A histogram's bars: counts (or `histnorm`) per bin of width `xbins.size` or a nice size. */
function histogram(trace: Trace): Pick<Prepared, "x" | "y" | "orientation" | "barWidth"> {
  const horizontal = trace.x === undefined && trace.y !== undefined;
  const values = array(horizontal ? trace.y : trace.x);
  const numbers = values.map(toNumber).filter(Number.isFinite);
  let at: unknown[];
  let counts: number[];
  let width = 0.8;
  if (numbers.length === values.length && numbers.length > 0) {
    const bins = trace[horizontal ? "ybins" : "xbins"] as
      { start?: number; size?: number } | undefined;
    const nbins =
      Number(trace[horizontal ? "nbinsy" : "nbinsx"]) ||
      Math.min(50, Math.ceil(Math.sqrt(numbers.length)) + 1);
    const [lo, hi] = extent(numbers);
    width = bins?.size ?? niceStep((hi - lo || 1) / nbins);
    const start = bins?.start ?? Math.floor(lo / width) * width;
    const n = Math.max(1, Math.floor((hi - start) / width) + 1);
    counts = new Array(n).fill(0);
    for (const v of numbers) counts[Math.min(n - 1, Math.floor((v - start) / width))]++;
    at = counts.map((_, i) => start + (i + 0.5) * width);
  } else {
    at = [...new Set(values.map(String))];
    counts = at.map((c) => values.filter((v) => String(v) === c).length);
  }
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  const norm = String(trace.histnorm ?? "");
  const scale =
    norm === "percent"
      ? 100 / total
      : norm === "probability"
        ? 1 / total
        : norm === "density"
          ? 1 / width
          : norm === "probability density"
            ? 1 / (total * width)
            : 1;
  const heights = counts.map((c) => c * scale);
  return horizontal
    ? { x: heights, y: at, orientation: "h", barWidth: width }
    : { x: at, y: heights, orientation: "v", barWidth: width };
}
