import type { Figure } from "../figures/figure";
import { type Axis, type Box, resolveAxes } from "./axes";
import { drawAxisLabels, drawGrids } from "./draw_axes";
import { type BarSlot, drawBars } from "./draw_bar";
import { drawContour } from "./draw_contour";
import { drawColorbar, drawHeatmap } from "./draw_heatmap";
import { drawAnnotations, drawShapes } from "./draw_notes";
import { drawScatter } from "./draw_scatter";
import { escapeXml, px, titleText } from "./format";
import { drawLegend, legendOf } from "./legend";
import { crc32 } from "./png";
import type { Point } from "./polyline";
import { type Prepared, prepareTraces } from "./prepare";

const FONT = "Open Sans, verdana, arial, sans-serif";

/**
 * The static picture of a plotly figure, as an SVG string, drawn in Node without a
 * browser: what a notebook shows where scripts do not run (nbconvert exports, untrusted
 * notebooks, repository previews). It draws the part of plotly that nnlab's figures use —
 * scatter (lines, markers, text, fills, steps), bar, histogram, heatmap, contour (iso-lines
 * by marching squares, over its heatmap unless `coloring: "lines"`), several axes (domains,
 * overlaying, log, category, reversed), shapes, annotations, the legend and a colour bar —
 * with plotly's default look; interactive controls (sliders, menus) are left out, and other
 * trace types are named under the plot.
 *
 * @example renderSVG({ data: [{ type: "scatter", y: [3, 1, 2] }], layout: { title: "loss" } })
 */
export function renderSVG(figure: Figure): string {
  const layout = figure.layout ?? {};
  const width = Number(layout.width ?? 800);
  const height = Number(layout.height ?? 450);
  const id = `s${crc32(Buffer.from(JSON.stringify(figure) ?? "")).toString(36)}`;
  const { traces, skipped } = prepareTraces(figure.data ?? []);
  const title = titleText(layout.title);
  const margin = {
    l: 70,
    r: 30,
    t: title ? 60 : 30,
    b: 60,
    ...(layout.margin as object | undefined),
  } as Record<string, number>;
  const scaleBar = traces.find(
    (t) => t.kind === "heatmap" && t.trace.showscale !== false && !t.legendOnly,
  );
  const rightAxis = Object.keys(layout).some(
    (k) => /^yaxis\d*$/.test(k) && (layout[k] as { side?: string }).side === "right",
  );
  if (rightAxis && !(layout.margin as object | undefined)) margin.r = 70;
  const legend = legendOf(figure.data ?? [], layout, width - margin.l - margin.r);
  const reserve = (legend.horizontal ? 0 : legend.width + 10) + (scaleBar ? 60 : 0);
  const box: Box = {
    left: margin.l,
    top: margin.t + (legend.horizontal && legendAbove(layout) ? legend.height : 0),
    width: Math.max(50, width - margin.l - margin.r - reserve),
    height: Math.max(50, height - margin.t - margin.b - (legend.horizontal ? legend.height : 0)),
  };
  const axes = resolveAxes(layout, traces, box);
  const background = String(layout.plot_bgcolor ?? layout.paper_bgcolor ?? "#fff");
  let body = `<rect width='${width}' height='${height}' fill='${background}'/>`;
  body += drawGrids(axes.values());
  body += drawShapes(layout, "below", axes, box);
  body += drawTraces(layout, traces, axes, id);
  body += drawShapes(layout, "above", axes, box);
  let text = drawAxisLabels(axes.values()) + drawAnnotations(layout, axes, box);
  if (title)
    text += `<text x='${px(width / 2)}' y='${px(margin.t / 2 + 6)}' text-anchor='middle' font-size='17'>${escapeXml(title)}</text>`;
  if (legend.entries.length) {
    const [lx, ly] = legend.horizontal
      ? [box.left, legendAbove(layout) ? box.top - legend.height - 4 : box.top + box.height + 56]
      : [width - legend.width - 10, box.top];
    text += drawLegend(legend, lx, ly);
  }
  if (scaleBar)
    text += drawColorbar(
      scaleBar,
      `${id}cb`,
      box.left + box.width + margin.r + 12,
      box.top,
      box.top + box.height,
    );
  if (skipped.length)
    text += `<text x='6' y='${height - 6}' font-size='11'>not in this static image: ${escapeXml(skipped.join(", "))} (run the notebook to see them)</text>`;
  return (
    `<svg xmlns='http://www.w3.org/2000/svg' width='${width}' height='${height}' viewBox='0 0 ${width} ${height}' font-family='${FONT}' font-size='12'>` +
    `${body}<g fill='#444'>${text}</g></svg>`
  );
}

function legendAbove(layout: Record<string, unknown>): boolean {
  return Number((layout.legend as { y?: number } | undefined)?.y ?? -1) > 0.5;
}

/** Every trace in order, clipped to its subplot; bars placed by `barmode`, fills by the previous line. */
function drawTraces(
  layout: Record<string, unknown>,
  traces: Prepared[],
  axes: Map<string, Axis>,
  id: string,
): string {
  let defs = "";
  let out = "";
  const clips = new Map<string, string>();
  const slots = new Map<string, BarSlot>();
  const bars = traces.filter((t) => t.kind === "bar" && !t.legendOnly);
  const mode = String(layout.barmode ?? "group");
  const histograms = bars.every((t) => t.trace.type === "histogram");
  let previous: Point[] = [];
  for (const t of traces) {
    if (t.legendOnly) continue;
    const [xa, ya] = [axes.get(t.xaxis)!, axes.get(t.yaxis)!];
    const pair = `${t.xaxis}${t.yaxis}`;
    if (!clips.has(pair)) {
      const clip = `${id}c${clips.size}`;
      const [x0, x1] = [...xa.scale.pixels].sort((a, b) => a - b);
      const [y0, y1] = [...ya.scale.pixels].sort((a, b) => a - b);
      defs += `<clipPath id='${clip}'><rect x='${px(x0)}' y='${px(y0)}' width='${px(x1 - x0)}' height='${px(y1 - y0)}'/></clipPath>`;
      clips.set(pair, clip);
    }
    let svg = "";
    if (t.kind === "scatter")
      ({ svg, points: previous } = drawScatter(t, xa.scale, ya.scale, previous));
    else if (t.kind === "heatmap")
      svg = (t.trace.type === "contour" ? drawContour : drawHeatmap)(t, xa.scale, ya.scale);
    else {
      const group = bars.filter((b) => `${b.xaxis}${b.yaxis}` === pair);
      const slot = slots.get(pair) ?? {
        index: -1,
        count: group.length,
        mode,
        gap: Number(layout.bargap ?? (histograms ? 0 : 0.2)),
        totals: new Map(),
      };
      slot.index++;
      slots.set(pair, slot);
      svg = drawBars(t, xa.scale, ya.scale, slot);
    }
    out += `<g clip-path='url(#${clips.get(pair)})'>${svg}</g>`;
  }
  return `<defs>${defs}</defs>${out}`;
}
