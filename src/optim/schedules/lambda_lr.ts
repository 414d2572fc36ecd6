import type { BaseOptions, Optimizer } from "../optimizer";
import { LRScheduler } from "./lr_scheduler";

/** A factor of the initial learning rate, as a function of the epoch t. */
export type LrLambda = (epoch: number) => number;

/**
 * Any schedule given as a factor of the initial rate.
 *
 * $$ \alpha_t = \alpha_0 \cdot f(t) $$
 *
 * For schedules without a class: hand-picked steps (lecture 001's 离散下降),
 * warm-up, or a lecture's formula written out. Same as `torch.optim.lr_scheduler.LambdaLR`.
 * Symbols: f = `lrLambda` (one function, or one per parameter group), t = `lastEpoch` (the
 * number of `step()` calls). Epoch 0 runs at α₀·f(0): the initial rate when f(0) = 1.
 * f must be pure (depend on t only), or `lrAt` stops being a closed form.
 *
 * @example const sched = new LambdaLR(opt, (t) => 0.95 ** t); // lecture 001 eq. (19)
 */
export class LambdaLR extends LRScheduler {
  readonly lrLambdas: readonly LrLambda[];

  constructor(optimizer: Optimizer<BaseOptions>, lrLambda: LrLambda | LrLambda[]) {
    super("LambdaLR", optimizer);
    const fs = Array.isArray(lrLambda) ? lrLambda : this.baseLrs.map(() => lrLambda);
    if (fs.length !== this.baseLrs.length) {
      throw new RangeError(
        `LambdaLR: got ${fs.length} lrLambda functions for ${this.baseLrs.length} parameter groups; pass one function, or one per group`,
      );
    }
    fs.forEach((f, i) => {
      if (typeof f !== "function")
        throw new TypeError(
          `LambdaLR: lrLambda[${i}] must be a function (t) => factor, got ${typeof f}`,
        );
    });
    this.lrLambdas = fs;
    this.initialStep();
  }

  protected closedForm(t: number, alpha0: number, group: number): number {
    const factor = this.lrLambdas[group](t);
    if (!(Number.isFinite(factor) && factor >= 0)) {
      throw new RangeError(
        `LambdaLR: lrLambda(${t}) must return a finite factor ≥ 0 of the initial lr, got ${factor}`,
      );
    }
    return alpha0 * factor; // α₀·f(t)
  }
}
