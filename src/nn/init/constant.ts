import type { Tensor } from "../../tensor/tensor";

/**
 * Fills a tensor with one value, in place, and returns it (PyTorch's `nn.init.zeros_`,
 * `ones_`, `constant_`; nnlab drops the trailing underscore: every init is in place).
 * Biases usually start at 0; BatchNorm's γ at 1.
 *
 * @example init.zeros(linear.bias!);  init.constant(prelu.weight, 0.25);
 */
export function constant(t: Tensor, value: number): Tensor {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TypeError(`init.constant: value must be a number, got ${String(value)}`);
  }
  return t.assign(value);
}

/** t ← 0 */
export function zeros(t: Tensor): Tensor {
  return constant(t, 0);
}

/** t ← 1 */
export function ones(t: Tensor): Tensor {
  return constant(t, 1);
}
