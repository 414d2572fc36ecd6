import type { BaseOptions, Optimizer } from "../optimizer";
import { checkDecayFactor } from "./checks";
import { LRScheduler } from "./lr_scheduler";

/**
 * Exponential decay with a base: multiply the learning rate by γ every epoch.
 *
 * $$ \alpha_t = \gamma^{t} \, \alpha_0 $$
 *
 * Lecture 001 §1.2.5 eq. (19) writes it with γ = 0.95: α = 0.95^epoch_num · α₀. Lecture 003
 * writes the same decay as α₀e^{−kt} (γ = e^{−k}); that form is `ExponentialDecayLR`.
 * Same as `torch.optim.lr_scheduler.ExponentialLR`. Symbols: γ = `gamma`, t = `lastEpoch`
 * (the number of `step()` calls). Epoch 0 is the initial rate α₀.
 *
 * @example const sched = new ExponentialLR(opt, 0.95); // lecture 001's 0.95^epoch
 */
export class ExponentialLR extends LRScheduler {
  constructor(
    optimizer: Optimizer<BaseOptions>,
    readonly gamma: number,
  ) {
    super("ExponentialLR", optimizer);
    checkDecayFactor("ExponentialLR", "gamma", gamma);
    this.initialStep();
  }

  protected closedForm(t: number, alpha0: number): number {
    return this.gamma ** t * alpha0; // γ^t·α₀
  }
}
