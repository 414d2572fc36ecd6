import type { Axis, Box } from "./axes";
import { escapeXml, plainText, px } from "./format";
import { dashAttr } from "./draw_scatter";

type Spec = Record<string, unknown>;

/**
 * A pixel of a shape or annotation coordinate: "paper" (0…1 of the plot area), "x domain"
 * (0…1 of that axis), or an axis — where, as in plotly, a shape on a log axis gives its value
 * and an annotation gives log₁₀ of it.
 */
function pixelOf(
  ref: unknown,
  v: unknown,
  letter: "x" | "y",
  axes: Map<string, Axis>,
  box: Box,
  place: "shape" | "annotation",
): number {
  const r = String(ref ?? letter);
  const paper = letter === "x" ? [box.left, box.left + box.width] : [box.top + box.height, box.top];
  const [id, domain] = r.split(" ");
  const axis = axes.get(id);
  const [p0, p1] =
    r === "paper" || !axis ? paper : domain === "domain" ? axis.scale.pixels : [NaN, NaN];
  if (Number.isFinite(p0)) return p0 + Number(v) * (p1 - p0);
  // as in plotly: on a log axis a shape is placed by its value, an annotation by log₁₀ of it
  if (place === "annotation" && typeof v === "number" && axis!.scale.type === "log")
    return axis!.scale.pixelOfUnit(v);
  return axis!.scale.pixel(v);
}

/** `layout.shapes` on one layer ("below" the traces or "above", plotly's default): lines and rectangles. */
export function drawShapes(
  layout: Spec,
  layer: "below" | "above",
  axes: Map<string, Axis>,
  box: Box,
): string {
  const shapes = (Array.isArray(layout.shapes) ? layout.shapes : []) as Spec[];
  let out = "";
  for (const s of shapes) {
    if ((s.layer === "below" ? "below" : "above") !== layer || s.visible === false) continue;
    const x0 = pixelOf(s.xref, s.x0, "x", axes, box, "shape");
    const x1 = pixelOf(s.xref, s.x1, "x", axes, box, "shape");
    const y0 = pixelOf(s.yref, s.y0, "y", axes, box, "shape");
    const y1 = pixelOf(s.yref, s.y1, "y", axes, box, "shape");
    if (![x0, x1, y0, y1].every(Number.isFinite)) continue;
    const line = (s.line ?? {}) as { color?: string; width?: number; dash?: unknown };
    const width = line.width ?? 2;
    const stroke =
      width > 0
        ? ` stroke='${line.color ?? "#444"}' stroke-width='${width}'${dashAttr(line.dash, width)}`
        : "";
    const opacity = s.opacity === undefined ? "" : ` opacity='${Number(s.opacity)}'`;
    if (s.type === "line")
      out += `<line x1='${px(x0)}' y1='${px(y0)}' x2='${px(x1)}' y2='${px(y1)}'${stroke}${opacity}/>`;
    else if (s.type === "rect") {
      const fill = typeof s.fillcolor === "string" ? s.fillcolor : "none";
      out += `<rect x='${px(Math.min(x0, x1))}' y='${px(Math.min(y0, y1))}' width='${px(Math.abs(x1 - x0))}' height='${px(Math.abs(y1 - y0))}' fill='${fill}'${stroke}${opacity}/>`;
    }
  }
  return out;
}

/** `layout.annotations`: text at a point, with plotly's default arrow from (ax, ay) = (−10, −30) px. */
export function drawAnnotations(layout: Spec, axes: Map<string, Axis>, box: Box): string {
  const notes = (Array.isArray(layout.annotations) ? layout.annotations : []) as Spec[];
  let out = "";
  for (const a of notes) {
    if (a.visible === false) continue;
    const x = pixelOf(a.xref, a.x, "x", axes, box, "annotation");
    const y = pixelOf(a.yref, a.y, "y", axes, box, "annotation");
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const font = (a.font ?? {}) as { size?: number; color?: string };
    const size = font.size ?? 12;
    const arrow = a.showarrow !== false;
    const [tx, ty] = arrow ? [x + Number(a.ax ?? -10), y + Number(a.ay ?? -30)] : [x, y];
    if (arrow)
      out += `<line x1='${px(tx)}' y1='${px(ty)}' x2='${px(x)}' y2='${px(y)}' stroke='${a.arrowcolor ?? "#444"}' stroke-width='1'/>`;
    const anchor = a.xanchor === "left" ? "start" : a.xanchor === "right" ? "end" : "middle";
    const lines = textLines(a.text);
    const block = (lines.length - 1) * LINE_HEIGHT * size; // first baseline to last
    const dy =
      a.yanchor === "top"
        ? size
        : a.yanchor === "bottom" || ((a.yanchor ?? "auto") === "auto" && arrow && ty < y)
          ? -3 - block
          : size * 0.35 - block / 2;
    const spans =
      lines.length === 1
        ? escapeXml(lines[0])
        : lines
            .map(
              (line, i) =>
                `<tspan x='${px(tx)}'${i > 0 ? ` dy='${px(LINE_HEIGHT * size)}'` : ""}>${escapeXml(line)}</tspan>`,
            )
            .join("");
    out += `<text x='${px(tx)}' y='${px(ty + dy)}' text-anchor='${anchor}' font-size='${size}' fill='${font.color ?? "#444"}'>${spans}</text>`;
  }
  return out;
}

/** Baseline to baseline, in font sizes (plotly's is 1.3). */
const LINE_HEIGHT = 1.3;

/** An annotation's text as its lines: plotly breaks lines at `<br>`; other tags are dropped. */
function textLines(text: unknown): string[] {
  return String(text ?? "")
    .split(/<br\s*\/?>/i)
    .map(plainText);
}
