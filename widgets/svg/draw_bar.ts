import { px } from "./format";
import type { Prepared } from "./prepare";
import { type Scale, minGap, toNumber } from "./scale";

/** Where a bar trace sits among the bar traces of its subplot (`layout.barmode`, `bargap`). */
export interface BarSlot {
  index: number;
  count: number;
  mode: string;
  gap: number;
  /** Running totals per position for "stack" / "relative": [positive, negative]. */
  totals: Map<number, [number, number]>;
}

/**
 * A bar trace: one rectangle per value, side by side ("group", plotly's default), on top of
 * each other ("overlay") or stacked ("stack", "relative"), `bargap` of each slot left empty.
 */
export function drawBars(t: Prepared, xs: Scale, ys: Scale, slot: BarSlot): string {
  const vertical = t.orientation === "v";
  const [along, across] = vertical ? [xs, ys] : [ys, xs];
  const positions = vertical ? t.x : t.y;
  const values = (vertical ? t.y : t.x).map(toNumber);
  const marker = (t.trace.marker ?? {}) as { color?: unknown; opacity?: number };
  const width = t.barWidth ?? (along.type === "category" ? 1 : minGap(positions));
  const full = width * (1 - slot.gap);
  const w = slot.mode === "group" ? full / slot.count : full;
  const offset = slot.mode === "group" ? -full / 2 + w * (slot.index + 0.5) : 0;
  const stacked = slot.mode === "stack" || slot.mode === "relative";
  let out = "";
  values.forEach((v, i) => {
    const p = along.unit(positions[i]);
    if (!Number.isFinite(v) || !Number.isFinite(p)) return;
    const totals = slot.totals.get(p) ?? [0, 0];
    const base = stacked ? (v >= 0 ? totals[0] : totals[1]) : 0;
    if (stacked)
      slot.totals.set(p, v >= 0 ? [totals[0] + v, totals[1]] : [totals[0], totals[1] + v]);
    const [a0, a1] = [along.pixelOfUnit(p + offset - w / 2), along.pixelOfUnit(p + offset + w / 2)];
    const [b0, b1] = [valuePixel(across, base), valuePixel(across, base + v)];
    const [x0, x1, y0, y1] = vertical ? [a0, a1, b0, b1] : [b0, b1, a0, a1];
    const color = Array.isArray(marker.color)
      ? String(marker.color[i] ?? t.color)
      : typeof marker.color === "string"
        ? marker.color
        : t.color;
    out += `<rect x='${px(Math.min(x0, x1))}' y='${px(Math.min(y0, y1))}' width='${px(Math.abs(x1 - x0))}' height='${px(Math.abs(y1 - y0))}' fill='${color}'/>`;
  });
  const opacity = Number(t.trace.opacity ?? marker.opacity ?? 1);
  return opacity < 1 ? `<g opacity='${opacity}'>${out}</g>` : out;
}

/** The pixel of a bar end; a bar from 0 on a log axis starts at the axis edge. */
function valuePixel(scale: Scale, v: number): number {
  const p = scale.pixel(v);
  return Number.isFinite(p) ? p : Math.max(...scale.pixels);
}
