import type { Layout } from "../figures/figure";
import type { Prepared } from "./prepare";
import { type AxisType, Scale, extent, minGap, toNumber } from "./scale";

/** The plot area inside the margins, in pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One resolved cartesian axis: its scale and where it is drawn. */
export interface Axis {
  id: string;
  letter: "x" | "y";
  spec: Record<string, unknown>;
  scale: Scale;
  side: "left" | "right" | "top" | "bottom";
  /** The pixel the axis sits at (a y for x axes, an x for y axes). */
  position: number;
  /** The pixel span its grid lines cross: the anchor axis's domain. */
  cross: [number, number];
}

/** "x" → "xaxis", "y3" → "yaxis3". */
export function layoutKey(id: string): string {
  return `${id[0]}axis${id.slice(1)}`;
}

/**
 * Every axis the figure uses or declares, with plotly's rules: `domain`, `overlaying`,
 * `anchor`/`position`, `side`, `type` (auto: category when a value is text), `range`
 * (log axes in log₁₀ units) or an autorange over the data, `autorange: "reversed"`.
 */
export function resolveAxes(layout: Layout, traces: Prepared[], box: Box): Map<string, Axis> {
  const ids = new Set<string>(["x", "y"]);
  for (const t of traces) ids.add(t.xaxis).add(t.yaxis);
  for (const key of Object.keys(layout)) {
    const m = /^([xy])axis(\d*)$/.exec(key);
    if (m) ids.add(m[1] + m[2]);
  }
  const spec = (id: string) => (layout[layoutKey(id)] ?? {}) as Record<string, unknown>;
  const base = (id: string) =>
    typeof spec(id).overlaying === "string" ? String(spec(id).overlaying) : id;
  const domain = (id: string) => (spec(base(id)).domain as [number, number] | undefined) ?? [0, 1];
  const span = (id: string): [number, number] => {
    const [d0, d1] = domain(id);
    return id[0] === "x"
      ? [box.left + d0 * box.width, box.left + d1 * box.width]
      : [box.top + (1 - d0) * box.height, box.top + (1 - d1) * box.height];
  };
  const axes = new Map<string, Axis>();
  for (const id of ids) {
    const letter = id[0] as "x" | "y";
    const s = spec(id);
    const onAxis = traces.filter((t) => t[letter === "x" ? "xaxis" : "yaxis"] === id);
    const anchor = anchorOf(id, s, spec(base(id)), traces);
    const other = anchor === "free" ? undefined : span(anchor);
    const side = String(s.side ?? (letter === "x" ? "bottom" : "left")) as Axis["side"];
    const free = Number(s.position ?? 0);
    const cross: [number, number] =
      other ??
      (letter === "x" ? [box.top + box.height, box.top] : [box.left, box.left + box.width]);
    const far = side === "right" || side === "top";
    const position = other
      ? letter === "x"
        ? far
          ? Math.min(...other)
          : Math.max(...other)
        : far
          ? Math.max(...other)
          : Math.min(...other)
      : letter === "x"
        ? box.top + (1 - free) * box.height
        : box.left + free * box.width;
    axes.set(id, {
      id,
      letter,
      spec: s,
      scale: scaleFor(letter, s, onAxis, span(id)),
      side,
      position,
      cross,
    });
  }
  return axes;
}

/** The axis this one is drawn against: `anchor`, else the first partner in a trace, else x ↔ y. */
function anchorOf(
  id: string,
  s: Record<string, unknown>,
  baseSpec: Record<string, unknown>,
  traces: Prepared[],
): string {
  const given = s.anchor ?? baseSpec.anchor;
  if (typeof given === "string") return given;
  const partner = traces.find((t) => t.xaxis === id || t.yaxis === id);
  if (partner) return id[0] === "x" ? partner.yaxis : partner.xaxis;
  return id[0] === "x" ? "y" : "x";
}

function scaleFor(
  letter: "x" | "y",
  s: Record<string, unknown>,
  traces: Prepared[],
  pixels: [number, number],
): Scale {
  const values: unknown[] = [];
  const marked: unknown[] = []; // values drawn as markers: the range leaves room for them
  let includeZero = s.rangemode === "tozero";
  let barValues = false;
  let halfCell = 0;
  for (const t of traces) {
    const own = letter === "x" ? t.x : t.y;
    values.push(...own);
    const valueAxis = t.kind === "bar" && (t.orientation === "v") === (letter === "y");
    if (valueAxis) includeZero = barValues = true;
    else if (t.kind === "bar") halfCell = Math.max(halfCell, (t.barWidth ?? minGap(own) * 0.8) / 2);
    else if (t.kind === "heatmap") halfCell = Math.max(halfCell, minGap(own) / 2);
    if (t.kind === "scatter" && String(t.trace.mode ?? "markers").includes("markers"))
      marked.push(...own);
  }
  const type = axisType(s.type, values);
  const categories = type === "category" ? [...new Set(values.map(String))] : [];
  if (type === "category") halfCell = 0.5;
  const scale = new Scale(type, [0, 1], pixels, categories);
  let range =
    Array.isArray(s.range) && s.range.length === 2
      ? (s.range.map(Number) as [number, number])
      : undefined;
  if (!range) {
    const units = values.map((v) => scale.unit(v)).filter(Number.isFinite);
    if (includeZero && type === "linear") units.push(0);
    range = autorange(units, type, halfCell);
    const scatterY = letter === "y" && traces.some((t) => t.kind === "scatter");
    const pad = (letter === "y" ? 0.05 : 0.015) * (range[1] - range[0]);
    const [mlo, mhi] = extent(marked.map((v) => scale.unit(v)).filter(Number.isFinite));
    if (scatterY || mlo <= range[0] || (barValues && range[0] < 0)) range[0] -= pad;
    if (scatterY || mhi >= range[1] || (barValues && range[1] > 0)) range[1] += pad;
  }
  if (s.autorange === "reversed") range = [range[1], range[0]];
  return new Scale(type, range, pixels, categories);
}

function axisType(given: unknown, values: unknown[]): AxisType {
  if (given === "linear" || given === "log" || given === "category") return given;
  const text = values.some((v) => typeof v === "string" && !Number.isFinite(toNumber(v)));
  return text ? "category" : "linear";
}

function autorange(units: number[], type: AxisType, halfCell: number): [number, number] {
  if (units.length === 0) return type === "category" ? [-0.5, 0.5] : [0, 1];
  let [lo, hi] = extent(units);
  lo -= halfCell;
  hi += halfCell;
  if (hi === lo) [lo, hi] = type === "log" ? [lo - 0.5, hi + 0.5] : [lo - 1, hi + 1];
  return [lo, hi];
}
