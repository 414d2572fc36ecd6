import { formatShape } from "./shape";
import type { Tensor } from "./tensor";

/**
 * How a tensor prints: like PyTorch, values aligned in columns, 4 decimals (scientific
 * notation when the magnitudes call for it), large tensors summarised with "...",
 * then the shape and dtype:
 *
 *     tensor([[0.2500, 0.1500],
 *             [0.2500, 0.2000]], shape=[2, 2], dtype=float64)
 */
const SUMMARY_THRESHOLD = 1000;
const EDGE_ITEMS = 3;

export function formatTensor(t: Tensor): string {
  const summarise = t.size > SUMMARY_THRESHOLD;
  const fmt = numberFormatter(t, summarise);
  const cells = shownValues(t, summarise).map(fmt);
  const width = Math.max(0, ...cells.map((c) => c.length));
  let next = 0;
  const pad = (s: string) => s.padStart(width);
  const body = (dim: number, offset: number, indent: string): string => {
    if (dim === t.ndim) return pad(cells[next++]);
    const n = t.shape[dim];
    const stride = t.shape.slice(dim + 1).reduce((p, q) => p * q, 1);
    const items: string[] = [];
    const elide = summarise && n > 2 * EDGE_ITEMS;
    for (let i = 0; i < n; i++) {
      if (elide && i === EDGE_ITEMS) {
        items.push("...");
        i = n - EDGE_ITEMS - 1;
        continue;
      }
      items.push(body(dim + 1, offset + i * stride, indent + " "));
    }
    const sep = dim === t.ndim - 1 ? ", " : "," + "\n".repeat(t.ndim - dim - 1) + indent + " ";
    return "[" + items.join(sep) + "]";
  };
  const prefix = "tensor(";
  const text = body(0, 0, " ".repeat(prefix.length));
  const extras = [`shape=${formatShape(t.shape)}`, `dtype=${t.dtype}`];
  if (t.gradFn) extras.push(`gradFn=<${t.gradFn.name}>`);
  else if (t.requiresGrad) extras.push("requiresGrad=true");
  return `${prefix}${text}, ${extras.join(", ")})`;
}

/** The values printed, in order (the edges only, when summarised). */
function shownValues(t: Tensor, summarise: boolean): number[] {
  if (!summarise) return Array.from(t.data);
  const out: number[] = [];
  const walk = (dim: number, offset: number) => {
    if (dim === t.ndim) {
      out.push(t.data[offset]);
      return;
    }
    const n = t.shape[dim];
    const stride = t.shape.slice(dim + 1).reduce((p, q) => p * q, 1);
    for (let i = 0; i < n; i++) {
      if (n > 2 * EDGE_ITEMS && i === EDGE_ITEMS) i = n - EDGE_ITEMS;
      walk(dim + 1, offset + i * stride);
    }
  };
  walk(0, 0);
  return out;
}

function numberFormatter(t: Tensor, summarise: boolean): (v: number) => string {
  if (t.dtype === "bool") return (v) => (v ? "true" : "false");
  if (t.dtype === "int32") return (v) => String(v);
  const finite = shownValues(t, summarise).filter(Number.isFinite);
  const special = (v: number) => (Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf");
  if (finite.every(Number.isInteger) && finite.every((v) => Math.abs(v) < 1e8)) {
    return (v) => (Number.isFinite(v) ? `${v.toFixed(0)}.` : special(v));
  }
  const magnitudes = finite.map(Math.abs).filter((v) => v > 0);
  const big = Math.max(0, ...magnitudes);
  const small = Math.min(Infinity, ...magnitudes);
  const scientific = big >= 1e8 || small < 1e-4 || big / small >= 1000;
  return (v) =>
    Number.isFinite(v) ? (scientific ? v.toExponential(4) : v.toFixed(4)) : special(v);
}

export interface LatexOptions {
  /** Digits after the decimal point (default 4, as the lectures print). */
  decimals?: number;
  /** A 1-D tensor as a column vector (default true, as the lectures write x, b, z). */
  column?: boolean;
}

/**
 * The values as a LaTeX `bmatrix`:  tensor([0.416, 0.4135]).toLatex() →
 * `\begin{bmatrix} 0.4160 \\ 0.4135 \end{bmatrix}`. Scalars print as a number;
 * tensors of more than 2 dimensions are refused.
 */
export function toLatex(t: Tensor, options: LatexOptions = {}): string {
  const { decimals = 4, column = true } = options;
  const num = (v: number) =>
    t.dtype === "int32" || t.dtype === "bool"
      ? String(v)
      : Number.isFinite(v)
        ? v.toFixed(decimals)
        : String(v);
  if (t.ndim === 0) return num(t.data[0]);
  if (t.ndim > 2) {
    throw new RangeError(
      `toLatex: a matrix has at most 2 dimensions, got shape ${formatShape(t.shape)}`,
    );
  }
  const [rows, cols] = t.ndim === 1 ? (column ? [t.size, 1] : [1, t.size]) : t.shape;
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < cols; c++) row.push(num(t.data[r * cols + c]));
    lines.push(row.join(" & "));
  }
  return `\\begin{bmatrix} ${lines.join(" \\\\ ")} \\end{bmatrix}`;
}
