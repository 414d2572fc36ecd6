import type { BaseOptions, Optimizer } from "../optimizer";
import { checkPositive } from "./checks";
import { LRScheduler } from "./lr_scheduler";

/**
 * Inverse-square-root decay, as lecture 001 §1.2.5 eq. (20) writes it.
 *
 * $$ \alpha_t = \frac{k}{\sqrt{\max(t, 1)}} \, \alpha_0 $$
 *
 * The lecture's α = k/√epoch_num · α₀ divides by zero at epoch_num = 0, before the first
 * pass is complete. Here t = `lastEpoch` = epoch_num (the number of `step()` calls), and
 * epoch 0 uses the value of epoch 1: α₀ = α₁ = kα₀, then kα₀/√2, kα₀/√3, … — the lecture's
 * formula unchanged for every t ≥ 1. So epoch 0 is the initial rate α₀ only when k = 1
 * (the default); building the schedule sets the lr to kα₀.
 *
 * PyTorch has no class for it: `LambdaLR(opt, lambda t: k / math.sqrt(max(t, 1)))`.
 * Not the Transformer's warm-up "inverse square root" schedule, which first rises.
 * Symbols: k = `k` (> 0).
 *
 * @example const sched = new InverseSqrtLR(opt); // α₀, α₀, α₀/√2, α₀/√3, …
 */
export class InverseSqrtLR extends LRScheduler {
  constructor(
    optimizer: Optimizer<BaseOptions>,
    readonly k = 1,
  ) {
    super("InverseSqrtLR", optimizer);
    checkPositive("InverseSqrtLR", "k", k);
    this.initialStep();
  }

  protected closedForm(t: number, alpha0: number): number {
    return (this.k / Math.sqrt(Math.max(t, 1))) * alpha0; // k/√max(t,1)·α₀
  }
}
