import { type DType, type TypedArray, allocate, allocateEmpty, isFloat, promote } from "./dtype";
import { type BinaryOp, type UnaryOp, binaryLoop, unaryLoop } from "./kernels/elementwise_loops";
import { type Shape, broadcastShapes, broadcastStrides, sameShape, sizeOf } from "./shape";
import { Tensor, type TensorLike } from "./tensor";

/**
 * The loops behind every elementwise op: apply `f` to each element (unary), or to
 * each pair of elements after NumPy broadcasting (binary), writing a fresh array.
 * `f` is a function, or the name of an op with a loop of its own in
 * `kernels/elementwise_loops.ts` ("add", "relu", …: no call per element). No
 * per-element allocation; the common cases (same shapes, tensor with a scalar) run a
 * single flat loop, the others one loop per row of the broadcast shape.
 */
export type UnaryFn = (x: number) => number;
export type BinaryFn = (x: number, y: number) => number;

/** out[o + i] = f(x[px + i·sx], y[py + i·sy]) for i < n: one row of a binary op. */
type RowLoop = (
  out: TypedArray,
  o: number,
  x: TypedArray,
  px: number,
  sx: number,
  y: TypedArray,
  py: number,
  sy: number,
  n: number,
) => void;

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

export function mapUnary(a: Tensor, outDType: DType, f: UnaryFn | UnaryOp): Tensor {
  const x = a.data;
  const out = allocateEmpty(outDType, x.length); // every element is written below
  if (typeof f === "string") unaryLoop(f, out, x);
  else for (let i = 0; i < x.length; i++) out[i] = f(x[i]);
  return new Tensor(out, a.shape);
}

export function mapBinary(
  op: string,
  a: Tensor,
  b: Tensor,
  outDType: DType,
  f: BinaryFn | BinaryOp,
): Tensor {
  const row = rowLoop(f);
  const x = a.data;
  const y = b.data;
  if (sameShape(a.shape, b.shape)) {
    const out = allocateEmpty(outDType, x.length);
    row(out, 0, x, 0, 1, y, 0, 1, x.length);
    return new Tensor(out, a.shape);
  }
  const shape = broadcastShapes(op, a.shape, b.shape);
  const out = allocateEmpty(outDType, sizeOf(shape)); // each case below writes every element
  if (y.length === 1 && sameShape(shape, a.shape)) {
    row(out, 0, x, 0, 1, y, 0, 0, x.length); // tensor ∘ scalar
  } else if (x.length === 1 && sameShape(shape, b.shape)) {
    row(out, 0, x, 0, 0, y, 0, 1, y.length); // scalar ∘ tensor
  } else if (out.length > 0) {
    broadcastLoop(
      shape,
      x,
      broadcastStrides(a.shape, shape),
      y,
      broadcastStrides(b.shape, shape),
      out,
      row,
    );
  }
  return new Tensor(out, shape);
}

/** The row loop of `f`: the kernel's own for a named op, else a call of f per element. */
function rowLoop(f: BinaryFn | BinaryOp): RowLoop {
  if (typeof f === "string") {
    return (out, o, x, px, sx, y, py, sy, n) => binaryLoop(f, out, o, x, px, sx, y, py, sy, n);
  }
  return (out, o, x, px, sx, y, py, sy, n) => {
    for (let i = o; i < o + n; i++, px += sx, py += sy) out[i] = f(x[px], y[py]);
  };
}

/**
 * out[i] = f(x[offX(i)], y[offY(i)]) over `shape`: one `row` call per run of the last
 * axis, the other axes walked with an odometer (strides 0 on broadcast axes).
 */
function broadcastLoop(
  shape: Shape,
  x: TypedArray,
  sx: number[],
  y: TypedArray,
  sy: number[],
  out: TypedArray,
  row: RowLoop,
): void {
  const nd = shape.length;
  const inner = shape[nd - 1];
  const outer = out.length / inner;
  const ix = sx[nd - 1];
  const iy = sy[nd - 1];
  const counter = new Array<number>(nd).fill(0);
  let offX = 0;
  let offY = 0;
  for (let r = 0, o = 0; r < outer; r++, o += inner) {
    row(out, o, x, offX, ix, y, offY, iy, inner);
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
