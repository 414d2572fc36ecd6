import type { BaseOptions, Optimizer } from "../optimizer";
import { checkDecayFactor, checkPositiveInteger } from "./checks";
import { LRScheduler } from "./lr_scheduler";

/** Options of `StepLR`. */
export interface StepLROptions {
  /** γ, the factor applied every `stepSize` epochs; default 0.1 (PyTorch's). */
  gamma: number;
}

/**
 * Step decay: multiply the learning rate by γ every `stepSize` epochs.
 *
 * $$ \alpha_t = \alpha_0 \, \gamma^{\lfloor t / s \rfloor} $$
 *
 * Lecture 003 §7 "step decay" ("decay learning rate by half every few epochs": γ = 0.5),
 * the staircase of lecture 001 §1.2.5 (离散下降). Same as `torch.optim.lr_scheduler.StepLR`.
 * Symbols: s = `stepSize`, γ = `gamma`, t = `lastEpoch` (the number of `step()` calls).
 * Epoch 0 is the initial rate α₀; the first decay is at t = s.
 *
 * @example const sched = new StepLR(opt, 30, { gamma: 0.1 }); // 0.1 → 0.01 at epoch 30 → 0.001 at 60
 */
export class StepLR extends LRScheduler {
  readonly gamma: number;

  constructor(
    optimizer: Optimizer<BaseOptions>,
    readonly stepSize: number,
    options: Partial<StepLROptions> = {},
  ) {
    super("StepLR", optimizer);
    checkPositiveInteger("StepLR", "stepSize", stepSize);
    this.gamma = options.gamma ?? 0.1;
    checkDecayFactor("StepLR", "gamma", this.gamma);
    this.initialStep();
  }

  protected closedForm(t: number, alpha0: number): number {
    return alpha0 * this.gamma ** Math.floor(t / this.stepSize); // α₀·γ^⌊t/s⌋
  }
}
