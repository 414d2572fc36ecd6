import type { Module } from "../nn/module";
import type { BaseOptions, Optimizer } from "../optim/optimizer";
import { formatShape } from "../tensor/shape";
import type { Tensor } from "../tensor/tensor";
import type { LossFn } from "./evaluate";
import { NonFiniteLoss } from "./stop_message";

/**
 * One optimisation step on a mini-batch (x, y), the body of lecture 000's training loop:
 *
 * $$ L = \ell(f_\theta(x), y), \qquad g = \nabla_\theta L, \qquad \theta \leftarrow \text{step}(\theta, g) $$
 *
 * written as PyTorch's closure — zero the gradients, forward, loss, backward — handed to
 * `optimizer.step(closure)`, so an optimiser that re-evaluates the loss (LBFGS) works too.
 * A NaN or ±∞ loss throws `NonFiniteLoss` before `backward()`, so the weights are not moved.
 * Returns the loss before the step and the output it came from (for the metrics).
 */
export function trainStep(
  model: Module,
  optimizer: Optimizer<BaseOptions>,
  loss: LossFn,
  x: Tensor,
  y: Tensor,
): { loss: number; output: Tensor } {
  let first: { loss: number; output: Tensor } | undefined;
  optimizer.step(() => {
    optimizer.zeroGrad();
    const output = model.forward(x);
    const L = loss(output, y);
    if (L.size !== 1) {
      throw new RangeError(
        `the loss must be a scalar (reduction "mean"), got shape ${formatShape(L.shape)}`,
      );
    }
    const value = L.item();
    if (!Number.isFinite(value)) throw new NonFiniteLoss(value, "training");
    first ??= { loss: value, output };
    L.backward();
    return L;
  });
  return first!;
}

/** Means over an epoch's batches, weighted by batch size: Σ n_b·v_b / Σ n_b. */
export class BatchMeans {
  private readonly sums = new Map<string, number>();
  private n = 0;

  /** Adds batch b's mean loss, which also counts its n_b samples. */
  addLoss(value: number, size: number): void {
    this.n += size;
    this.add("loss", value, size);
  }

  /** Adds batch b's mean of a metric. */
  add(name: string, value: number, size: number): void {
    this.sums.set(name, (this.sums.get(name) ?? 0) + size * value); // Σ n_b·v_b
  }

  means(): [string, number][] {
    return [...this.sums].map(([name, sum]) => [name, sum / this.n]);
  }
}
