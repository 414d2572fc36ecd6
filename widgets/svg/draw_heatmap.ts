import { colorAt, colorStops, rgb } from "./colors";
import { escapeXml, formatNumber, px } from "./format";
import { encodePNG } from "./png";
import type { Prepared } from "./prepare";
import { type Scale, extent, minGap, niceStep } from "./scale";

/** Above this many cells a heatmap is drawn as one PNG image rather than as rectangles. */
const MAX_RECTS = 2500;

/** [zmin, zmax] of a heatmap: `zmin`/`zmax`, else the finite data's extent. */
export function zRange(t: Prepared): [number, number] {
  const [lo, hi] = extent(t.z.flat().filter(Number.isFinite));
  const zmin = Number(t.trace.zmin ?? lo);
  const zmax = Number(t.trace.zmax ?? hi);
  return Number.isFinite(zmin) && Number.isFinite(zmax) ? [zmin, zmax] : [0, 1];
}

/** A heatmap (also the fill under a contour's iso-lines): one cell per z[row][column], its text on top. */
export function drawHeatmap(t: Prepared, xs: Scale, ys: Scale): string {
  const [zmin, zmax] = zRange(t);
  const stops = colorStops(t.trace.colorscale, Boolean(t.trace.reversescale));
  const color = (z: number) =>
    Number.isFinite(z) ? colorAt(stops, zmax > zmin ? (z - zmin) / (zmax - zmin) : 0.5) : null;
  const columns = edges(t.x, xs, t.z[0]?.length ?? 0);
  const rows = edges(t.y, ys, t.z.length);
  const cells = t.z.length * (t.z[0]?.length ?? 0);
  const uniform = (e: number[]) =>
    e.every((v, i) => i < 2 || Math.abs(v - e[i - 1] - (e[1] - e[0])) < 1e-6);
  let out = "";
  if (cells > MAX_RECTS && uniform(columns) && uniform(rows))
    out += raster(t.z, columns, rows, color);
  else {
    const gx = Number(t.trace.xgap ?? 0) / 2;
    const gy = Number(t.trace.ygap ?? 0) / 2;
    t.z.forEach((row, r) =>
      row.forEach((z, c) => {
        const fill = color(z);
        if (!fill) return;
        const [x0, x1] = [columns[c], columns[c + 1]].sort((a, b) => a - b);
        const [y0, y1] = [rows[r], rows[r + 1]].sort((a, b) => a - b);
        out += `<rect x='${px(x0 + gx)}' y='${px(y0 + gy)}' width='${px(Math.max(0, x1 - x0 - 2 * gx))}' height='${px(Math.max(0, y1 - y0 - 2 * gy))}' fill='${rgb(fill)}'/>`;
      }),
    );
  }
  return out + cellTexts(t, columns, rows, color);
}

/** Pixel edges of n cells along an axis: around the centres given (or indices), or edges given. */
function edges(coords: unknown[], scale: Scale, n: number): number[] {
  const units = coords.map((c) => scale.unit(c));
  if (units.length === n + 1) return units.map((u) => scale.pixelOfUnit(u));
  const half = scale.type === "category" ? 0.5 : minGap(units) / 2;
  const out = units.slice(0, n).map((u, i) => (i === 0 ? u - half : (units[i - 1] + u) / 2));
  out.push((units[n - 1] ?? 0) + half);
  return out.map((u) => scale.pixelOfUnit(u));
}

/** All cells as one nearest-neighbour-scaled PNG (equal cells only). */
function raster(
  z: number[][],
  columns: number[],
  rows: number[],
  color: (z: number) => number[] | null,
): string {
  const [w, h] = [columns.length - 1, rows.length - 1];
  const flipX = columns[w] < columns[0];
  const flipY = rows[h] < rows[0];
  const rgba = new Uint8Array(w * h * 4);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const fill = color(z[r][c]);
      if (!fill) continue;
      const i = ((flipY ? h - 1 - r : r) * w + (flipX ? w - 1 - c : c)) * 4;
      rgba.set([...fill, 255], i);
    }
  }
  const png = encodePNG(w, h, rgba).toString("base64");
  const [x0, x1] = [Math.min(columns[0], columns[w]), Math.max(columns[0], columns[w])];
  const [y0, y1] = [Math.min(rows[0], rows[h]), Math.max(rows[0], rows[h])];
  return `<image x='${px(x0)}' y='${px(y0)}' width='${px(x1 - x0)}' height='${px(y1 - y0)}' preserveAspectRatio='none' style='image-rendering:pixelated' href='data:image/png;base64,${png}'/>`;
}

/** `texttemplate` ("%{z:.2f}", "%{text}") in every cell, black or white by the cell's lightness. */
function cellTexts(
  t: Prepared,
  columns: number[],
  rows: number[],
  color: (z: number) => number[] | null,
): string {
  const template = t.trace.texttemplate;
  if (typeof template !== "string") return "";
  const text = t.trace.text as unknown[][] | undefined;
  const size = Number((t.trace.textfont as { size?: number } | undefined)?.size ?? 12);
  let out = "";
  t.z.forEach((row, r) =>
    row.forEach((z, c) => {
      const values: Record<string, unknown> = { z, x: t.x[c], y: t.y[r], text: text?.[r]?.[c] };
      const label = template.replace(/%\{(\w+)(?::([^}]*))?\}/g, (_, key: string, spec?: string) =>
        formatValue(values[key], spec),
      );
      const fill = color(z) ?? [255, 255, 255];
      const ink = 0.299 * fill[0] + 0.587 * fill[1] + 0.114 * fill[2] < 140 ? "#fff" : "#222";
      out += `<text x='${px((columns[c] + columns[c + 1]) / 2)}' y='${px((rows[r] + rows[r + 1]) / 2 + size * 0.35)}' text-anchor='middle' font-size='${size}' fill='${ink}'>${escapeXml(label)}</text>`;
    }),
  );
  return out;
}

/** A value by a d3-format spec, the common cases: ".2f", ".1%", ".3e", "d"; numbers otherwise to 4 digits. */
export function formatValue(value: unknown, spec?: string): string {
  if (typeof value !== "number") return value === undefined ? "" : String(value);
  const m = /^\.(\d+)([fe%])$/.exec(spec ?? "");
  if (m && m[2] === "f") return value.toFixed(Number(m[1]));
  if (m && m[2] === "e") return value.toExponential(Number(m[1]));
  if (m && m[2] === "%") return (value * 100).toFixed(Number(m[1])) + "%";
  if (spec === "d") return String(Math.round(value));
  return formatNumber(value);
}

/** The colour bar of a heatmap: the scale as a gradient from zmin (bottom) to zmax, 5 or so ticks. */
export function drawColorbar(
  t: Prepared,
  id: string,
  x: number,
  top: number,
  bottom: number,
): string {
  const [zmin, zmax] = zRange(t);
  const stops = colorStops(t.trace.colorscale, Boolean(t.trace.reversescale));
  const gradient = stops
    .map(([s]) => `<stop offset='${s}' stop-color='${rgb(colorAt(stops, s))}'/>`)
    .join("");
  let out = `<defs><linearGradient id='${id}' x1='0' x2='0' y1='1' y2='0'>${gradient}</linearGradient></defs>`;
  out += `<rect x='${px(x)}' y='${px(top)}' width='14' height='${px(bottom - top)}' fill='url(#${id})'/>`;
  if (!(zmax > zmin)) return out;
  const step = niceStep((zmax - zmin) / 5);
  for (let v = Math.ceil(zmin / step) * step; v <= zmax + step * 1e-9; v += step) {
    const y = bottom - ((v - zmin) / (zmax - zmin)) * (bottom - top);
    out += `<text x='${px(x + 18)}' y='${px(y + 4)}'>${escapeXml(formatNumber(Math.abs(v) < step * 1e-9 ? 0 : v))}</text>`;
  }
  return out;
}
