import { noGrad } from "../../autograd/grad_mode";
import type { Tensor } from "../../tensor/tensor";

/**
 * Activation functions' forward and backward by hand (no autograd graph), lecture 004's
 * derivatives, each written with what the forward keeps in its cache:
 *
 * - sigmoid: a = σ(z) = 1/(1 + e^{−z});   ∂L/∂z = ∂L/∂a ⊙ a(1 − a)
 * - tanh:    a = tanh z;                  ∂L/∂z = ∂L/∂a ⊙ (1 − a²)
 * - ReLU:    a = max(0, z);               ∂L/∂z = ∂L/∂a ⊙ [z > 0]
 *
 * Shape: `[*] → [*]`, elementwise.
 *
 * @example const { out, cache } = sigmoidForward(z);  const { dx } = sigmoidBackward(dout, cache);
 */
export interface ActivationCache {
  /** The input z (ReLU's backward needs it). */
  x: Tensor;
  /** The output a (sigmoid's and tanh's backward need it). */
  out: Tensor;
}

type Forward = { out: Tensor; cache: ActivationCache };

export function sigmoidForward(x: Tensor): Forward {
  return noGrad(() => {
    const out = x.sigmoid(); // a = 1/(1 + e^{−z})
    return { out, cache: { x, out } };
  });
}

export function sigmoidBackward(dout: Tensor, cache: ActivationCache): { dx: Tensor } {
  const a = cache.out;
  return noGrad(() => ({ dx: dout.mul(a).mul(a.neg().add(1)) })); // ∂L/∂z = ∂L/∂a ⊙ a(1 − a)
}

export function tanhForward(x: Tensor): Forward {
  return noGrad(() => {
    const out = x.tanh(); // a = tanh z
    return { out, cache: { x, out } };
  });
}

export function tanhBackward(dout: Tensor, cache: ActivationCache): { dx: Tensor } {
  const a = cache.out;
  return noGrad(() => ({ dx: dout.mul(a.mul(a).neg().add(1)) })); // ∂L/∂z = ∂L/∂a ⊙ (1 − a²)
}

export function reluForward(x: Tensor): Forward {
  return noGrad(() => {
    const out = x.relu(); // a = max(0, z)
    return { out, cache: { x, out } };
  });
}

export function reluBackward(dout: Tensor, cache: ActivationCache): { dx: Tensor } {
  return noGrad(() => ({ dx: dout.mul(cache.x.gt(0)) })); // ∂L/∂z = ∂L/∂a ⊙ [z > 0]
}
