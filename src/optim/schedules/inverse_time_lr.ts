import type { BaseOptions, Optimizer } from "../optimizer";
import { checkNonNegative } from "../optimizer";
import { LRScheduler } from "./lr_scheduler";

/**
 * Inverse-time ("1/t") decay.
 *
 * $$ \alpha_t = \frac{1}{1 + \text{decayRate} \cdot t} \, \alpha_0 $$
 *
 * Lecture 001 §1.2.5 eq. (18), "the most common decay" (α = α₀/(1 + decay_rate·epoch_num)),
 * and lecture 003 §7 "1/t decay" (α = α₀/(1 + kt), k = `decayRate`). PyTorch has no class
 * for it: `LambdaLR(opt, lambda t: 1 / (1 + decay_rate * t))`; Keras calls it
 * `InverseTimeDecay`. Symbols: t = `lastEpoch` (the number of `step()` calls), which is the
 * lecture's epoch_num, "the number of complete passes over the training set"
 * (将所有的训练样本完整过一遍的次数). Epoch 0 is the initial rate α₀.
 *
 * @example const sched = new InverseTimeLR(opt, 1); // α₀, α₀/2, α₀/3, …
 */
export class InverseTimeLR extends LRScheduler {
  constructor(
    optimizer: Optimizer<BaseOptions>,
    readonly decayRate: number,
  ) {
    super("InverseTimeLR", optimizer);
    checkNonNegative("InverseTimeLR", "decayRate", decayRate);
    this.initialStep();
  }

  protected closedForm(t: number, alpha0: number): number {
    return alpha0 / (1 + this.decayRate * t); // α₀/(1 + decayRate·t)
  }
}
