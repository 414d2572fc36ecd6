import { noGrad } from "../../autograd/grad_mode";
import { oneHot } from "../../tensor/indexing";
import { formatShape } from "../../tensor/shape";
import type { Tensor } from "../../tensor/tensor";

/**
 * Softmax followed by the mean cross-entropy, forward and backward by hand (no autograd
 * graph), lecture 001 §1.6 and lecture 004, for logits z [N, C] and class labels y [N]:
 *
 * $$ p_{i} = \mathrm{softmax}(z_i), \qquad L = -\frac{1}{N}\sum_{i=1}^{N} \sum_{c} Y_{ic} \log p_{ic}, \qquad \frac{\partial L}{\partial z} = \frac{p - Y}{N} $$
 *
 * with Y = onehot(y). The softmax's Jacobian and the log's 1/p cancel, which is why the
 * gradient is this simple. log p is computed stably (z − max z − log Σ e^{z − max z}).
 * The same loss as `nn.crossEntropy(z, y)` without options.
 *
 * @example const { loss, cache } = softmaxCrossEntropyForward(z, y);  const { dz } = softmaxCrossEntropyBackward(cache);
 */
export interface SoftmaxCrossEntropyCache {
  /** p = softmax(z), [N, C]. */
  probs: Tensor;
  /** Y = onehot(y), [N, C]. */
  Y: Tensor;
}

export function softmaxCrossEntropyForward(
  z: Tensor,
  y: Tensor | ArrayLike<number>,
): { loss: Tensor; cache: SoftmaxCrossEntropyCache } {
  const n = "length" in y ? y.length : y.size;
  if (z.ndim !== 2 || n !== z.shape[0]) {
    throw new RangeError(
      `softmaxCrossEntropyForward: expected logits [N, C] and N labels, got logits ${formatShape(z.shape)} and ${n} labels`,
    );
  }
  const [N, C] = z.shape;
  return noGrad(() => {
    const Y = oneHot(y, C, { dtype: z.dtype }); // Y = onehot(y)
    const loss = Y.mul(z.logSoftmax(1)).sum().div(-N); // L = −(1/N) Σᵢ Σ_c Y_ic log p_ic
    return { loss, cache: { probs: z.softmax(1), Y } }; // p = softmax(z)
  });
}

/** ∂L/∂z = (p − Y)/N, times the upstream ∂ℓ/∂L (default 1: L is the loss). */
export function softmaxCrossEntropyBackward(
  cache: SoftmaxCrossEntropyCache,
  dLoss = 1,
): { dz: Tensor } {
  const N = cache.probs.shape[0];
  return noGrad(() => ({ dz: cache.probs.sub(cache.Y).div(N).mul(dLoss) })); // (p − Y)/N
}
