import { colorAt, colorStops, rgb } from "./colors";
import { px } from "./format";
import { type Point, pathData } from "./polyline";
import type { Prepared } from "./prepare";
import { extent } from "./scale";

/** One mark per point; points falling on the same pixel with the same colour are drawn once. */
export function markers(t: Prepared, points: Point[]): string {
  const marker = (t.trace.marker ?? {}) as Record<string, unknown>;
  const size = Number(marker.size ?? 6);
  const symbol = String(marker.symbol ?? "circle");
  const colors = pointColors(marker, points.length, t.color);
  const seen = new Set<string>();
  let out = "";
  points.forEach(([x, y], i) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const key = `${Math.round(x)},${Math.round(y)},${colors[i]}`;
    if (seen.has(key)) return;
    seen.add(key);
    out += symbolAt(symbol, x, y, size / 2, colors[i]);
  });
  const opacity = marker.opacity === undefined ? "" : ` opacity='${Number(marker.opacity)}'`;
  return `<g${opacity}>${out}</g>`;
}

function pointColors(marker: Record<string, unknown>, n: number, fallback: string): string[] {
  const c = marker.color;
  if (!Array.isArray(c)) return new Array(n).fill(typeof c === "string" ? c : fallback);
  if (c.every((v) => typeof v === "number")) {
    const nums = c as number[];
    const [min, max] = extent(nums);
    const lo = Number(marker.cmin ?? min);
    const hi = Number(marker.cmax ?? max);
    const stops = colorStops(marker.colorscale, Boolean(marker.reversescale));
    return nums.map((v) => rgb(colorAt(stops, hi > lo ? (v - lo) / (hi - lo) : 0.5)));
  }
  return c.map((v) => (typeof v === "string" ? v : fallback));
}

/** A marker of plotly's `symbol` ("circle", "square", "diamond", "triangle-up", "x", "star", "-open") centred at (x, y). */
export function symbolAt(symbol: string, x: number, y: number, r: number, color: string): string {
  const open = symbol.endsWith("-open");
  const paint = open ? `fill='none' stroke='${color}'` : `fill='${color}'`;
  const name = symbol.replace(/-open$/, "");
  const poly = (pts: Point[]) => `<path d='${pathData(pts, true)}' ${paint}/>`;
  if (name === "square")
    return poly([
      [x - r, y - r],
      [x + r, y - r],
      [x + r, y + r],
      [x - r, y + r],
    ]);
  if (name === "diamond")
    return poly([
      [x, y - r * 1.3],
      [x + r * 1.3, y],
      [x, y + r * 1.3],
      [x - r * 1.3, y],
    ]);
  if (name === "triangle-up")
    return poly([
      [x, y - r * 1.2],
      [x + r * 1.1, y + r * 0.8],
      [x - r * 1.1, y + r * 0.8],
    ]);
  if (name === "triangle-down")
    return poly([
      [x, y + r * 1.2],
      [x + r * 1.1, y - r * 0.8],
      [x - r * 1.1, y - r * 0.8],
    ]);
  if (name === "x" || name === "cross") {
    const d =
      name === "x"
        ? `M${px(x - r)},${px(y - r)}L${px(x + r)},${px(y + r)}M${px(x - r)},${px(y + r)}L${px(x + r)},${px(y - r)}`
        : `M${px(x - r)},${px(y)}L${px(x + r)},${px(y)}M${px(x)},${px(y - r)}L${px(x)},${px(y + r)}`;
    return `<path d='${d}' stroke='${color}' stroke-width='2'/>`;
  }
  if (name === "star") {
    const pts: Point[] = [];
    for (let k = 0; k < 10; k++) {
      const a = (Math.PI * k) / 5 - Math.PI / 2;
      const rr = k % 2 === 0 ? r * 1.4 : r * 0.6;
      pts.push([x + rr * Math.cos(a), y + rr * Math.sin(a)]);
    }
    return poly(pts);
  }
  return `<circle cx='${px(x)}' cy='${px(y)}' r='${px(r)}' ${paint}/>`;
}
