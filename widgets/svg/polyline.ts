import { px } from "./format";

/** A point in pixels. */
export type Point = [number, number];

/**
 * A line thinned to what an image can show: within each pixel column only the first,
 * lowest, highest and last points are kept, in order, so a 10⁵-step loss curve keeps its
 * look (and its spikes) in a few thousand points.
 */
export function thin(points: Point[]): Point[] {
  if (points.length <= 4) return points;
  const out: Point[] = [];
  let column: Point[] = [];
  const flush = () => {
    if (column.length === 0) return;
    const lo = column.reduce((a, b) => (b[1] < a[1] ? b : a));
    const hi = column.reduce((a, b) => (b[1] > a[1] ? b : a));
    const keep = new Set([column[0], lo, hi, column[column.length - 1]]);
    out.push(...column.filter((p) => keep.has(p)));
    column = [];
  };
  for (const p of points) {
    if (column.length > 0 && Math.round(column[0][0]) !== Math.round(p[0])) flush();
    column.push(p);
  }
  flush();
  return out;
}

/** Steps between points for plotly's `line.shape`: "hv" (across, then up), "vh", "hvh", "vhv". */
export function stepped(points: Point[], shape: string): Point[] {
  if (!["hv", "vh", "hvh", "vhv"].includes(shape) || points.length < 2) return points;
  const out: Point[] = [points[0]];
  for (let i = 1; i < points.length; i++) {
    const [[x0, y0], [x1, y1]] = [points[i - 1], points[i]];
    const [xm, ym] = [(x0 + x1) / 2, (y0 + y1) / 2];
    if (shape === "hv") out.push([x1, y0]);
    if (shape === "vh") out.push([x0, y1]);
    if (shape === "hvh") out.push([xm, y0], [xm, y1]);
    if (shape === "vhv") out.push([x0, ym], [x1, ym]);
    out.push(points[i]);
  }
  return out;
}

/** Above this many points a path is written in whole pixels (dense lines: a third smaller, looks the same). */
const DENSE = 400;

/** SVG path data "M x,y L x,y …" of a polyline. */
export function pathData(points: Point[], close = false): string {
  const at = points.length > DENSE ? (v: number) => String(Math.round(v)) : px;
  const d = points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${at(x)},${at(y)}`).join("");
  return close ? d + "Z" : d;
}
