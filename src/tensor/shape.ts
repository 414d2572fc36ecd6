/**
 * Shapes, strides and NumPy broadcasting.
 *
 * Storage is contiguous and row-major: element (i₀, …, i_{d−1}) of a tensor of shape
 * [n₀, …, n_{d−1}] sits at Σ iₖ·sₖ with strides sₖ = Π_{j>k} nⱼ.
 *
 * Broadcasting (NumPy's rule): align shapes on the right; two sizes are compatible
 * when equal or when one is 1; missing leading dimensions count as 1.
 * `[N, C] + [C]` → `[N, C]`;  `[N, 1] * [1, C]` → `[N, C]`.
 */
export type Shape = readonly number[];

/** `[3, 4]` → "[3, 4]"; the way every error message writes a shape. */
export function formatShape(shape: Shape): string {
  return `[${shape.join(", ")}]`;
}

/** Number of elements: the product of the sizes (1 for a scalar of shape []). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides of a contiguous tensor. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    strides[k] = s;
    s *= shape[k];
  }
  return strides;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The broadcast shape of `a` and `b`, or an error naming the op and both shapes. */
export function broadcastShapes(op: string, a: Shape, b: Shape): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = i < n - a.length ? 1 : a[i - (n - a.length)];
    const db = i < n - b.length ? 1 : b[i - (n - b.length)];
    if (da !== db && da !== 1 && db !== 1) {
      throw new RangeError(
        `${op}: cannot broadcast ${formatShape(a)} with ${formatShape(b)}: ` +
          `sizes ${da} and ${db} differ at dimension ${i} (counting from the left of the longer shape); ` +
          `sizes must be equal or 1`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * Strides for reading a tensor of `shape` as if it had the larger `outShape`:
 * a broadcast dimension (size 1, or missing) gets stride 0.
 */
export function broadcastStrides(shape: Shape, outShape: Shape): number[] {
  const own = stridesOf(shape);
  const offset = outShape.length - shape.length;
  const strides = new Array<number>(outShape.length).fill(0);
  for (let k = 0; k < shape.length; k++) {
    strides[k + offset] = shape[k] === 1 ? 0 : own[k];
  }
  return strides;
}

/** Resolves a possibly negative axis (−1 = last) against `ndim`, or explains. */
export function normalizeAxis(where: string, axis: number, ndim: number): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= Math.max(ndim, 1)) {
    throw new RangeError(
      `${where}: axis ${axis} is out of range for a ${ndim}-d tensor (expected an integer in [${-ndim}, ${Math.max(ndim, 1) - 1}])`,
    );
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Checks a user-given shape: non-negative integers. */
export function checkShape(where: string, shape: unknown): number[] {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new TypeError(
      `${where}: a shape is an array of non-negative integers such as [2, 3], got ${JSON.stringify(shape)}`,
    );
  }
  return shape.slice();
}
