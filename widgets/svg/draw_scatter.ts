import { escapeXml, plainText, px } from "./format";
import { markers } from "./markers";
import { type Point, pathData, stepped, thin } from "./polyline";
import type { Prepared } from "./prepare";
import type { Scale } from "./scale";

/** Plotly's dash names as SVG dash arrays (for a 2 px line; scaled with the width). */
const DASHES: Record<string, number[]> = {
  dot: [3, 3],
  dash: [9, 9],
  longdash: [15, 15],
  dashdot: [9, 3, 3, 3],
  longdashdot: [15, 6, 3, 6],
};

/** The SVG `stroke-dasharray` attribute for plotly's `line.dash` (names or "5px,10px"). */
export function dashAttr(dash: unknown, width: number): string {
  if (typeof dash !== "string" || dash === "solid") return "";
  const lengths = DASHES[dash] ?? dash.split(/[ ,]+/).map((d) => parseFloat(d));
  if (lengths.some((d) => !Number.isFinite(d))) return "";
  return ` stroke-dasharray='${lengths.map((d) => px((d * Math.max(width, 1)) / 2)).join(",")}'`;
}

/**
 * A scatter trace: its line (broken at gaps, stepped for `line.shape` "hv", thinned to the
 * pixel grid), fill, markers and text. Returns the SVG and the line's points (for "tonexty").
 */
export function drawScatter(
  t: Prepared,
  xs: Scale,
  ys: Scale,
  previous: Point[] = [],
): { svg: string; points: Point[] } {
  const trace = t.trace;
  const mode = String(trace.mode ?? (t.y.length <= 20 ? "lines+markers" : "lines"));
  const line = (trace.line ?? {}) as {
    width?: number;
    dash?: unknown;
    shape?: string;
    color?: string;
  };
  const points = t.y.map((y, i): Point => [xs.pixel(t.x[i]), ys.pixel(y)]);
  const valid = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const segments = trace.connectgaps ? [valid] : split(points);
  let svg = "";
  if (typeof trace.fill === "string" && trace.fill !== "none" && valid.length > 1) {
    const fill = String(trace.fillcolor ?? t.color);
    svg += `<path d='${fillPath(trace.fill, valid, ys, previous)}' fill='${fill}' fill-opacity='${trace.fillcolor ? 1 : 0.5}' stroke='none'/>`;
  }
  const width = line.width ?? 2;
  if (mode.includes("lines") && width > 0) {
    const d = segments.map((s) => pathData(thin(stepped(s, line.shape ?? "linear")))).join("");
    if (d)
      svg += `<path d='${d}' fill='none' stroke='${t.color}' stroke-width='${width}'${dashAttr(line.dash, width)} stroke-linejoin='round'/>`;
  }
  if (mode.includes("markers")) svg += markers(t, points);
  if (mode.includes("text")) svg += texts(t, points);
  const opacity = Number(trace.opacity ?? 1);
  return { svg: opacity < 1 ? `<g opacity='${opacity}'>${svg}</g>` : svg, points: valid };
}

/** Runs of drawable points between gaps (null, NaN, ≤ 0 on a log axis). */
function split(points: Point[]): Point[][] {
  const runs: Point[][] = [[]];
  for (const p of points) {
    if (Number.isFinite(p[0]) && Number.isFinite(p[1])) runs[runs.length - 1].push(p);
    else if (runs[runs.length - 1].length > 0) runs.push([]);
  }
  return runs.filter((r) => r.length > 0);
}

function fillPath(fill: string, points: Point[], ys: Scale, previous: Point[]): string {
  if (fill === "toself") return pathData(points, true);
  if (fill === "tonexty" && previous.length > 0)
    return pathData([...points, ...[...previous].reverse()], true);
  const zero = ys.type === "log" ? Math.max(...ys.pixels) : ys.pixel(0);
  const base = Number.isFinite(zero) ? zero : Math.max(...ys.pixels);
  const [first, last] = [points[0], points[points.length - 1]];
  return pathData([[first[0], base], ...points, [last[0], base]], true);
}

function texts(t: Prepared, points: Point[]): string {
  const text = t.trace.text;
  const font = (t.trace.textfont ?? {}) as { size?: number; color?: string };
  const position = String(t.trace.textposition ?? "middle center");
  const dy = position.startsWith("top") ? -8 : position.startsWith("bottom") ? 14 : 4;
  return points
    .map(([x, y], i) => {
      const s = Array.isArray(text) ? text[i] : text;
      if (s === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return "";
      return `<text x='${px(x)}' y='${px(y + dy)}' text-anchor='middle' font-size='${font.size ?? 12}' fill='${font.color ?? "#444"}'>${escapeXml(plainText(s))}</text>`;
    })
    .join("");
}
