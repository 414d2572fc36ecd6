import { record } from "../autograd/function";
import { type DType, allocate, floatOf } from "./dtype";
import { type Shape, formatShape, normalizeAxis, sameShape, sizeOf } from "./shape";
import { broadcastTo, reshape } from "./shape_ops";
import { div, mul, sub } from "./elementwise";
import { Tensor, type ReduceOptions } from "./tensor";

/**
 * Reductions over one axis, several axes, or everything (axis omitted or null).
 * A reduced axis disappears unless `{ keepDims: true }` keeps it as size 1 (so the
 * result broadcasts back against the input: `x.sub(x.mean(0, { keepDims: true }))`).
 *
 * The loops view the input as [outer, n, inner] around the reduced axis of size n.
 */

/** Σ over `axis`.  Backward: ∂x = g broadcast back over the summed axes. */
export function sum(
  x: Tensor,
  axis?: number | number[] | null,
  options: ReduceOptions = {},
): Tensor {
  const axes = resolveAxes("sum", x, axis);
  let out = x.detach();
  for (const ax of [...axes].sort((p, q) => q - p)) out = sumAxis(out, ax);
  const kept = out.shape;
  if (!options.keepDims) out = out.reshape(x.shape.filter((_, k) => !axes.includes(k)));
  return record(out, "SumBackward", [x], (g) => [broadcastTo(reshape(g, kept), x.shape)]);
}

/** Arithmetic mean over `axis` (a float; integers are averaged in float64). */
export function mean(
  x: Tensor,
  axis?: number | number[] | null,
  options: ReduceOptions = {},
): Tensor {
  const axes = resolveAxes("mean", x, axis);
  const count = axes.reduce((n, k) => n * x.shape[k], 1);
  const xf = x.dtype === floatOf(x.dtype) ? x : x.to(floatOf(x.dtype));
  return div(sum(xf, axes, options), count);
}

/** Options of `var`: `correction` 1 (default, PyTorch's unbiased N−1) or 0 (the biased 1/N of BatchNorm). */
export interface VarOptions extends ReduceOptions {
  correction?: number;
}

/** Variance  Σ(x − x̄)² / (N − correction)  over `axis`. */
export function variance(
  x: Tensor,
  axis?: number | number[] | null,
  options: VarOptions = {},
): Tensor {
  const { correction = 1, keepDims = false } = options;
  const axes = resolveAxes("var", x, axis);
  const count = axes.reduce((n, k) => n * x.shape[k], 1);
  const d = sub(x, mean(x, axes, { keepDims: true }));
  return div(sum(mul(d, d), axes, { keepDims }), Math.max(count - correction, 0));
}

/** Largest value over `axis`;  ∂x = g at the (first) position of the maximum, 0 elsewhere. */
export function max(x: Tensor, axis?: number | null, options: ReduceOptions = {}): Tensor {
  return extremum("max", x, axis, options, 1);
}

/** Smallest value over `axis`;  ∂x = g at the (first) position of the minimum. */
export function min(x: Tensor, axis?: number | null, options: ReduceOptions = {}): Tensor {
  return extremum("min", x, axis, options, -1);
}

/** Index (int32) of the first largest value over `axis`, or into the flattened tensor. */
export function argmax(x: Tensor, axis?: number | null, options: ReduceOptions = {}): Tensor {
  return argExtremum("argmax", x, axis, options, 1).index;
}

/** Index (int32) of the first smallest value over `axis`. */
export function argmin(x: Tensor, axis?: number | null, options: ReduceOptions = {}): Tensor {
  return argExtremum("argmin", x, axis, options, -1).index;
}

/**
 * Sums a broadcast gradient back to `shape`: over the leading axes `shape` lacks and
 * over the axes where `shape` has size 1. The backward of every broadcasting op.
 */
export function sumTo(g: Tensor, shape: Shape): Tensor {
  if (sameShape(g.shape, shape)) return g;
  const extra = g.ndim - shape.length;
  const axes: number[] = [];
  for (let k = 0; k < g.ndim; k++) {
    if (k < extra || (shape[k - extra] === 1 && g.shape[k] !== 1)) axes.push(k);
  }
  return reshape(sum(g, axes, { keepDims: true }), shape.slice());
}

// ── helpers ────────────────────────────────────────────────────────────────────
function resolveAxes(op: string, x: Tensor, axis?: number | number[] | null): number[] {
  if (axis === undefined || axis === null) return x.shape.map((_, k) => k);
  const list = Array.isArray(axis) ? axis : [axis];
  const axes = list.map((a) => normalizeAxis(op, a, x.ndim));
  if (new Set(axes).size !== axes.length) {
    throw new RangeError(`${op}: axis ${JSON.stringify(axis)} repeats an axis`);
  }
  return axes.filter((k) => k < x.ndim);
}

function split(shape: Shape, axis: number): [number, number, number] {
  const outer = sizeOf(shape.slice(0, axis));
  return [outer, shape[axis], sizeOf(shape.slice(axis + 1))];
}

/** Σ over one axis, keeping it as size 1. */
function sumAxis(x: Tensor, axis: number): Tensor {
  const [outer, n, inner] = split(x.shape, axis);
  const dtype: DType = x.dtype === "bool" ? "int32" : x.dtype;
  const out = allocate(dtype, outer * inner);
  const src = x.data;
  for (let o = 0; o < outer; o++) {
    const ob = o * inner;
    for (let k = 0; k < n; k++) {
      const base = (o * n + k) * inner;
      for (let i = 0; i < inner; i++) out[ob + i] += src[base + i];
    }
  }
  const shape = x.shape.slice();
  shape[axis] = 1;
  return new Tensor(out, shape);
}

function argExtremum(
  op: string,
  x: Tensor,
  axis: number | null | undefined,
  options: ReduceOptions,
  s: 1 | -1,
): { index: Tensor; value: Tensor } {
  const flat = axis === undefined || axis === null;
  const src = flat ? reshape(x.detach(), [x.size]) : x;
  const ax = flat ? 0 : normalizeAxis(op, axis, x.ndim);
  if (src.ndim === 0) return { index: new Tensor(new Int32Array(1), []), value: x.detach() };
  const [outer, n, inner] = split(src.shape, ax);
  if (n === 0) {
    throw new RangeError(`${op}: cannot reduce an empty axis of a ${formatShape(x.shape)} tensor`);
  }
  const index = new Int32Array(outer * inner);
  const value = allocate(x.dtype, outer * inner);
  const d = src.data;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let best = d[o * n * inner + i];
      let at = 0;
      for (let k = 1; k < n; k++) {
        const v = d[(o * n + k) * inner + i];
        if (s * (v - best) > 0 || (Number.isNaN(v) && !Number.isNaN(best))) {
          best = v;
          at = k;
        }
      }
      index[o * inner + i] = at;
      value[o * inner + i] = best;
    }
  }
  const shape = flat ? [] : x.shape.filter((_, k) => k !== ax);
  const keptShape = flat ? x.shape.map(() => 1) : x.shape.map((d2, k) => (k === ax ? 1 : d2));
  const outShape = options.keepDims ? keptShape : shape;
  return { index: new Tensor(index, outShape), value: new Tensor(value, outShape) };
}

function extremum(
  op: string,
  x: Tensor,
  axis: number | null | undefined,
  options: ReduceOptions,
  s: 1 | -1,
): Tensor {
  const { index, value } = argExtremum(op, x, axis, options, s);
  return record(value, op === "max" ? "MaxBackward" : "MinBackward", [x], (g) => {
    const gx = allocate(g.dtype, x.size);
    const flat = axis === undefined || axis === null;
    const ax = flat ? 0 : normalizeAxis(op, axis, x.ndim);
    const [outer, n, inner] = flat ? [1, x.size, 1] : split(x.shape, ax);
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const j = o * inner + i;
        gx[(o * n + index.data[j]) * inner + i] = g.data[j];
      }
    }
    return [new Tensor(gx, x.shape)];
  });
}
