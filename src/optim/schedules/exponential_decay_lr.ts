import type { BaseOptions, Optimizer } from "../optimizer";
import { checkNonNegative } from "../optimizer";
import { LRScheduler } from "./lr_scheduler";

/**
 * Exponential decay with a rate: the learning rate decays continuously at rate k.
 *
 * $$ \alpha_t = \alpha_0 \, e^{-k t} $$
 *
 * Lecture 003 §7 "exponential decay". Lecture 001 writes the same decay with a base,
 * α = 0.95^epoch · α₀; that form is `ExponentialLR` (γ = e^{−k}, so k = −ln 0.95 ≈ 0.0513
 * gives lecture 001's schedule). PyTorch: `ExponentialLR(opt, gamma=math.exp(-k))`.
 * Symbols: k = `k` (≥ 0; 0 keeps the rate constant), t = `lastEpoch` (the number of
 * `step()` calls). Epoch 0 is the initial rate α₀.
 *
 * @example const sched = new ExponentialDecayLR(opt, 0.1); // α₀, 0.905α₀, 0.819α₀, …
 */
export class ExponentialDecayLR extends LRScheduler {
  constructor(
    optimizer: Optimizer<BaseOptions>,
    readonly k: number,
  ) {
    super("ExponentialDecayLR", optimizer);
    checkNonNegative("ExponentialDecayLR", "k", k);
    this.initialStep();
  }

  protected closedForm(t: number, alpha0: number): number {
    return alpha0 * Math.exp(-this.k * t); // α₀·e^{−kt}
  }
}
