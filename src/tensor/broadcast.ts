import { type DType, type TypedArray, allocate, isFloat, promote } from "./dtype";
import { type Shape, broadcastShapes, broadcastStrides, sameShape, sizeOf } from "./shape";
import { Tensor, type TensorLike } from "./tensor";

/**
 * The loops behind every elementwise op: apply `f` to each element (unary), or to
 * each pair of elements after NumPy broadcasting (binary), writing a fresh array.
 * No per-element allocation; the common cases (same shapes, tensor with a scalar)
 * run a single flat loop.
 */
export type UnaryFn = (x: number) => number;
export type BinaryFn = (x: number, y: number) => number;

/** A plain number as a 0-d tensor that does not widen `like` (`x32.mul(0.5)` stays float32). */
export function asTensor(x: TensorLike, like: Tensor): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x !== "number") {
    throw new TypeError(`expected a Tensor or a number, got ${describe(x)}`);
  }
  let dtype: DType = like.dtype;
  if (!Number.isInteger(x) && !isFloat(dtype)) dtype = "float64";
  if (dtype === "bool") dtype = "int32";
  const data = allocate(dtype, 1);
  data[0] = x;
  return new Tensor(data, []);
}

export function describe(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "an array (wrap it with tensor(...))";
  return typeof x;
}

/** The dtype of arithmetic on `a` and `b`: the wider one, and never bool. */
export function arithmeticDType(a: DType, b: DType): DType {
  const d = promote(a, b);
  return d === "bool" ? "int32" : d;
}

export function mapUnary(a: Tensor, outDType: DType, f: UnaryFn): Tensor {
  const x = a.data;
  const out = allocate(outDType, x.length);
  for (let i = 0; i < x.length; i++) out[i] = f(x[i]);
  return new Tensor(out, a.shape);
}

export function mapBinary(op: string, a: Tensor, b: Tensor, outDType: DType, f: BinaryFn): Tensor {
  const x = a.data;
  const y = b.data;
  if (sameShape(a.shape, b.shape)) {
    const out = allocate(outDType, x.length);
    for (let i = 0; i < x.length; i++) out[i] = f(x[i], y[i]);
    return new Tensor(out, a.shape);
  }
  const shape = broadcastShapes(op, a.shape, b.shape);
  const out = allocate(outDType, sizeOf(shape));
  if (y.length === 1 && sameShape(shape, a.shape)) {
    const v = y[0];
    for (let i = 0; i < x.length; i++) out[i] = f(x[i], v);
  } else if (x.length === 1 && sameShape(shape, b.shape)) {
    const u = x[0];
    for (let i = 0; i < y.length; i++) out[i] = f(u, y[i]);
  } else if (out.length > 0) {
    broadcastLoop(
      shape,
      x,
      broadcastStrides(a.shape, shape),
      y,
      broadcastStrides(b.shape, shape),
      out,
      f,
    );
  }
  return new Tensor(out, shape);
}

/**
 * out[i] = f(x[offX(i)], y[offY(i)]) over `shape`, walking the last axis in an inner
 * loop and the others with an odometer (strides 0 on broadcast axes).
 */
function broadcastLoop(
  shape: Shape,
  x: TypedArray,
  sx: number[],
  y: TypedArray,
  sy: number[],
  out: TypedArray,
  f: BinaryFn,
): void {
  const nd = shape.length;
  const inner = shape[nd - 1];
  const outer = out.length / inner;
  const ix = sx[nd - 1];
  const iy = sy[nd - 1];
  const counter = new Array<number>(nd).fill(0);
  let offX = 0;
  let offY = 0;
  let o = 0;
  for (let r = 0; r < outer; r++) {
    for (let j = 0, px = offX, py = offY; j < inner; j++, px += ix, py += iy) {
      out[o++] = f(x[px], y[py]);
    }
    for (let k = nd - 2; k >= 0; k--) {
      counter[k]++;
      offX += sx[k];
      offY += sy[k];
      if (counter[k] < shape[k]) break;
      offX -= sx[k] * shape[k];
      offY -= sy[k] * shape[k];
      counter[k] = 0;
    }
  }
}
