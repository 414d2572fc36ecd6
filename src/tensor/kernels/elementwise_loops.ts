import type { TypedArray } from "../dtype";

/**
 * The flat loops under the hot elementwise ops (`add`, `mul`, `relu`, …): one typed-array
 * loop per op, the op chosen once per call, so no function is called per element
 * (`broadcast.ts` keeps a closure-per-element loop for the rarer ops: comparisons, where,
 * derivatives). `tests/tensor/kernels/elementwise_loops.test.ts` checks each loop against
 * that closure form on random shapes.
 *
 * Strided operands make one loop serve every case of NumPy broadcasting: a run of n
 * elements with stride 1 (same shapes), 0 (a scalar, or a broadcast axis), or any other
 * (the odometer of `broadcast.ts` calls it once per row).
 */

/** Binary ops with a loop here. */
export type BinaryOp = "add" | "sub" | "mul" | "div" | "pow" | "maximum" | "minimum";

/** Unary ops with a loop here. */
export type UnaryOp = "neg" | "exp" | "log" | "sqrt" | "abs" | "relu";

/**
 * out[o + i] = x[px + i·sx] ∘ y[py + i·sy]  for i = 0 … n − 1, ∘ = `op`.
 * max and min propagate NaN (Math.max / Math.min), as NumPy's `maximum` and `minimum`.
 */
export function binaryLoop(
  op: BinaryOp,
  out: TypedArray,
  o: number,
  x: TypedArray,
  px: number,
  sx: number,
  y: TypedArray,
  py: number,
  sy: number,
  n: number,
): void {
  const end = o + n;
  switch (op) {
    case "add":
      for (let i = o; i < end; i++, px += sx, py += sy) out[i] = x[px] + y[py];
      return;
    case "sub":
      for (let i = o; i < end; i++, px += sx, py += sy) out[i] = x[px] - y[py];
      return;
    case "mul":
      for (let i = o; i < end; i++, px += sx, py += sy) out[i] = x[px] * y[py];
      return;
    case "div":
      for (let i = o; i < end; i++, px += sx, py += sy) out[i] = x[px] / y[py];
      return;
    case "pow":
      for (let i = o; i < end; i++, px += sx, py += sy) out[i] = Math.pow(x[px], y[py]);
      return;
    case "maximum":
      for (let i = o; i < end; i++, px += sx, py += sy) out[i] = Math.max(x[px], y[py]);
      return;
    case "minimum":
      for (let i = o; i < end; i++, px += sx, py += sy) out[i] = Math.min(x[px], y[py]);
      return;
  }
}

/** out[i] = f(x[i]) for every i, f = `op`; relu(x) = x > 0 ? x : 0, and NaN stays NaN (as PyTorch). */
export function unaryLoop(op: UnaryOp, out: TypedArray, x: TypedArray): void {
  const n = x.length;
  switch (op) {
    case "neg":
      for (let i = 0; i < n; i++) out[i] = -x[i];
      return;
    case "exp":
      for (let i = 0; i < n; i++) out[i] = Math.exp(x[i]);
      return;
    case "log":
      for (let i = 0; i < n; i++) out[i] = Math.log(x[i]);
      return;
    case "sqrt":
      for (let i = 0; i < n; i++) out[i] = Math.sqrt(x[i]);
      return;
    case "abs":
      for (let i = 0; i < n; i++) out[i] = Math.abs(x[i]);
      return;
    case "relu":
      if (out instanceof Float32Array && x instanceof Float32Array) return reluF32(out, x);
      for (let i = 0; i < n; i++) out[i] = x[i] > 0 || x[i] !== x[i] ? x[i] : 0;
      return;
  }
}

/**
 * ReLU's backward: out[i] = x[i] > 0 ? g[i] : 0 (the gradient passes where the input was
 * positive; where it was NaN too, as PyTorch's, so a NaN is not silently cut off).
 */
export function reluBackwardLoop(out: TypedArray, g: TypedArray, x: TypedArray): void {
  if (out instanceof Float32Array && g instanceof Float32Array && x instanceof Float32Array) {
    return reluBackwardF32(out, g, x);
  }
  for (let i = 0; i < out.length; i++) out[i] = x[i] > 0 || x[i] !== x[i] ? g[i] : 0;
}

// float32 ReLU without a branch per element. The sign of an activation is a coin toss the
// branch predictor cannot learn: `x > 0 ? x : 0` mispredicts half the time (~50 µs for
// the 8192 activations of a W1 batch here, vs ~8 µs for these). They work on the bits,
// as int32: b = bits of x; b >> 31 is −1 (all ones) for a set sign bit, else 0.

/** −1 where the float32 with bits b is NaN (|b| above infinity's bits 0x7f800000), else 0. */
function nanMask(b: number): number {
  return (0x7f800000 - (b & 0x7fffffff)) >> 31;
}

/** out = relu(x): the bits of x where the sign bit is clear or x is NaN, else +0. */
function reluF32(out: Float32Array, x: Float32Array): void {
  const xb = new Int32Array(x.buffer, x.byteOffset, x.length);
  const ob = new Int32Array(out.buffer, out.byteOffset, out.length);
  for (let i = 0; i < xb.length; i++) {
    const b = xb[i];
    ob[i] = b & (~(b >> 31) | nanMask(b));
  }
}

/** out = g where x > 0 (b > 0 as int32: ((−b) & ~b) has its sign bit set) or x is NaN, else +0. */
function reluBackwardF32(out: Float32Array, g: Float32Array, x: Float32Array): void {
  const xb = new Int32Array(x.buffer, x.byteOffset, x.length);
  const gb = new Int32Array(g.buffer, g.byteOffset, g.length);
  const ob = new Int32Array(out.buffer, out.byteOffset, out.length);
  for (let i = 0; i < ob.length; i++) {
    const b = xb[i];
    ob[i] = gb[i] & (((-b & ~b) >> 31) | nanMask(b));
  }
}
