import { record } from "../autograd/function";
import { allocate, isFloat } from "./dtype";
import { type WindowOptions, pair, windowGeometry } from "./conv";
import { formatShape } from "./shape";
import { Tensor } from "./tensor";

/**
 * 2-D max pooling, as PyTorch's `F.max_pool2d`: the largest value of each k×k window,
 * windows s apart, each channel on its own:
 *
 * $$ y_{n,c,i,j} = \max_{0 \le u < k_h,\ 0 \le v < k_w} x_{n,\,c,\; s i + u - p,\; s j + v - p} $$
 *
 * Shape: `[N, C, H, W] → [N, C, H_out, W_out]`, H_out = ⌊(H + 2p − k)/s⌋ + 1.
 * Padding p counts as −∞ (never the maximum) and may be at most k/2, as in PyTorch.
 *
 * Backward: the whole gradient of an output goes to the input that was its maximum
 * (the first one in a tie; NaN counts as the maximum, as in PyTorch), the other inputs of
 * the window get 0; with overlapping windows (s < k) an input can collect from several.
 *
 * @example maxPool2d(x, 2)  // [64, 8, 26, 26] → [64, 8, 13, 13]
 */
export function maxPool2d(
  x: Tensor,
  kernelSize: number | readonly [number, number],
  options: WindowOptions = {},
): Tensor {
  const where = "maxPool2d";
  if (x.ndim !== 4) {
    throw new RangeError(`${where}: expected input [N, C, H, W], got ${formatShape(x.shape)}`);
  }
  if (!isFloat(x.dtype)) {
    throw new TypeError(`${where}: expected a float32 or float64 input, got ${x.dtype}`);
  }
  const [kh, kw] = pair(where, "kernelSize", kernelSize, 1);
  const [ph, pw] = pair(where, "padding", options.padding ?? 0, 0);
  if (2 * ph > kh || 2 * pw > kw) {
    throw new RangeError(
      `${where}: padding must be at most half the kernel size, got padding ${JSON.stringify(options.padding)} for a ${kh}×${kw} kernel`,
    );
  }
  const g = windowGeometry(where, x.shape, [kh, kw], options.stride ?? [kh, kw], [ph, pw]);
  const { H, W, sh, sw, Ho, Wo } = g;
  const planes = x.shape[0] * x.shape[1]; // one (n, c) image at a time
  const out = allocate(x.dtype, planes * Ho * Wo);
  const argmax = new Int32Array(planes * Ho * Wo); // position h·W + w of each maximum in its plane
  const xd = x.data;
  let q = 0;
  for (let plane = 0; plane < planes; plane++) {
    const base = plane * H * W;
    for (let i = 0; i < Ho; i++) {
      const [h0, h1] = [Math.max(i * sh - ph, 0), Math.min(i * sh - ph + kh, H)]; // rows of the window
      for (let j = 0; j < Wo; j++, q++) {
        const [w0, w1] = [Math.max(j * sw - pw, 0), Math.min(j * sw - pw + kw, W)];
        let best = -Infinity;
        let at = -1;
        for (let h = h0; h < h1; h++)
          for (let w = w0, p = h * W + w0; w < w1; w++, p++) {
            const v = xd[base + p];
            // a larger value, or the first; NaN wins over numbers (v !== v: v is NaN)
            if (v > best || at < 0 || (v !== v && best === best)) {
              best = v;
              at = p;
            }
          }
        out[q] = best;
        argmax[q] = at;
      }
    }
  }
  const y = new Tensor(out, [x.shape[0], x.shape[1], Ho, Wo]);
  return record(y, "MaxPool2dBackward", [x], (grad) => {
    const dx = allocate(x.dtype, x.size);
    const G = grad.data;
    for (let plane = 0, k = 0; plane < planes; plane++) {
      const base = plane * H * W;
      for (let r = 0; r < Ho * Wo; r++, k++) dx[base + argmax[k]] += G[k]; // ∂x at the argmax = ∂y; 0 elsewhere
    }
    return [new Tensor(dx, x.shape)];
  });
}
