import { formatNumber, formatTick } from "./format";

/** How an axis maps values: plotly's axis `type`. */
export type AxisType = "linear" | "log" | "category";

/** A tick: where (in axis units) and its label. */
export interface Tick {
  at: number;
  label: string;
}

/**
 * An axis scale: data → pixels. `range` is in axis units, as plotly's `range`: the value
 * itself (linear), log₁₀ of it (log), the category's index (category).
 */
export class Scale {
  constructor(
    readonly type: AxisType,
    readonly range: [number, number],
    readonly pixels: [number, number],
    readonly categories: string[] = [],
  ) {}

  /** Axis units of a data value; NaN where the axis cannot show it (≤ 0 on a log axis). */
  unit(value: unknown): number {
    if (this.type === "category") {
      const i = this.categories.indexOf(String(value));
      return i >= 0 ? i : typeof value === "number" ? value : NaN;
    }
    const v = toNumber(value);
    if (this.type === "log") return v > 0 ? Math.log10(v) : NaN;
    return v;
  }

  /** Pixel of axis units `u`: p₀ + (u − r₀)/(r₁ − r₀)·(p₁ − p₀). */
  pixelOfUnit(u: number): number {
    const [r0, r1] = this.range;
    const [p0, p1] = this.pixels;
    return p0 + ((u - r0) / (r1 - r0 || 1)) * (p1 - p0);
  }

  /** Pixel of a data value (NaN where it has none). */
  pixel(value: unknown): number {
    return this.pixelOfUnit(this.unit(value));
  }

  /** Ticks inside the range, about one per `spacing` pixels. */
  ticks(spacing = 80): Tick[] {
    const lo = Math.min(...this.range);
    const hi = Math.max(...this.range);
    const count = Math.max(2, Math.abs(this.pixels[1] - this.pixels[0]) / spacing);
    if (this.type === "category") return categoryTicks(this.categories, lo, hi, count);
    if (this.type === "log") return logTicks(lo, hi, count);
    return linearTicks(lo, hi, count);
  }
}

/** A number from a plotly value (numbers, numeric strings); NaN otherwise. */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "") return Number(value);
  return NaN;
}

/** 1, 2 or 5 × 10ᵏ: the "nice" step nearest above `raw`. */
export function niceStep(raw: number): number {
  const k = Math.floor(Math.log10(raw));
  const f = raw / 10 ** k;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * 10 ** k;
}

function linearTicks(lo: number, hi: number, count: number): Tick[] {
  if (!(hi > lo)) return [{ at: lo, label: formatNumber(lo) }];
  const step = niceStep((hi - lo) / count);
  const ticks: Tick[] = [];
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) {
    ticks.push({ at: i * step, label: formatTick(i * step, step) });
  }
  return ticks;
}

/** Powers of ten; with under three decades also 2× and 5×; with many, every n-th decade. */
function logTicks(lo: number, hi: number, count: number): Tick[] {
  const every = Math.max(1, Math.ceil((hi - lo) / count));
  const mantissas = hi - lo < 3 ? [1, 2, 5] : [1];
  const ticks: Tick[] = [];
  for (let k = Math.floor(lo); k <= Math.ceil(hi); k++) {
    if (k % every !== 0) continue;
    for (const m of mantissas) {
      const at = k + Math.log10(m);
      if (at >= lo - 1e-9 && at <= hi + 1e-9)
        ticks.push({ at, label: formatNumber(m * 10 ** k, 3) });
    }
  }
  return ticks;
}

function categoryTicks(categories: string[], lo: number, hi: number, count: number): Tick[] {
  const every = Math.max(1, Math.ceil(categories.length / count));
  return categories
    .map((label, at) => ({ at, label }))
    .filter(({ at }) => at % every === 0 && at >= lo && at <= hi);
}

/** [min, max] of the finite numbers in `values` (a loop: spreading 10⁵ values overflows the stack). */
export function extent(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** The smallest gap between sorted distinct numeric values (1 for text or a single value). */
export function minGap(values: readonly unknown[]): number {
  const sorted = [...new Set(values.map(toNumber).filter(Number.isFinite))].sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < sorted.length; i++) gap = Math.min(gap, sorted[i] - sorted[i - 1]);
  return Number.isFinite(gap) ? gap : 1;
}
