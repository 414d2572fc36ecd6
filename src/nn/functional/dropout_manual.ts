import { noGrad } from "../../autograd/grad_mode";
import { formatShape, sameShape } from "../../tensor/shape";
import type { Tensor } from "../../tensor/tensor";
import { type DropoutMode, checkDropout } from "../dropout";

/**
 * Dropout's training-time forward and backward by hand with a GIVEN keep-mask m
 * (1 = keep, 0 = drop; `keepMask(shape, p)` draws one as `nn.Dropout` does), so a notebook
 * can show that the backward only lets gradients through the kept units:
 *
 * - `mode: "inverted"` (default, PyTorch, lecture 002 "翻转 dropout"):
 *   a = m ⊙ x / (1 − p),   ∂L/∂x = m ⊙ ∂L/∂a / (1 − p)
 * - `mode: "vanilla"` (lectures 002, 003):  a = m ⊙ x,   ∂L/∂x = m ⊙ ∂L/∂a
 *   (its test-time output is (1 − p) x, not computed here).
 *
 * p is the DROP probability, as in `nn.Dropout`. Shape: x and m `[*]` alike → `[*]`.
 *
 * @example const { out, cache } = dropoutForward(x, mask, 0.5);  const { dx } = dropoutBackward(dout, cache);
 */
export interface DropoutCache {
  mask: Tensor;
  /** 1/(1 − p) for inverted dropout, 1 for vanilla. */
  scale: number;
}

export function dropoutForward(
  x: Tensor,
  mask: Tensor,
  p: number,
  options: { mode?: DropoutMode } = {},
): { out: Tensor; cache: DropoutCache } {
  const { mode = "inverted" } = options;
  checkDropout("dropoutForward", p, mode);
  if (!sameShape(x.shape, mask.shape)) {
    throw new RangeError(
      `dropoutForward: the mask must have the shape of x ${formatShape(x.shape)}, got ${formatShape(mask.shape)}`,
    );
  }
  const scale = mode === "inverted" ? 1 / (1 - p) : 1;
  return noGrad(() => ({ out: x.mul(mask).mul(scale), cache: { mask, scale } })); // a = m ⊙ x · scale
}

export function dropoutBackward(dout: Tensor, cache: DropoutCache): { dx: Tensor } {
  return noGrad(() => ({ dx: dout.mul(cache.mask).mul(cache.scale) })); // ∂L/∂x = m ⊙ ∂L/∂a · scale
}
