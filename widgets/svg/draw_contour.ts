import { colorAt, colorStops, rgb } from "./colors";
import { drawHeatmap, zRange } from "./draw_heatmap";
import { px } from "./format";
import type { Prepared } from "./prepare";
import { type Scale, toNumber } from "./scale";

/** A point of an iso-line in grid units: (column, row), fractional between grid points. */
type GridPoint = [number, number];

/**
 * The levels of a contour trace, as plotly chooses them: `contours.start`, start + size, …
 * up to `contours.end` when given; otherwise `ncontours` (default 15) levels evenly spaced
 * strictly inside the data's range.
 */
export function contourLevels(t: Prepared): number[] {
  const c = (t.trace.contours ?? {}) as { start?: number; end?: number; size?: number };
  const [lo, hi] = zRange(t);
  if (Number.isFinite(c.start) && Number(c.size) > 0) {
    const end = Number.isFinite(c.end) ? Number(c.end) : hi;
    const levels: number[] = [];
    for (let k = 0; c.start! + k * c.size! <= end + 1e-9 * Math.abs(c.size!); k++)
      levels.push(c.start! + k * c.size!);
    return levels;
  }
  const n = Math.max(1, Number(t.trace.ncontours ?? 15));
  return Array.from({ length: n }, (_, k) => lo + ((k + 1) * (hi - lo)) / (n + 1));
}

/**
 * The iso-lines z = level of a grid z[row][column], by marching squares: each cell whose
 * corners lie on both sides of the level gets one segment (two for a saddle, split by the
 * cell's mean) between the crossings of its edges, found by linear interpolation; segments
 * that share an edge crossing are joined into polylines (closed ones end where they begin).
 */
export function isoLines(z: number[][], level: number): GridPoint[][] {
  const crossing = new Map<string, GridPoint>();
  const links = new Map<string, string[]>();
  const at = (r: number, c: number) => z[r][c];
  const edge = (r0: number, c0: number, r1: number, c1: number): string => {
    const key = `${r0},${c0},${r1},${c1}`;
    if (!crossing.has(key)) {
      const s = (level - at(r0, c0)) / (at(r1, c1) - at(r0, c0)); // where z crosses the level
      crossing.set(key, [c0 + s * (c1 - c0), r0 + s * (r1 - r0)]);
    }
    return key;
  };
  const link = (a: string, b: string) => {
    links.set(a, [...(links.get(a) ?? []), b]);
    links.set(b, [...(links.get(b) ?? []), a]);
  };
  for (let r = 0; r + 1 < z.length; r++) {
    for (let c = 0; c + 1 < Math.min(z[r].length, z[r + 1].length); c++) {
      const corners = [at(r, c), at(r, c + 1), at(r + 1, c + 1), at(r + 1, c)];
      if (!corners.every(Number.isFinite)) continue;
      const above = corners.map((v) => v > level);
      // the four edges, in order around the cell: top, right, bottom, left
      const edges = [
        [r, c, r, c + 1],
        [r, c + 1, r + 1, c + 1],
        [r + 1, c, r + 1, c + 1],
        [r, c, r + 1, c],
      ] as const;
      const cut = edges
        .map((e, i) => ({ i, crosses: above[[0, 1, 3, 0][i]] !== above[[1, 2, 2, 3][i]] }))
        .filter((e) => e.crosses)
        .map((e) => edge(...edges[e.i]));
      if (cut.length === 2) link(cut[0], cut[1]);
      else if (cut.length === 4) {
        // a saddle: corners 0 and 2 on one side, 1 and 3 on the other; the mean decides which pair joins
        const centreAbove = corners.reduce((a, b) => a + b, 0) / 4 > level;
        const pairs = centreAbove === above[0] ? [0, 1, 2, 3] : [0, 3, 1, 2];
        link(cut[pairs[0]], cut[pairs[1]]);
        link(cut[pairs[2]], cut[pairs[3]]);
      }
    }
  }
  return chains(links).map((keys) => keys.map((k) => crossing.get(k)!));
}

/** Walks the links into polylines: open ones from their ends first, then the closed loops. */
function chains(links: Map<string, string[]>): string[][] {
  const used = new Set<string>();
  const out: string[][] = [];
  const walk = (start: string) => {
    const line = [start];
    used.add(start);
    let current = start;
    for (;;) {
      const next = (links.get(current) ?? []).find((k) => !used.has(k));
      if (next === undefined) break;
      used.add(next);
      line.push(next);
      current = next;
    }
    const back = links.get(current) ?? [];
    if (line.length > 2 && back.includes(start)) line.push(start); // a closed loop
    out.push(line);
  };
  for (const [key, next] of links) if (next.length === 1 && !used.has(key)) walk(key);
  for (const key of links.keys()) if (!used.has(key)) walk(key);
  return out;
}

/**
 * A contour trace: with `contours.coloring` "lines" (or "none") only its iso-lines, coloured
 * by the colour scale at their level ("none": `line.color`); with "fill" or "heatmap" (plotly's
 * default is "fill") the heatmap of z under dark iso-lines.
 */
export function drawContour(t: Prepared, xs: Scale, ys: Scale): string {
  const coloring = String(
    (t.trace.contours as { coloring?: string } | undefined)?.coloring ?? "fill",
  );
  const linesOnly = coloring === "lines" || coloring === "none";
  const line = (t.trace.line ?? {}) as { color?: string; width?: number };
  const [lo, hi] = zRange(t);
  const stops = colorStops(t.trace.colorscale, Boolean(t.trace.reversescale));
  const colorOf = (level: number) =>
    coloring === "lines"
      ? rgb(colorAt(stops, hi > lo ? (level - lo) / (hi - lo) : 0.5))
      : (line.color ?? (linesOnly ? "#444" : "rgba(0,0,0,0.35)"));
  const xAt = (c: number) => between(t.x, c, xs);
  const yAt = (r: number) => between(t.y, r, ys);
  let out = linesOnly ? "" : drawHeatmap(t, xs, ys);
  for (const level of contourLevels(t)) {
    const d = isoLines(t.z, level)
      .map((pts) => pts.map(([c, r], i) => `${i ? "L" : "M"}${px(xAt(c))} ${px(yAt(r))}`).join(""))
      .join("");
    if (d)
      out += `<path d='${d}' fill='none' stroke='${colorOf(level)}' stroke-width='${Number(line.width ?? 1)}'/>`;
  }
  return out;
}

/** The pixel of fractional grid index i along coordinates `coords` (linear between neighbours). */
function between(coords: unknown[], i: number, scale: Scale): number {
  const k = Math.min(Math.max(0, Math.floor(i)), Math.max(0, coords.length - 2));
  const [a, b] = [toNumber(coords[k]), toNumber(coords[k + 1] ?? coords[k])];
  return scale.pixel(a + (i - k) * (b - a));
}
