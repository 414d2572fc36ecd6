/** Colours as plotly picks them: the default colourway and the named colour scales. */

/** Plotly's default trace colours, in order (`layout.colorway`). */
export const COLORWAY = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

type Stops = [number, string][];

/** The named scales plotly.js ships that figures here use; RdBu is its default. */
const SCALES: Record<string, Stops> = {
  Greys: [
    [0, "rgb(0,0,0)"],
    [1, "rgb(255,255,255)"],
  ],
  Blues: [
    [0, "rgb(5,10,172)"],
    [0.35, "rgb(40,60,190)"],
    [0.5, "rgb(70,100,245)"],
    [0.6, "rgb(90,120,245)"],
    [0.7, "rgb(106,137,247)"],
    [1, "rgb(220,220,220)"],
  ],
  Reds: [
    [0, "rgb(220,220,220)"],
    [0.2, "rgb(245,195,157)"],
    [0.4, "rgb(245,160,105)"],
    [1, "rgb(178,10,28)"],
  ],
  RdBu: [
    [0, "rgb(5,10,172)"],
    [0.35, "rgb(106,137,247)"],
    [0.5, "rgb(190,190,190)"],
    [0.6, "rgb(220,170,132)"],
    [0.7, "rgb(230,145,90)"],
    [1, "rgb(178,10,28)"],
  ],
  Viridis: [
    [0, "#440154"],
    [0.125, "#472d7b"],
    [0.25, "#3b528b"],
    [0.375, "#2c728e"],
    [0.5, "#21918c"],
    [0.625, "#28ae80"],
    [0.75, "#5ec962"],
    [0.875, "#addc30"],
    [1, "#fde725"],
  ],
  YlGnBu: [
    [0, "rgb(8,29,88)"],
    [0.25, "rgb(34,94,168)"],
    [0.5, "rgb(65,182,196)"],
    [0.75, "rgb(199,233,180)"],
    [1, "rgb(255,255,217)"],
  ],
  Hot: [
    [0, "rgb(0,0,0)"],
    [0.3, "rgb(230,0,0)"],
    [0.6, "rgb(255,210,0)"],
    [1, "rgb(255,255,255)"],
  ],
};

/** The colour of trace `index` where it sets none. */
export function defaultColor(index: number): string {
  return COLORWAY[index % COLORWAY.length];
}

/** A plotly `colorscale` (a name or `[[0, colour], …, [1, colour]]`) as stops; RdBu otherwise. */
export function colorStops(colorscale: unknown, reverse = false): Stops {
  let stops = SCALES.RdBu;
  if (typeof colorscale === "string" && SCALES[colorscale]) stops = SCALES[colorscale];
  if (Array.isArray(colorscale) && colorscale.length >= 2) stops = colorscale as Stops;
  return reverse ? stops.map(([t, c]) => [1 - t, c] as [number, string]).reverse() : stops;
}

/** The colour at t ∈ [0, 1] of a scale, interpolated linearly in RGB. */
export function colorAt(stops: Stops, t: number): [number, number, number] {
  const u = Math.min(1, Math.max(0, t));
  let i = 1;
  while (i < stops.length - 1 && stops[i][0] < u) i++;
  const [t0, c0] = stops[i - 1];
  const [t1, c1] = stops[i];
  const w = t1 > t0 ? (u - t0) / (t1 - t0) : 0;
  const [a, b] = [parseColor(c0), parseColor(c1)];
  return [0, 1, 2].map((k) => Math.round(a[k] + w * (b[k] - a[k]))) as [number, number, number];
}

/** "rgb(r,g,b)" of a colour triple. */
export function rgb([r, g, b]: [number, number, number]): string {
  return `rgb(${r},${g},${b})`;
}

/** "#rgb", "#rrggbb", "rgb(…)" or "rgba(…)" as [r, g, b]; grey for anything else. */
export function parseColor(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join("") : hex[1];
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
  }
  const fn = /^rgba?\(([^)]*)\)$/i.exec(color.trim());
  if (fn) return fn[1].split(",").slice(0, 3).map(Number) as [number, number, number];
  return [128, 128, 128];
}
