import { record } from "../autograd/function";
import { allocate, floatOf } from "./dtype";
import { arithmeticDType, asTensor, mapBinary, mapUnary } from "./broadcast";
import { broadcastShapes, sizeOf } from "./shape";
import { broadcastTo } from "./shape_ops";
import { sumTo } from "./reduce";
import { Tensor, type TensorLike } from "./tensor";

/**
 * Elementwise arithmetic with NumPy broadcasting, each op's backward beside its
 * forward. For a broadcast input the gradient is summed back to its shape
 * (`sumTo`): if b of shape [C] was added to every row of a [N, C], ∂L/∂b = Σ_rows ∂L/∂out.
 */

/** out = a + b;  ∂a = g, ∂b = g */
export function add(a: Tensor, other: TensorLike): Tensor {
  const b = asTensor(other, a);
  const out = mapBinary("add", a, b, arithmeticDType(a.dtype, b.dtype), "add");
  return record(out, "AddBackward", [a, b], (g) => [sumTo(g, a.shape), sumTo(g, b.shape)]);
}

/** out = a − b;  ∂a = g, ∂b = −g */
export function sub(a: Tensor, other: TensorLike): Tensor {
  const b = asTensor(other, a);
  const out = mapBinary("sub", a, b, arithmeticDType(a.dtype, b.dtype), "sub");
  return record(out, "SubBackward", [a, b], (g) => [sumTo(g, a.shape), sumTo(neg(g), b.shape)]);
}

/** out = a · b;  ∂a = g·b, ∂b = g·a */
export function mul(a: Tensor, other: TensorLike): Tensor {
  const b = asTensor(other, a);
  const out = mapBinary("mul", a, b, arithmeticDType(a.dtype, b.dtype), "mul");
  return record(out, "MulBackward", [a, b], (g) => [
    a.requiresGrad ? sumTo(mul(g, b), a.shape) : null,
    b.requiresGrad ? sumTo(mul(g, a), b.shape) : null,
  ]);
}

/** out = a / b (always a float);  ∂a = g/b, ∂b = −g·a/b² */
export function div(a: Tensor, other: TensorLike): Tensor {
  const b = asTensor(other, a);
  const dtype = floatOf(arithmeticDType(a.dtype, b.dtype));
  const out = mapBinary("div", a, b, dtype, "div");
  return record(out, "DivBackward", [a, b], (g) => [
    a.requiresGrad ? sumTo(div(g, b), a.shape) : null,
    b.requiresGrad ? sumTo(neg(mul(g, div(out, b))), b.shape) : null,
  ]);
}

/** out = a^b;  ∂a = g·b·a^(b−1), ∂b = g·a^b·ln a */
export function pow(a: Tensor, exponent: TensorLike): Tensor {
  const b = asTensor(exponent, a);
  const dtype = floatOf(arithmeticDType(a.dtype, b.dtype));
  const out = mapBinary("pow", a, b, dtype, "pow");
  return record(out, "PowBackward", [a, b], (g) => [
    a.requiresGrad ? sumTo(mul(g, mul(b, pow(a, sub(b, 1)))), a.shape) : null,
    b.requiresGrad ? sumTo(mul(g, mul(out, log(a))), b.shape) : null,
  ]);
}

/** Elementwise max; at a tie the gradient is split equally (as PyTorch does). */
export function maximum(a: Tensor, other: TensorLike): Tensor {
  return extremum("maximum", a, asTensor(other, a), 1);
}

/** Elementwise min; at a tie the gradient is split equally. */
export function minimum(a: Tensor, other: TensorLike): Tensor {
  return extremum("minimum", a, asTensor(other, a), -1);
}

function extremum(op: string, a: Tensor, b: Tensor, s: 1 | -1): Tensor {
  const dtype = arithmeticDType(a.dtype, b.dtype);
  const out = mapBinary(op, a, b, dtype, s > 0 ? "maximum" : "minimum");
  return record(out, s > 0 ? "MaximumBackward" : "MinimumBackward", [a, b], (g) => {
    // share of a: 1 where a wins, ½ at a tie, 0 where b wins
    const share = mapBinary(op, a, b, g.dtype, (x, y) => (x === y ? 0.5 : s * (x - y) > 0 ? 1 : 0));
    const rest = mapUnary(share, g.dtype, (v) => 1 - v);
    return [sumTo(mul(g, share), a.shape), sumTo(mul(g, rest), b.shape)];
  });
}

/** out = −a;  ∂a = −g */
export function neg(a: Tensor): Tensor {
  const out = mapUnary(a, arithmeticDType(a.dtype, a.dtype), "neg");
  return record(out, "NegBackward", [a], (g) => [neg(g)]);
}

/** out = eˣ;  ∂a = g·out */
export function exp(a: Tensor): Tensor {
  const out = mapUnary(a, floatOf(a.dtype), "exp");
  return record(out, "ExpBackward", [a], (g) => [mul(g, out)]);
}

/** out = ln x;  ∂a = g/x.  ln 0 = −∞ and ln(x<0) = NaN, as in NumPy. */
export function log(a: Tensor): Tensor {
  const out = mapUnary(a, floatOf(a.dtype), "log");
  return record(out, "LogBackward", [a], (g) => [div(g, a)]);
}

/** out = √x;  ∂a = g / (2·out) */
export function sqrt(a: Tensor): Tensor {
  const out = mapUnary(a, floatOf(a.dtype), "sqrt");
  return record(out, "SqrtBackward", [a], (g) => [div(g, mul(out, 2))]);
}

/** out = |x|;  ∂a = g·sign(x) (0 at x = 0, as PyTorch) */
export function abs(a: Tensor): Tensor {
  const out = mapUnary(a, arithmeticDType(a.dtype, a.dtype), "abs");
  return record(out, "AbsBackward", [a], (g) => [mul(g, sign(a))]);
}

/** out = sign(x) ∈ {−1, 0, 1};  gradient 0 */
export function sign(a: Tensor): Tensor {
  const out = mapUnary(a, arithmeticDType(a.dtype, a.dtype), (x) => (x > 0 ? 1 : x < 0 ? -1 : 0));
  return record(out, "SignBackward", [a], (g) => [mul(g, 0)]);
}

/** out = min(max(x, lo), hi) (either bound may be null);  ∂a = g where lo ≤ x ≤ hi, else 0 */
export function clamp(a: Tensor, min: number | null, max: number | null): Tensor {
  if (min !== null && max !== null && min > max) {
    throw new RangeError(`clamp: min must be ≤ max, got min=${min}, max=${max}`);
  }
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  const dtype = Number.isInteger(lo) && Number.isInteger(hi) ? a.dtype : floatOf(a.dtype);
  const out = mapUnary(a, dtype, (x) => (x < lo ? lo : x > hi ? hi : x));
  return record(out, "ClampBackward", [a], (g) => [
    mul(
      g,
      mapUnary(a, g.dtype, (x) => (x >= lo && x <= hi ? 1 : 0)),
    ),
  ]);
}

/** out = cond ? a : b elementwise (all three broadcast);  ∂a = g where cond, ∂b = g elsewhere */
export function where(condition: Tensor, a: TensorLike, b: TensorLike): Tensor {
  const x =
    a instanceof Tensor
      ? a
      : asTensor(a, b instanceof Tensor ? b : new Tensor(new Float64Array(1), []));
  const y = asTensor(b, x);
  const shape = broadcastShapes(
    "where",
    broadcastShapes("where", condition.shape, x.shape),
    y.shape,
  );
  const mask = broadcastTo(condition.detach(), shape);
  const xs = broadcastTo(x.detach(), shape).data;
  const ys = broadcastTo(y.detach(), shape).data;
  const out = new Tensor(allocate(arithmeticDType(x.dtype, y.dtype), sizeOf(shape)), shape);
  for (let i = 0; i < out.data.length; i++) out.data[i] = mask.data[i] ? xs[i] : ys[i];
  return record(out, "WhereBackward", [x, y], (g) => [
    sumTo(
      mapBinary("where", mask, g, g.dtype, (c, v) => (c ? v : 0)),
      x.shape,
    ),
    sumTo(
      mapBinary("where", mask, g, g.dtype, (c, v) => (c ? 0 : v)),
      y.shape,
    ),
  ]);
}

// ── comparisons: bool results, no gradient ─────────────────────────────────────
const compare =
  (op: string, f: (x: number, y: number) => boolean) => (a: Tensor, other: TensorLike) =>
    mapBinary(op, a, asTensor(other, a), "bool", (x, y) => (f(x, y) ? 1 : 0));

export const eq = compare("eq", (x, y) => x === y);
export const ne = compare("ne", (x, y) => x !== y);
export const lt = compare("lt", (x, y) => x < y);
export const le = compare("le", (x, y) => x <= y);
export const gt = compare("gt", (x, y) => x > y);
export const ge = compare("ge", (x, y) => x >= y);
