import { type DecadeShare, binCounts } from "./binning";
import type { Trace } from "./figure";

/** The axes a trace is drawn on (`subplotGrid`'s cells). */
export type Cell = { xaxis: string; yaxis: string };

/** A histogram's look: legend name, colour, and whether the legend lists it. */
export interface HistogramStyle {
  name: string;
  color: string;
  showlegend?: boolean;
  opacity?: number;
}

export const DRAWS = "#1f77b4";
export const UNIFORM = "#7f7f7f";

/** Bars of the fraction of `values` in each bin of `edges` (a linear axis); counts in `customdata`. */
export function barHistogram(
  values: readonly number[],
  edges: readonly number[],
  cell: Cell,
  style: HistogramStyle,
): Trace {
  const counts = binCounts(values, edges);
  return {
    type: "bar",
    name: style.name,
    ...cell,
    x: counts.map((_, i) => (edges[i] + edges[i + 1]) / 2),
    y: counts.map((c) => c / values.length),
    width: counts.map((_, i) => edges[i + 1] - edges[i]),
    customdata: counts,
    marker: { color: style.color },
    opacity: style.opacity ?? 1,
    legendgroup: style.name,
    showlegend: style.showlegend ?? false,
    hovertemplate: `${style.name}<br>%{x:.4g}: %{customdata} draws (%{y:.1%})<extra></extra>`,
  };
}

/**
 * The same histogram as a filled outline, which a log axis draws faithfully (a bar's width
 * is linear): the level y_i = count_i / n held from e_i to e_{i+1}, written out as the
 * corner points (e_i, y_i), (e_{i+1}, y_i) so that the fill follows the steps too.
 */
export function stepHistogram(
  values: readonly number[],
  edges: readonly number[],
  cell: Cell,
  style: HistogramStyle,
): Trace {
  const counts = binCounts(values, edges);
  const twice = <T>(a: T[]) => a.flatMap((v) => [v, v]);
  return {
    type: "scatter",
    mode: "lines",
    name: style.name,
    ...cell,
    x: counts.flatMap((_, i) => [edges[i], edges[i + 1]]),
    y: twice(counts.map((c) => c / values.length)),
    customdata: twice(counts),
    line: { color: style.color, width: 1.5 },
    fill: "tozeroy",
    opacity: style.opacity ?? 1,
    legendgroup: style.name,
    showlegend: style.showlegend ?? false,
    hovertemplate: `${style.name}<br>%{x:.3g}: %{customdata} draws (%{y:.1%})<extra></extra>`,
  };
}

/**
 * On a log panel: a dotted line at each decade boundary, and above each decade the share of
 * the draws in it (and, given, the share of a comparison's draws, in grey).
 */
export function decadeMarks(
  decades: DecadeShare[],
  cell: Cell,
  position: (v: number) => number = (v) => v,
  comparison?: { label: string; decades: DecadeShare[] },
): { shapes: object[]; annotations: object[] } {
  const xref = cell.xaxis;
  const yref = `${cell.yaxis} domain`;
  const shapes = decades.slice(1).map((d) => ({
    type: "line",
    xref,
    yref,
    // plotly places a shape on a log axis by its value, but an annotation by log₁₀ of it
    x0: position(d.lo),
    x1: position(d.lo),
    y0: 0,
    y1: 1,
    line: { color: "#999", width: 1, dash: "dot" },
  }));
  const note = (d: DecadeShare, text: string, y: number, color: string) => ({
    text,
    xref,
    yref,
    x: (Math.log10(position(d.lo)) + Math.log10(position(d.hi))) / 2, // the decade's middle, in log₁₀
    y,
    yanchor: "bottom",
    showarrow: false,
    font: { size: 11, color },
  });
  const annotations = decades.flatMap((d, i) => [
    note(d, `${(100 * d.share).toFixed(1)}%`, 0.93, DRAWS),
    ...(comparison
      ? [note(d, `${(100 * comparison.decades[i].share).toFixed(1)}%`, 0.86, UNIFORM)]
      : []),
  ]);
  return { shapes, annotations };
}

/** "25%", "33.3%": a share as a short percentage. */
export function percent(share: number): string {
  return `${Number((100 * share).toFixed(1))}%`;
}
