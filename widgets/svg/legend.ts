import type { Trace } from "../figures/figure";
import { dashAttr } from "./draw_scatter";
import { symbolAt } from "./markers";
import { escapeXml, plainText, px, textWidth } from "./format";
import { traceColor } from "./prepare";

const ROW = 19;
const MAX_LABEL = 34;

/** One legend row: a group title, or a trace's sample and name. */
interface Entry {
  title?: string;
  trace?: Trace;
  color?: string;
  label: string;
}

/** The legend of a figure: entries, and the space it takes beside (vertical) or under the plot. */
export interface Legend {
  entries: Entry[];
  horizontal: boolean;
  width: number;
  height: number;
}

/**
 * Legend entries as plotly lists them: named traces that are not `showlegend: false` or
 * `visible: false`, heatmaps excepted, each group's `legendgrouptitle` before its first trace;
 * shown when two or more, or when `layout.showlegend` is true.
 */
export function legendOf(
  data: Trace[],
  layout: Record<string, unknown>,
  plotWidth: number,
): Legend {
  const shown = data
    .map((trace, i) => ({ trace, color: traceColor(trace, i) }))
    .filter(
      ({ trace }) =>
        trace.showlegend !== false &&
        trace.visible !== false &&
        !["heatmap", "contour"].includes(trace.type),
    );
  const visible = layout.showlegend === true || (layout.showlegend !== false && shown.length >= 2);
  const entries: Entry[] = [];
  const titled = new Set<string>();
  for (const { trace, color } of visible ? shown : []) {
    const group = String(trace.legendgroup ?? "");
    const title = plainText((trace.legendgrouptitle as { text?: string } | undefined)?.text);
    if (title && !titled.has(group)) {
      titled.add(group);
      entries.push({ title, label: clip(title) });
    }
    entries.push({ trace, color, label: clip(plainText(trace.name ?? "")) });
  }
  const horizontal = (layout.legend as { orientation?: string } | undefined)?.orientation === "h";
  const widths = entries.map((e) => textWidth(e.label, 12) + (e.title ? 0 : 40));
  if (!horizontal)
    return {
      entries,
      horizontal,
      width: entries.length ? Math.max(...widths) + 20 : 0,
      height: entries.length * ROW,
    };
  let rows = entries.length ? 1 : 0;
  let x = 0;
  for (const w of widths) {
    if (x + w + 10 > plotWidth && x > 0) [rows, x] = [rows + 1, 0];
    x += w + 10;
  }
  return { entries, horizontal, width: plotWidth, height: rows * ROW };
}

/** Draws the legend with its top-left corner at (x, y). */
export function drawLegend(legend: Legend, x: number, y: number): string {
  let out = "";
  let [cx, cy] = [x, y];
  for (const e of legend.entries) {
    const w = textWidth(e.label, 12) + (e.title ? 0 : 40) + 10;
    if (legend.horizontal && cx + w > x + legend.width && cx > x) [cx, cy] = [x, cy + ROW];
    const mid = cy + ROW / 2;
    if (e.title)
      out += `<text x='${px(cx)}' y='${px(mid + 4)}' font-weight='bold'>${escapeXml(e.label)}</text>`;
    else {
      const faded = e.trace!.visible === "legendonly" ? " opacity='0.5'" : "";
      out += `<g${faded}>${sample(e.trace!, e.color!, cx, mid)}<text x='${px(cx + 40)}' y='${px(mid + 4)}'>${escapeXml(e.label)}</text></g>`;
    }
    if (legend.horizontal) cx += w;
    else cy += ROW;
  }
  return out;
}

/** The little picture before a name: the line and/or a marker, or a square for bars. */
function sample(trace: Trace, color: string, x: number, y: number): string {
  if (trace.type === "bar" || trace.type === "histogram")
    return `<rect x='${px(x + 9)}' y='${px(y - 6)}' width='12' height='12' fill='${color}'/>`;
  const mode = String(trace.mode ?? "lines+markers");
  const line = (trace.line ?? {}) as { width?: number; dash?: unknown };
  const marker = (trace.marker ?? {}) as { symbol?: unknown; color?: unknown };
  const width = Math.min(line.width ?? 2, 4);
  let out = "";
  if (mode.includes("lines"))
    out += `<line x1='${px(x + 2)}' x2='${px(x + 32)}' y1='${px(y)}' y2='${px(y)}' stroke='${color}' stroke-width='${width}'${dashAttr(line.dash, width)}/>`;
  const fill = typeof marker.color === "string" ? marker.color : color;
  if (mode.includes("markers"))
    out += symbolAt(String(marker.symbol ?? "circle"), x + 17, y, 4, fill);
  return out;
}

function clip(label: string): string {
  return label.length > MAX_LABEL ? label.slice(0, MAX_LABEL - 1) + "…" : label;
}
