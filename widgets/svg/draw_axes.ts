import type { Axis } from "./axes";
import { escapeXml, plainText, px, textWidth, titleText } from "./format";
import type { Tick } from "./scale";

const FONT = 12;
const GRID = "#eee";
const ZERO = "#444";
const INK = "#444";

/** Grid lines and the zero line of every axis: drawn first, under the traces. */
export function drawGrids(axes: Iterable<Axis>): string {
  let out = "";
  for (const axis of axes) {
    if (axis.spec.visible === false) continue;
    const line = (at: number, color: string) => {
      const p = axis.scale.pixelOfUnit(at);
      const [c0, c1] = axis.cross;
      return axis.letter === "x"
        ? `<line x1='${px(p)}' x2='${px(p)}' y1='${px(c0)}' y2='${px(c1)}' stroke='${color}'/>`
        : `<line x1='${px(c0)}' x2='${px(c1)}' y1='${px(p)}' y2='${px(p)}' stroke='${color}'/>`;
    };
    if (axis.spec.showgrid !== false)
      out += ticksOf(axis)
        .map((t) => line(t.at, GRID))
        .join("");
    const [lo, hi] = [...axis.scale.range].sort((a, b) => a - b);
    if (axis.scale.type === "linear" && axis.spec.zeroline !== false && lo < 0 && hi > 0)
      out += line(0, ZERO);
  }
  return out;
}

/** Tick labels and titles of every axis: drawn last, over the traces. */
export function drawAxisLabels(axes: Iterable<Axis>): string {
  let out = "";
  for (const axis of axes) {
    if (axis.spec.visible === false) continue;
    const ticks = axis.spec.showticklabels === false ? [] : ticksOf(axis);
    const widest = ticks.reduce((w, t) => Math.max(w, textWidth(t.label, FONT)), 0);
    for (const t of ticks) out += tickLabel(axis, t);
    const title = titleText(axis.spec.title);
    if (title) out += axisTitle(axis, title, widest);
  }
  return out;
}

/** The axis's ticks: `tickvals`/`ticktext` when given, else the scale's. */
function ticksOf(axis: Axis): Tick[] {
  const { tickvals, ticktext } = axis.spec;
  if (Array.isArray(tickvals)) {
    return tickvals.map((v, i) => ({
      at: axis.scale.unit(v),
      label: plainText(Array.isArray(ticktext) ? ticktext[i] : v),
    }));
  }
  const spacing = axis.letter === "x" ? 80 : 45;
  const longest = axis.scale.categories.reduce((w, c) => Math.max(w, textWidth(c, FONT)), 0);
  const [lo, hi] = [...axis.scale.range].sort((a, b) => a - b);
  const ticks = axis.scale
    .ticks(axis.scale.type === "category" ? Math.max(16, longest + 8) : spacing)
    .filter((t) => t.at >= lo - 1e-9 && t.at <= hi + 1e-9);
  return percentTicks(ticks, axis);
}

/**
 * With plotly's `tickformat: ".N%"` on a linear axis: 0.03 → "3%", with N decimals or as
 * many more as the tick step needs (0.5%, never two ticks labelled "1%").
 */
function percentTicks(ticks: Tick[], axis: Axis): Tick[] {
  const format = /^\.(\d)%$/.exec(String(axis.spec.tickformat ?? ""));
  if (format === null || axis.scale.type !== "linear" || ticks.length < 2) return ticks;
  const step = 100 * Math.abs(ticks[1].at - ticks[0].at);
  const decimals = Math.max(Number(format[1]), -Math.floor(Math.log10(step) + 1e-9));
  return ticks.map((t) => ({ ...t, label: `${(100 * t.at).toFixed(decimals)}%` }));
}

function tickLabel(axis: Axis, t: Tick): string {
  const p = axis.scale.pixelOfUnit(t.at);
  const label = escapeXml(t.label);
  if (axis.letter === "x") {
    const y = axis.side === "top" ? axis.position - 6 : axis.position + FONT + 4;
    return `<text x='${px(p)}' y='${px(y)}' text-anchor='middle'>${label}</text>`;
  }
  const right = axis.side === "right";
  const x = right ? axis.position + 6 : axis.position - 6;
  return `<text x='${px(x)}' y='${px(p + FONT * 0.35)}' text-anchor='${right ? "start" : "end"}'>${label}</text>`;
}

function axisTitle(axis: Axis, title: string, widest: number): string {
  const [a, b] = axis.scale.pixels;
  const mid = (a + b) / 2;
  const text = escapeXml(title);
  if (axis.letter === "x") {
    const y = axis.side === "top" ? axis.position - 26 : axis.position + 2 * FONT + 18;
    return `<text x='${px(mid)}' y='${px(y)}' text-anchor='middle' font-size='14'>${text}</text>`;
  }
  const right = axis.side === "right";
  const x = right ? axis.position + widest + 22 : axis.position - widest - 16;
  return `<text transform='translate(${px(x)},${px(mid)}) rotate(${right ? 90 : -90})' text-anchor='middle' font-size='14' fill='${INK}'>${text}</text>`;
}
