import type { BaseOptions, Optimizer } from "../optimizer";
import { checkNonNegative } from "../optimizer";
import { checkPositiveInteger } from "./checks";
import { LRScheduler } from "./lr_scheduler";

/** Options of `CosineAnnealingLR`. */
export interface CosineAnnealingLROptions {
  /** η_min, the rate at t = T_max; default 0 (PyTorch's). */
  etaMin: number;
}

/**
 * Cosine annealing: half a cosine from α₀ down to η_min over T_max epochs.
 *
 * $$ \alpha_t = \eta_{min} + \tfrac12 (\alpha_0 - \eta_{min}) \left(1 + \cos\frac{\pi t}{T_{max}}\right) $$
 *
 * Not in the lectures (Loshchilov & Hutter, SGDR, 2017); a smooth alternative to lecture
 * 003's step decay. Same values as `torch.optim.lr_scheduler.CosineAnnealingLR` (which
 * computes them recursively when stepping; the closed form above is its documented formula).
 * Symbols: T_max = `tMax`, η_min = `etaMin`, t = `lastEpoch` (the number of `step()` calls).
 * Epoch 0 is the initial rate α₀; epoch T_max is η_min. As in PyTorch, stepping past T_max
 * climbs back up the cosine (period 2T_max): set `tMax` to the number of epochs you train.
 *
 * @example const sched = new CosineAnnealingLR(opt, 100, { etaMin: 1e-5 });
 */
export class CosineAnnealingLR extends LRScheduler {
  readonly etaMin: number;

  constructor(
    optimizer: Optimizer<BaseOptions>,
    readonly tMax: number,
    options: Partial<CosineAnnealingLROptions> = {},
  ) {
    super("CosineAnnealingLR", optimizer);
    checkPositiveInteger("CosineAnnealingLR", "tMax", tMax);
    this.etaMin = options.etaMin ?? 0;
    checkNonNegative("CosineAnnealingLR", "etaMin", this.etaMin);
    this.initialStep();
  }

  protected closedForm(t: number, alpha0: number): number {
    const { etaMin, tMax } = this;
    // η_min + ½(α₀ − η_min)(1 + cos(πt/T_max))
    return etaMin + 0.5 * (alpha0 - etaMin) * (1 + Math.cos((Math.PI * t) / tMax));
  }
}
