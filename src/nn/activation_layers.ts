import type { Tensor } from "../tensor/tensor";
import { Module } from "./module";

/**
 * Activation functions as layers, for `nn.Sequential` (lecture 004 §激活函数). Each
 * applies the tensor op of the same name elementwise (softmax along `dim`); the formulas
 * and derivatives live with the ops in `src/tensor/activations.ts`. PReLU, which learns
 * its slope, has its own file (`prelu.ts`).
 *
 * Shape: `[*] → [*]` (any shape, unchanged).
 *
 * @example new nn.Sequential(new nn.Linear(784, 128), new nn.ReLU(), new nn.Linear(128, 10));
 */

/** σ(x) = 1 / (1 + e^{−x}): squashes into (0, 1); saturates, not zero-centred. */
export class Sigmoid extends Module {
  override forward(x: Tensor): Tensor {
    return x.sigmoid();
  }
}

/** tanh(x) = (eˣ − e^{−x}) / (eˣ + e^{−x}) = 2σ(2x) − 1: zero-centred, still saturates. */
export class Tanh extends Module {
  override forward(x: Tensor): Tensor {
    return x.tanh();
  }
}

/** ReLU(x) = max(0, x): no saturation for x > 0; a unit whose inputs stay negative "dies". */
export class ReLU extends Module {
  override forward(x: Tensor): Tensor {
    return x.relu();
  }
}

/**
 * LeakyReLU(x) = max(αx, x) = x for x > 0, αx otherwise (α = `negativeSlope`, fixed;
 * PyTorch's default 0.01). The small slope keeps negative units alive.
 */
export class LeakyReLU extends Module {
  constructor(readonly negativeSlope = 0.01) {
    super();
    checkFinite("LeakyReLU", "negativeSlope", negativeSlope);
  }
  override forward(x: Tensor): Tensor {
    return x.leakyRelu(this.negativeSlope);
  }
}

/** ELU(x) = x for x > 0, α(eˣ − 1) otherwise: saturates smoothly at −α (default α = 1). */
export class ELU extends Module {
  constructor(readonly alpha = 1) {
    super();
    checkFinite("ELU", "alpha", alpha);
  }
  override forward(x: Tensor): Tensor {
    return x.elu(this.alpha);
  }
}

/**
 * softmax(x)ᵢ = e^{xᵢ} / Σⱼ e^{xⱼ} along `dim`: probabilities that sum to 1.
 * `dim` is required (PyTorch deprecates guessing it): 1 for logits [N, C].
 */
export class Softmax extends Module {
  constructor(readonly dim: number) {
    super();
    checkInteger("Softmax", dim);
  }
  override forward(x: Tensor): Tensor {
    return x.softmax(this.dim);
  }
}

/**
 * log softmax(x)ᵢ = xᵢ − log Σⱼ e^{xⱼ} along `dim`, computed stably (never log of a
 * softmax that underflowed to 0). Pairs with `NLLLoss`; `dim` is required.
 */
export class LogSoftmax extends Module {
  constructor(readonly dim: number) {
    super();
    checkInteger("LogSoftmax", dim);
  }
  override forward(x: Tensor): Tensor {
    return x.logSoftmax(this.dim);
  }
}

function checkFinite(where: string, name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`${where}: ${name} must be a finite number, got ${String(value)}`);
  }
}

function checkInteger(where: string, dim: number): void {
  if (!Number.isInteger(dim)) {
    throw new TypeError(
      `${where}: dim must be an integer axis (1 for [N, C], −1 for the last), got ${String(dim)}`,
    );
  }
}
