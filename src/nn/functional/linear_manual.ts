import { noGrad } from "../../autograd/grad_mode";
import { formatShape } from "../../tensor/shape";
import type { Tensor } from "../../tensor/tensor";

/**
 * The affine layer's forward and backward written out by hand (no autograd graph), for
 * deriving back-propagation in a notebook. Same W as `nn.Linear`: [out, in].
 *
 * Forward:   z = x Wᵀ + b                                   x [N, in] → z [N, out]
 *
 * Backward, given G = ∂L/∂z ([N, out]):
 *
 * $$ \frac{\partial L}{\partial x} = G\,W, \qquad \frac{\partial L}{\partial W} = G^\top x, \qquad \frac{\partial L}{\partial b} = \sum_{n} G_{n,:} $$
 *
 * In lecture 000's column form z = W a + b (one sample per column) these read
 * ∂L/∂a = Wᵀ δ, ∂L/∂W = δ aᵀ (summed over the batch), ∂L/∂b = δ.
 *
 * @example
 * const { out, cache } = linearForward(x, W, b);
 * const { dx, dW, db } = linearBackward(dout, cache);  // equals x.grad, W.grad, b.grad of out.backward(dout)
 */
export interface LinearCache {
  x: Tensor;
  W: Tensor;
  b: Tensor | null;
}

export function linearForward(
  x: Tensor,
  W: Tensor,
  b: Tensor | null = null,
): { out: Tensor; cache: LinearCache } {
  if (x.ndim !== 2 || W.ndim !== 2 || x.shape[1] !== W.shape[1]) {
    throw new RangeError(
      `linearForward: expected x [N, in] and W [out, in], got x ${formatShape(x.shape)} and W ${formatShape(W.shape)}`,
    );
  }
  return noGrad(() => {
    const z = x.matmul(W.T); // x Wᵀ: [N, in]·[in, out]
    return { out: b ? z.add(b) : z, cache: { x, W, b } }; // z = x Wᵀ + b
  });
}

export function linearBackward(
  dout: Tensor,
  cache: LinearCache,
): { dx: Tensor; dW: Tensor; db: Tensor | null } {
  const { x, W, b } = cache;
  return noGrad(() => ({
    dx: dout.matmul(W), // ∂L/∂x = G W:  [N, out]·[out, in]
    dW: dout.T.matmul(x), // ∂L/∂W = Gᵀ x:  [out, N]·[N, in]
    db: b ? dout.sum(0) : null, // ∂L/∂b = Σₙ Gₙ
  }));
}
