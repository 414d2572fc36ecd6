import type { Tensor } from "../tensor/tensor";
import { isGradEnabled } from "./grad_mode";

/**
 * One recorded op: what `backward()` walks. `backward(g)` receives ∂L/∂output and
 * returns ∂L/∂input for each input (null for an input that needs no gradient).
 */
export interface GradFn {
  /** PyTorch-style name, e.g. "MulBackward". */
  readonly name: string;
  readonly inputs: readonly Tensor[];
  backward(gradOutput: Tensor): (Tensor | null)[];
}

/**
 * Records `out = op(inputs)` in the graph when gradients are on and an input needs
 * one; otherwise returns `out` untouched. Every differentiable op ends with this,
 * its backward written next to its forward. Users define custom ops with it too (what
 * `torch.autograd.Function` does), e.g. to gradcheck a backward derived by hand:
 *
 * @example
 * const cube = (x: Tensor) => record(x.detach().pow(3), "CubeBackward", [x], (g) => [g.mul(x.pow(2).mul(3))]);
 */
export function record(
  out: Tensor,
  name: string,
  inputs: readonly Tensor[],
  backward: (gradOutput: Tensor) => (Tensor | null)[],
): Tensor {
  if (!isGradEnabled() || !inputs.some((t) => t.requiresGrad)) return out;
  out._setGradFn({ name, inputs, backward });
  return out;
}

const fresh = new WeakSet<Tensor>();

/**
 * Marks `grad` as a gradient that an op's backward allocated for one input alone: when it
 * reaches a leaf that has no `.grad` yet, `backward()` keeps it as that `.grad` instead of
 * copying it (PyTorch likewise steals a gradient buffer nothing else shares). Only for
 * tensors the backward just made and returns once; returns `grad`.
 */
export function freshGradient<T extends Tensor | null>(grad: T): T {
  if (grad !== null) fresh.add(grad);
  return grad;
}

/** Whether `grad` was marked by `freshGradient`. */
export function isFreshGradient(grad: Tensor): boolean {
  return fresh.has(grad);
}
