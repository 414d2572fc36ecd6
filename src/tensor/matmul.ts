import { record } from "../autograd/function";
import { type FloatArray, type FloatDType, allocate, isFloat } from "./dtype";
import { gemm } from "./kernels/gemm";
import { broadcastShapes, broadcastStrides, formatShape, sizeOf } from "./shape";
import { sumTo } from "./reduce";
import { reshape } from "./shape_ops";
import { Tensor } from "./tensor";

/**
 * Matrix product  C = A·B,  C_{ij} = Σₖ A_{ik} B_{kj},  with NumPy's rules:
 * 2-D × 2-D is the matrix product; a 1-D operand is a row (left) or column (right)
 * vector whose axis is dropped from the result; more than 2-D is a batch of matrices
 * whose leading (batch) axes broadcast.  [B, M, K] · [K, N] → [B, M, N].
 *
 * Backward:  ∂A = G·Bᵀ,  ∂B = Aᵀ·G  (summed over broadcast batch axes). The transposes
 * are handled inside the kernel (`gemm`'s trans flags): no transposed copy is made.
 *
 * Both operands must have the same float dtype (an integer operand is converted to the
 * other's float type, or float64): mixing float32 and float64 is refused, as in PyTorch.
 *
 * @example tensor([[1, 2], [3, 4]]).matmul(tensor([[5], [6]]))  // [[17], [39]]
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (!(b instanceof Tensor)) throw new TypeError(`matmul: expected a Tensor, got ${typeof b}`);
  if (a.ndim === 0 || b.ndim === 0) {
    throw new RangeError(
      `matmul: both operands need at least 1 dimension, got ${formatShape(a.shape)} and ${formatShape(b.shape)}; use mul() for a scalar`,
    );
  }
  const dtype = commonFloat(a, b);
  const x = a.dtype === dtype ? a : a.to(dtype);
  const y = b.dtype === dtype ? b : b.to(dtype);
  if (a.ndim === 1 && b.ndim === 1) {
    checkInner(a, b, a.shape[0], b.shape[0]);
    return reshape(matmul(reshape(x, [1, -1]), reshape(y, [-1, 1])), []);
  }
  if (a.ndim === 1) return squeezeAt(matmul(reshape(x, [1, -1]), y), -2);
  if (b.ndim === 1) return squeezeAt(matmul(x, reshape(y, [-1, 1])), -1);
  checkInner(a, b, a.shape[a.ndim - 1], b.shape[b.ndim - 2]);
  const out = batchedGemm(x, false, y, false);
  return record(out, "MatmulBackward", [x, y], (g) => [
    x.requiresGrad ? sumTo(batchedGemm(g, false, y, true), x.shape) : null, // ∂A = G·Bᵀ
    y.requiresGrad ? sumTo(batchedGemm(x, true, g, false), y.shape) : null, // ∂B = Aᵀ·G
  ]);
}

function commonFloat(a: Tensor, b: Tensor): FloatDType {
  if (isFloat(a.dtype) && isFloat(b.dtype) && a.dtype !== b.dtype) {
    throw new TypeError(
      `matmul: both operands must have the same dtype, got ${a.dtype} ${formatShape(a.shape)} and ${b.dtype} ${formatShape(b.shape)}; convert one with .to("${a.dtype}")`,
    );
  }
  if (isFloat(a.dtype)) return a.dtype;
  if (isFloat(b.dtype)) return b.dtype;
  return "float64";
}

function checkInner(a: Tensor, b: Tensor, ka: number, kb: number): void {
  if (ka !== kb) {
    throw new RangeError(
      `matmul: cannot multiply ${formatShape(a.shape)} by ${formatShape(b.shape)}: inner dimensions ${ka} and ${kb} differ`,
    );
  }
}

/** Drops the axis a 1-D operand was given (−2 for a row vector on the left, −1 for a column on the right). */
function squeezeAt(t: Tensor, axis: -1 | -2): Tensor {
  const shape = t.shape.slice();
  shape.splice(shape.length + axis, 1);
  return reshape(t, shape);
}

/**
 * op(x)·op(y) over broadcast batch axes, where op transposes the last two axes when
 * its flag is set. x: [...bx, M, K] (or [..., K, M]); y: [...by, K, N] (or [..., N, K]).
 */
function batchedGemm(x: Tensor, transX: boolean, y: Tensor, transY: boolean): Tensor {
  const [xr, xc] = x.shape.slice(-2);
  const [yr, yc] = y.shape.slice(-2);
  const M = transX ? xc : xr;
  const K = transX ? xr : xc;
  const N = transY ? yr : yc;
  const bx = x.shape.slice(0, -2);
  const by = y.shape.slice(0, -2);
  const batch = broadcastShapes("matmul (batch axes)", bx, by);
  const count = sizeOf(batch);
  const out = allocate(x.dtype, count * M * N) as FloatArray;
  const sx = broadcastStrides(bx, batch);
  const sy = broadcastStrides(by, batch);
  for (let t = 0; t < count; t++) {
    // offset of batch item t in x and y, in matrices (stride 0 on broadcast axes)
    let rest = t;
    let ox = 0;
    let oy = 0;
    for (let k = batch.length - 1; k >= 0; k--) {
      const i = rest % batch[k];
      rest = Math.floor(rest / batch[k]);
      ox += i * sx[k];
      oy += i * sy[k];
    }
    gemm(
      transX,
      transY,
      M,
      N,
      K,
      x.data as FloatArray,
      ox * xr * xc,
      y.data as FloatArray,
      oy * yr * yc,
      out,
      t * M * N,
    );
  }
  return new Tensor(out, [...batch, M, N]);
}
