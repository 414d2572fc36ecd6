import { record } from "../autograd/function";
import { type FloatArray, type FloatDType, allocate, isFloat } from "./dtype";
import { gemm } from "./kernels/gemm";
import { formatShape } from "./shape";
import { Tensor } from "./tensor";

/**
 * 2-D convolution of a batch of images, as PyTorch's `F.conv2d` (a cross-correlation:
 * the kernel is not flipped), with stride s and zero padding p:
 *
 * $$ y_{n,f,i,j} = b_f + \sum_{c=0}^{C-1} \sum_{u=0}^{k_h-1} \sum_{v=0}^{k_w-1} W_{f,c,u,v}\; x_{n,\,c,\; s i + u - p,\; s j + v - p} $$
 *
 * Shape: x `[N, C, H, W]`, weight `[F, C, kh, kw]`, bias `[F]` → `[N, F, H_out, W_out]`,
 * H_out = ⌊(H + 2p − kh)/s⌋ + 1 (W_out likewise).
 *
 * Computed by im2col: for each sample, X_col is the [C·kh·kw, H_out·W_out] matrix whose
 * column (i, j) holds the receptive field of output pixel (i, j); then one matrix product
 * Y_n = W_mat · X_col with W_mat the weight viewed as [F, C·kh·kw] (the `gemm` kernel).
 *
 * Backward (per sample, summed over n):  ∂W_mat = Σₙ Gₙ · X_colᵀ,  ∂X_col = W_matᵀ · Gₙ,
 * then col2im adds each column back onto the pixels it was read from (overlapping windows
 * add up);  ∂b_f = Σ_{n,i,j} G_{n,f,i,j}.
 *
 * @example conv2d(x, w, b, { stride: 1, padding: 1 })  // [64, 1, 28, 28] * [8, 1, 3, 3] → [64, 8, 28, 28]
 */
export interface WindowOptions {
  /** Step s between windows (conv2d: default 1; maxPool2d: default the kernel size); [sh, sw] per axis. */
  stride?: number | readonly [number, number];
  /** Padding p on each side (default 0; zeros for conv2d, −∞ for maxPool2d); [ph, pw] per axis. */
  padding?: number | readonly [number, number];
}

export function conv2d(
  x: Tensor,
  weight: Tensor,
  bias: Tensor | null = null,
  options: WindowOptions = {},
): Tensor {
  const dtype = checkOperands(x, weight, bias);
  const [F, C, kh, kw] = weight.shape;
  const [N, , H, W] = x.shape;
  const g = windowGeometry("conv2d", x.shape, [kh, kw], options.stride ?? 1, options.padding ?? 0);
  const L = g.Ho * g.Wo; // output pixels per channel
  const K = C * kh * kw; // rows of X_col
  const xd = asFloat(x, dtype);
  const wd = asFloat(weight, dtype);
  const out = allocate(dtype, N * F * L) as FloatArray;
  const cols = allocate(dtype, K * L) as FloatArray;
  for (let n = 0; n < N; n++) {
    im2col(xd, n * C * H * W, C, g, cols);
    gemm(false, false, F, L, K, wd, 0, cols, 0, out, n * F * L, false); // Yₙ = W_mat · X_col
  }
  if (bias) addBias(out, asFloat(bias, dtype), N, F, L);
  const y = new Tensor(out, [N, F, g.Ho, g.Wo]);
  const inputs = bias ? [x, weight, bias] : [x, weight];
  return record(y, "Conv2dBackward", inputs, (grad) => {
    const G = asFloat(grad, dtype);
    const dx = x.requiresGrad ? (allocate(dtype, x.size) as FloatArray) : null;
    const dW = weight.requiresGrad ? (allocate(dtype, weight.size) as FloatArray) : null;
    const dcols = allocate(dtype, K * L) as FloatArray;
    for (let n = 0; n < N; n++) {
      if (dW) {
        im2col(xd, n * C * H * W, C, g, cols);
        gemm(false, true, F, K, L, G, n * F * L, cols, 0, dW, 0, n > 0); // ∂W_mat += Gₙ · X_colᵀ
      }
      if (dx) {
        gemm(true, false, K, L, F, wd, 0, G, n * F * L, dcols, 0, false); // ∂X_col = W_matᵀ · Gₙ
        col2im(dcols, C, g, dx, n * C * H * W);
      }
    }
    return [
      dx && new Tensor(dx, x.shape),
      dW && new Tensor(dW, weight.shape),
      ...(bias ? [bias.requiresGrad ? biasGrad(G, N, F, L, dtype) : null] : []),
    ];
  });
}

/** Sizes of a sliding window over the last two axes of an [N, C, H, W] input. */
export interface WindowGeometry {
  H: number;
  W: number;
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  ph: number;
  pw: number;
  Ho: number;
  Wo: number;
}

/** H_out = ⌊(H + 2p − k)/s⌋ + 1 for both axes, or an error saying why the window does not fit. */
export function windowGeometry(
  where: string,
  shape: readonly number[],
  kernel: readonly [number, number],
  stride: number | readonly [number, number],
  padding: number | readonly [number, number],
): WindowGeometry {
  const [kh, kw] = kernel;
  const [sh, sw] = pair(where, "stride", stride, 1);
  const [ph, pw] = pair(where, "padding", padding, 0);
  const [H, W] = shape.slice(-2);
  const Ho = Math.floor((H + 2 * ph - kh) / sh) + 1;
  const Wo = Math.floor((W + 2 * pw - kw) / sw) + 1;
  if (!(Ho >= 1 && Wo >= 1)) {
    throw new RangeError(
      `${where}: a ${kh}×${kw} window with padding ${ph === pw ? ph : `[${ph}, ${pw}]`} does not fit an input of ${H}×${W} (${formatShape(shape)}); pad the input or use a smaller kernel`,
    );
  }
  return { H, W, kh, kw, sh, sw, ph, pw, Ho, Wo };
}

/** A size given as n or [a, b], as integers ≥ `min`: stride 2 → [2, 2]. */
export function pair(
  where: string,
  name: string,
  value: number | readonly [number, number],
  min: number,
): [number, number] {
  const p: [number, number] = typeof value === "number" ? [value, value] : [value[0], value[1]];
  const ok = (typeof value === "number" || value.length === 2) && p.every((v) => v >= min);
  if (!ok || !p.every(Number.isInteger)) {
    throw new RangeError(
      `${where}: ${name} must be an integer ≥ ${min} or a pair of them, got ${JSON.stringify(value)}`,
    );
  }
  return p;
}

/** X_col[(c·kh + u)·kw + v, i·W_out + j] = x[c, s·i + u − p, s·j + v − p] (0 in the padding). */
function im2col(x: FloatArray, xOff: number, C: number, g: WindowGeometry, cols: FloatArray): void {
  const { H, W, kh, kw, sh, sw, ph, pw, Ho, Wo } = g;
  let q = 0;
  for (let c = 0; c < C; c++)
    for (let u = 0; u < kh; u++)
      for (let v = 0; v < kw; v++)
        for (let i = 0; i < Ho; i++) {
          const h = i * sh - ph + u;
          if (h < 0 || h >= H) {
            cols.fill(0, q, q + Wo);
            q += Wo;
            continue;
          }
          const row = xOff + (c * H + h) * W;
          for (let j = 0, w = v - pw; j < Wo; j++, w += sw)
            cols[q++] = w >= 0 && w < W ? x[row + w] : 0;
        }
}

/** The adjoint of im2col: adds X_col's entries back onto the pixels they were read from. */
function col2im(
  cols: FloatArray,
  C: number,
  g: WindowGeometry,
  dx: FloatArray,
  xOff: number,
): void {
  const { H, W, kh, kw, sh, sw, ph, pw, Ho, Wo } = g;
  let q = 0;
  for (let c = 0; c < C; c++)
    for (let u = 0; u < kh; u++)
      for (let v = 0; v < kw; v++)
        for (let i = 0; i < Ho; i++) {
          const h = i * sh - ph + u;
          if (h < 0 || h >= H) {
            q += Wo;
            continue;
          }
          const row = xOff + (c * H + h) * W;
          for (let j = 0, w = v - pw; j < Wo; j++, w += sw, q++)
            if (w >= 0 && w < W) dx[row + w] += cols[q];
        }
}

/** y[n, f, :] += b_f. */
function addBias(out: FloatArray, b: FloatArray, N: number, F: number, L: number): void {
  for (let n = 0; n < N; n++)
    for (let f = 0; f < F; f++) {
      const base = (n * F + f) * L;
      for (let l = 0; l < L; l++) out[base + l] += b[f];
    }
}

/** ∂b_f = Σ_{n, pixels} G[n, f, pixel]. */
function biasGrad(G: FloatArray, N: number, F: number, L: number, dtype: FloatDType): Tensor {
  const db = allocate(dtype, F) as FloatArray;
  for (let n = 0; n < N; n++)
    for (let f = 0; f < F; f++) {
      const base = (n * F + f) * L;
      let s = 0;
      for (let l = 0; l < L; l++) s += G[base + l];
      db[f] += s;
    }
  return new Tensor(db, [F]);
}

function asFloat(t: Tensor, dtype: FloatDType): FloatArray {
  return (t.dtype === dtype ? t.data : t.to(dtype).data) as FloatArray;
}

/** x [N, C, H, W], weight [F, C, kh, kw], bias [F], one float dtype: or an error naming all shapes. */
function checkOperands(x: Tensor, weight: Tensor, bias: Tensor | null): FloatDType {
  const shapes = `input ${formatShape(x.shape)}, weight ${formatShape(weight.shape)}${bias ? `, bias ${formatShape(bias.shape)}` : ""}`;
  const fits =
    x.ndim === 4 &&
    weight.ndim === 4 &&
    x.shape[1] === weight.shape[1] &&
    (!bias || (bias.ndim === 1 && bias.shape[0] === weight.shape[0]));
  if (!fits) {
    throw new RangeError(
      `conv2d: expected input [N, C, H, W], weight [C_out, C, kh, kw] and bias [C_out] with matching C and C_out, got ${shapes}`,
    );
  }
  if (!isFloat(weight.dtype)) {
    throw new TypeError(`conv2d: weight must be float32 or float64, got ${weight.dtype}`);
  }
  const mixed = [x, bias].find((t) => t && isFloat(t.dtype) && t.dtype !== weight.dtype);
  if (mixed) {
    throw new TypeError(
      `conv2d: input and parameters must have the same dtype, got ${x.dtype} input and ${weight.dtype} weight${bias ? `, ${bias.dtype} bias` : ""}; convert with .to("${weight.dtype}")`,
    );
  }
  return weight.dtype;
}
