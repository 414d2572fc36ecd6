import { record } from "../autograd/function";
import { allocate } from "./dtype";
import {
  broadcastShapes,
  broadcastStrides,
  formatShape,
  normalizeAxis,
  sameShape,
  sizeOf,
  stridesOf,
} from "./shape";
import { sumTo } from "./reduce";
import { Tensor } from "./tensor";

/**
 * Ops that move elements without arithmetic: reshape, transpose/permute, broadcast.
 * Each returns a contiguous copy (reshape shares the storage) and records its
 * backward, which moves the gradient back the same way.
 */

/** A copy with its own storage;  ∂x = g. */
export function clone(x: Tensor): Tensor {
  const out = new Tensor(x.data.slice(), x.shape);
  return record(out, "CloneBackward", [x], (g) => [g]);
}

/**
 * Same elements, new shape (one size may be −1: inferred). Shares the storage, since
 * row-major order does not change.  ∂x = g reshaped back.
 */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const wanted = inferShape(x, shape);
  const out = new Tensor(x.data, wanted);
  return record(out, "ReshapeBackward", [x], (g) => [reshape(g, x.shape.slice())]);
}

function inferShape(x: Tensor, shape: readonly number[]): number[] {
  const unknown = shape.filter((d) => d === -1).length;
  const known = sizeOf(shape.filter((d) => d !== -1));
  const bad = shape.some((d) => !Number.isInteger(d) || d < -1) || unknown > 1;
  const out = shape.map((d) => (d === -1 ? (known === 0 ? 0 : x.size / known) : d));
  if (bad || !out.every(Number.isInteger) || sizeOf(out) !== x.size) {
    throw new RangeError(
      `reshape: cannot view ${formatShape(x.shape)} (${x.size} elements) as ${formatShape(shape)}` +
        (bad ? ": sizes must be non-negative integers, with at most one −1" : ""),
    );
  }
  return out;
}

/** Merges axes startDim…endDim into one: [N, 1, 28, 28] → [N, 784] with `flatten(1)`. */
export function flatten(x: Tensor, startDim = 0, endDim = -1): Tensor {
  if (x.ndim === 0) return reshape(x, [1]);
  const s = normalizeAxis("flatten", startDim, x.ndim);
  const e = normalizeAxis("flatten", endDim, x.ndim);
  if (s > e) throw new RangeError(`flatten: startDim ${startDim} comes after endDim ${endDim}`);
  const merged = sizeOf(x.shape.slice(s, e + 1));
  return reshape(x, [...x.shape.slice(0, s), merged, ...x.shape.slice(e + 1)]);
}

/** Removes size-1 axes (all of them, or only `axis`). */
export function squeeze(x: Tensor, axis?: number): Tensor {
  if (axis === undefined)
    return reshape(
      x,
      x.shape.filter((d) => d !== 1),
    );
  const a = normalizeAxis("squeeze", axis, x.ndim);
  if (x.shape[a] !== 1) return x;
  return reshape(
    x,
    x.shape.filter((_, k) => k !== a),
  );
}

/** Inserts a size-1 axis at `axis`: [3] → [1, 3] with `unsqueeze(0)`. */
export function unsqueeze(x: Tensor, axis: number): Tensor {
  const a = normalizeAxis("unsqueeze", axis, x.ndim + 1);
  const shape = x.shape.slice();
  shape.splice(a, 0, 1);
  return reshape(x, shape);
}

/** Reorders axes: out.shape[k] = x.shape[dims[k]].  ∂x = g permuted by the inverse. */
export function permute(x: Tensor, dims: number[]): Tensor {
  const axes = dims.map((d) => normalizeAxis("permute", d, x.ndim));
  if (axes.length !== x.ndim || new Set(axes).size !== x.ndim) {
    throw new RangeError(
      `permute: expected a reordering of the ${x.ndim} axes of ${formatShape(x.shape)}, got ${JSON.stringify(dims)}`,
    );
  }
  const shape = axes.map((d) => x.shape[d]);
  const inStrides = stridesOf(x.shape);
  const out = gatherStrided(
    x,
    shape,
    axes.map((d) => inStrides[d]),
  );
  const inverse = new Array<number>(axes.length);
  axes.forEach((d, k) => (inverse[d] = k));
  return record(out, "PermuteBackward", [x], (g) => [permute(g, inverse)]);
}

/** Swaps two axes (default: the last two, a batched matrix transpose). */
export function transpose(x: Tensor, dim0 = -2, dim1 = -1): Tensor {
  if (x.ndim < 2) return x;
  const axes = x.shape.map((_, k) => k);
  const a = normalizeAxis("transpose", dim0, x.ndim);
  const b = normalizeAxis("transpose", dim1, x.ndim);
  [axes[a], axes[b]] = [axes[b], axes[a]];
  return permute(x, axes);
}

/** Repeats size-1 (or missing leading) axes up to `shape`.  ∂x = g summed back (`sumTo`). */
export function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
  const target = broadcastShapes("expand", x.shape, shape);
  if (!sameShape(target, shape)) {
    throw new RangeError(
      `expand: cannot broadcast ${formatShape(x.shape)} to ${formatShape(shape)}`,
    );
  }
  if (sameShape(x.shape, shape)) return x;
  const out = gatherStrided(x, shape, broadcastStrides(x.shape, shape));
  return record(out, "ExpandBackward", [x], (g) => [sumTo(g, x.shape)]);
}

/** out (contiguous, `shape`) [i₀…] = x.data[Σ iₖ·strides[k]]: the copy loop of permute and expand. */
function gatherStrided(x: Tensor, shape: readonly number[], strides: number[]): Tensor {
  const out = allocate(x.dtype, sizeOf(shape));
  const src = x.data;
  const nd = shape.length;
  if (out.length === 0) return new Tensor(out, shape);
  if (nd === 0) {
    out[0] = src[0];
    return new Tensor(out, shape);
  }
  const inner = shape[nd - 1];
  const step = strides[nd - 1];
  const counter = new Array<number>(nd).fill(0);
  let offset = 0;
  for (let o = 0; o < out.length; o += inner) {
    for (let j = 0, p = offset; j < inner; j++, p += step) out[o + j] = src[p];
    for (let k = nd - 2; k >= 0; k--) {
      counter[k]++;
      offset += strides[k];
      if (counter[k] < shape[k]) break;
      offset -= strides[k] * shape[k];
      counter[k] = 0;
    }
  }
  return new Tensor(out, shape);
}
