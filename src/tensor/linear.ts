import { freshGradient, record } from "../autograd/function";
import { type FloatArray, allocate, allocateEmpty } from "./dtype";
import { gemm } from "./kernels/gemm";
import { formatShape } from "./shape";
import { reshape } from "./shape_ops";
import { Tensor } from "./tensor";

/**
 * The affine map of `nn.Linear` as one op (PyTorch's `F.linear`):
 *
 * $$ Y = X W^\top + b, \qquad Y_{nj} = \sum_k X_{nk} W_{jk} + b_j $$
 *
 * Backward, for G = ∂L/∂Y:
 *
 * $$ \partial X = G\,W, \qquad \partial W = G^\top X, \qquad \partial b_j = \sum_n G_{nj} $$
 *
 * One gemm per product, Wᵀ read through gemm's trans flag (no transposed copy), b added
 * in one pass over the rows of Y: what `x.matmul(W.T).add(b)` computes, in 2 tensors and
 * one graph node instead of 5 and 3.
 *
 * Shapes: x `[*, in]` (leading axes are flattened for the product), W `[out, in]`, b
 * `[out]` or null → `[*, out]`. x, W and b have one float dtype.
 *
 * @example linear(x, fc.weight, fc.bias)  // [N, 784] → [N, 128]
 */
export function linear(x: Tensor, W: Tensor, b: Tensor | null): Tensor {
  checkLinear(x, W, b);
  const [out, inF] = W.shape;
  if (x.ndim !== 2) {
    const lead = x.shape.slice(0, -1);
    return reshape(linear(reshape(x, [-1, inF]), W, b), [...lead, out]);
  }
  const N = x.shape[0];
  const y = allocateEmpty(W.dtype, N * out) as FloatArray; // gemm writes every element
  gemm(false, true, N, out, inF, x.data as FloatArray, 0, W.data as FloatArray, 0, y, 0); // X·Wᵀ
  if (b !== null) addRows(y, b.data as FloatArray, N, out); // + b
  return record(new Tensor(y, [N, out]), "LinearBackward", b ? [x, W, b] : [x, W], (g) => {
    const G = g.data as FloatArray;
    const dx = x.requiresGrad ? allocateEmpty(g.dtype, N * inF) : null;
    if (dx) gemm(false, false, N, inF, out, G, 0, W.data as FloatArray, 0, dx as FloatArray, 0); // ∂X = G·W
    const dW = W.requiresGrad ? allocateEmpty(g.dtype, out * inF) : null;
    if (dW) gemm(true, false, out, inF, N, G, 0, x.data as FloatArray, 0, dW as FloatArray, 0); // ∂W = Gᵀ·X
    const db = b?.requiresGrad ? sumRows(G, N, out) : null; // ∂b = Σ_n G_n
    return [
      freshGradient(dx && new Tensor(dx, [N, inF])),
      freshGradient(dW && new Tensor(dW, [out, inF])), // becomes W.grad without a copy
      freshGradient(db && new Tensor(db, [out])),
    ];
  });
}

/** y[n, j] += b[j] for every row n. */
function addRows(y: FloatArray, b: FloatArray, N: number, C: number): void {
  for (let n = 0, o = 0; n < N; n++, o += C) for (let j = 0; j < C; j++) y[o + j] += b[j];
}

/** Σ over the rows of G [N, C]: a [C] array. */
function sumRows(G: FloatArray, N: number, C: number): FloatArray {
  const s = allocate(G instanceof Float32Array ? "float32" : "float64", C) as FloatArray;
  for (let n = 0, o = 0; n < N; n++, o += C) for (let j = 0; j < C; j++) s[j] += G[o + j];
  return s;
}

function checkLinear(x: Tensor, W: Tensor, b: Tensor | null): void {
  const where = `linear: x ${formatShape(x.shape)}, W ${formatShape(W.shape)}`;
  if (W.ndim !== 2 || x.ndim === 0 || x.shape[x.ndim - 1] !== W.shape[1]) {
    throw new RangeError(`${where}: expected x [*, in] and W [out, in] with the same in`);
  }
  if (b !== null && (b.ndim !== 1 || b.shape[0] !== W.shape[0])) {
    throw new RangeError(`${where}: expected b [${W.shape[0]}], got ${formatShape(b.shape)}`);
  }
  const dtypes = [x, W, ...(b ? [b] : [])].map((t) => t.dtype);
  if (dtypes.some((d) => d !== W.dtype) || (W.dtype !== "float32" && W.dtype !== "float64")) {
    throw new TypeError(`${where}: expected one float dtype, got ${dtypes.join(", ")}`);
  }
}
