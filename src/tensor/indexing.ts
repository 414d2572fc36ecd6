import { record } from "../autograd/function";
import { type DType, allocate, allocateEmpty, promote } from "./dtype";
import { type Shape, formatShape, normalizeAxis, sizeOf } from "./shape";
import { reshape, unsqueeze } from "./shape_ops";
import { Tensor } from "./tensor";

/**
 * Picking and joining elements: rows of a mini-batch, a column, p[y] per row, one-hot
 * labels, concatenation. The loops view a tensor as [outer, n, inner] around `axis`.
 */

function around(shape: Shape, axis: number): [number, number, number] {
  return [sizeOf(shape.slice(0, axis)), shape[axis], sizeOf(shape.slice(axis + 1))];
}

/**
 * Entries `indices` along `axis`, in that order (repeats allowed):
 * `X.indexSelect(0, [4, 0])` = rows 4 and 0.  ∂x: each g row is added back to its source
 * (a scatter-add, so a repeated index collects both gradients).
 */
export function indexSelect(x: Tensor, axis: number, indices: ArrayLike<number> | Tensor): Tensor {
  const ax = normalizeAxis("indexSelect", axis, x.ndim);
  const idx = indices instanceof Tensor ? indices.data : indices;
  const [outer, n, inner] = around(x.shape, ax);
  const m = idx.length;
  const pos = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    const i = idx[j] < 0 ? idx[j] + n : idx[j];
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      throw new RangeError(
        `indexSelect: index ${idx[j]} is out of range for axis ${axis} of size ${n} (shape ${formatShape(x.shape)})`,
      );
    }
    pos[j] = i;
  }
  const out = allocateEmpty(x.dtype, outer * m * inner); // every row is copied in
  const src = x.data;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < m; j++) {
      const from = (o * n + pos[j]) * inner;
      const to = (o * m + j) * inner;
      if (inner >= 64)
        out.set(src.subarray(from, from + inner), to); // a long row: memcpy
      else for (let k = 0; k < inner; k++) out[to + k] = src[from + k]; // short: no view object
    }
  }
  const shape = x.shape.slice();
  shape[ax] = m;
  return record(new Tensor(out, shape), "IndexSelectBackward", [x], (g) => {
    const gx = allocate(g.dtype, x.size);
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < m; j++) {
        const to = (o * n + pos[j]) * inner;
        const from = (o * m + j) * inner;
        for (let i = 0; i < inner; i++) gx[to + i] += g.data[from + i];
      }
    }
    return [new Tensor(gx, x.shape)];
  });
}

/** Python-style slice start:end:step along `axis` (negative start/end count from the end). */
export function slice(x: Tensor, axis: number, start: number, end?: number, step = 1): Tensor {
  const ax = normalizeAxis("slice", axis, x.ndim);
  if (!Number.isInteger(step) || step <= 0) {
    throw new RangeError(`slice: step must be a positive integer, got ${step}`);
  }
  const n = x.shape[ax];
  const clampIndex = (i: number) => Math.min(Math.max(i < 0 ? i + n : i, 0), n);
  const from = clampIndex(start);
  const to = clampIndex(end ?? n);
  const picks: number[] = [];
  for (let i = from; i < to; i += step) picks.push(i);
  return indexSelect(x, ax, picks);
}

/** Index `index` along `axis`, dropping the axis: `W.select(1, 0)` is the first column. */
export function select(x: Tensor, axis: number, index: number): Tensor {
  const ax = normalizeAxis("select", axis, x.ndim);
  const picked = indexSelect(x, ax, [index]);
  return reshape(
    picked,
    x.shape.filter((_, k) => k !== ax),
  );
}

/**
 * out[…, j, …] = x[…, index[…, j, …], …] along `axis` (PyTorch's gather); `index` has
 * x's shape except along `axis`. With axis 1 on probabilities p [N, C] and labels
 * y [N, 1]: p.gather(1, y) = p_{i, yᵢ}.  ∂x = g scattered back to the gathered places.
 */
export function gather(x: Tensor, axis: number, index: Tensor): Tensor {
  const ax = normalizeAxis("gather", axis, x.ndim);
  const sameOtherAxes =
    index.ndim === x.ndim && index.shape.every((d, k) => k === ax || d === x.shape[k]);
  if (!sameOtherAxes) {
    throw new RangeError(
      `gather: index must have the shape of the input ${formatShape(x.shape)} except along axis ${ax}, got ${formatShape(index.shape)}`,
    );
  }
  const [outer, n, inner] = around(x.shape, ax);
  const m = index.shape[ax];
  const src = x.data;
  const out = allocate(x.dtype, index.size);
  const at = new Int32Array(index.size);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < m; j++) {
      for (let i = 0; i < inner; i++) {
        const q = (o * m + j) * inner + i;
        const k = index.data[q];
        if (!Number.isInteger(k) || k < 0 || k >= n) {
          throw new RangeError(`gather: index ${k} is out of range for axis ${ax} of size ${n}`);
        }
        at[q] = (o * n + k) * inner + i;
        out[q] = src[at[q]];
      }
    }
  }
  return record(new Tensor(out, index.shape), "GatherBackward", [x], (g) => {
    const gx = allocate(g.dtype, x.size);
    for (let q = 0; q < at.length; q++) gx[at[q]] += g.data[q];
    return [new Tensor(gx, x.shape)];
  });
}

/** Joins tensors along an existing `axis`; all other sizes must agree.  ∂ each = its slice of g. */
export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  if (tensors.length === 0) throw new RangeError("concat: expected at least one tensor, got none");
  const first = tensors[0];
  const ax = normalizeAxis("concat", axis, first.ndim);
  for (const t of tensors) {
    if (t.ndim !== first.ndim || t.shape.some((d, k) => k !== ax && d !== first.shape[k])) {
      throw new RangeError(
        `concat: all shapes must match except along axis ${ax}; got ${formatShape(first.shape)} and ${formatShape(t.shape)}`,
      );
    }
  }
  const dtype: DType = tensors.map((t) => t.dtype).reduce(promote);
  const sizes = tensors.map((t) => t.shape[ax]);
  const total = sizes.reduce((p, q) => p + q, 0);
  const [outer, , inner] = around(first.shape, ax);
  const out = allocate(dtype, outer * total * inner);
  let offset = 0;
  tensors.forEach((t, ti) => {
    const block = sizes[ti] * inner;
    for (let o = 0; o < outer; o++) {
      const dst = (o * total + offset) * inner;
      for (let i = 0; i < block; i++) out[dst + i] = t.data[o * block + i];
    }
    offset += sizes[ti];
  });
  const shape = first.shape.slice();
  shape[ax] = total;
  return record(new Tensor(out, shape), "ConcatBackward", tensors, (g) => {
    let start = 0;
    return tensors.map((t, ti) => {
      const part = slice(g, ax, start, start + sizes[ti]);
      start += sizes[ti];
      return part;
    });
  });
}

/** Joins same-shape tensors along a new `axis`: three [2] vectors → [3, 2]. */
export function stack(tensors: readonly Tensor[], axis = 0): Tensor {
  if (tensors.length === 0) throw new RangeError("stack: expected at least one tensor, got none");
  const ax = normalizeAxis("stack", axis, tensors[0].ndim + 1);
  return concat(
    tensors.map((t) => unsqueeze(t, ax)),
    ax,
  );
}

/**
 * One-hot rows for integer labels: y = [2, 0] with C = 3 → [[0, 0, 1], [1, 0, 0]].
 * Returns float64 by default (what losses multiply with); `{ dtype }` to change it.
 */
export function oneHot(
  labels: Tensor | ArrayLike<number>,
  numClasses: number,
  options: { dtype?: DType } = {},
): Tensor {
  const y = labels instanceof Tensor ? labels.data : labels;
  if (!Number.isInteger(numClasses) || numClasses <= 0) {
    throw new RangeError(`oneHot: numClasses must be a positive integer, got ${numClasses}`);
  }
  const out = allocate(options.dtype ?? "float64", y.length * numClasses);
  for (let i = 0; i < y.length; i++) {
    const c = y[i];
    if (!Number.isInteger(c) || c < 0 || c >= numClasses) {
      throw new RangeError(
        `oneHot: label ${c} at position ${i} is not a class index in [0, ${numClasses - 1}]`,
      );
    }
    out[i * numClasses + c] = 1;
  }
  const shape = labels instanceof Tensor ? [...labels.shape, numClasses] : [y.length, numClasses];
  return new Tensor(out, shape);
}

/** Position in `data` of the element at `indices` (negative counts from the end), or explains. */
export function flatIndex(where: string, shape: Shape, indices: number[]): number {
  if (indices.length !== shape.length) {
    throw new RangeError(
      `${where}: a ${shape.length}-d tensor ${formatShape(shape)} needs ${shape.length} indices, got ${indices.length}`,
    );
  }
  let flat = 0;
  for (let k = 0; k < shape.length; k++) {
    const i = indices[k] < 0 ? indices[k] + shape[k] : indices[k];
    if (!Number.isInteger(i) || i < 0 || i >= shape[k]) {
      throw new RangeError(
        `${where}: index ${indices[k]} is out of range for axis ${k} of size ${shape[k]} (shape ${formatShape(shape)})`,
      );
    }
    flat = flat * shape[k] + i;
  }
  return flat;
}

/** Nested JS arrays of the values (a number for a 0-d tensor). */
export function toNested(x: Tensor): unknown {
  const build = (dim: number, offset: number): unknown => {
    if (dim === x.ndim) return x.dtype === "bool" ? x.data[offset] !== 0 : x.data[offset];
    const step = sizeOf(x.shape.slice(dim + 1));
    return Array.from({ length: x.shape[dim] }, (_, i) => build(dim + 1, offset + i * step));
  };
  return build(0, 0);
}
