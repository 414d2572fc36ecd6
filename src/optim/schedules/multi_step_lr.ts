import type { BaseOptions, Optimizer } from "../optimizer";
import { checkDecayFactor, checkPositiveInteger } from "./checks";
import { LRScheduler } from "./lr_scheduler";

/** Options of `MultiStepLR`. */
export interface MultiStepLROptions {
  /** γ, the factor applied at each milestone; default 0.1 (PyTorch's). */
  gamma: number;
}

/**
 * Piecewise-constant ("staircase") decay: multiply the learning rate by γ at each milestone.
 *
 * $$ \alpha_t = \alpha_0 \, \gamma^{\,|\{ m_i \le t \}|} $$
 *
 * The staircase of lecture 001 §1.2.5 (离散下降: lower the rate by hand as training
 * progresses) and lecture 002's "lower the rate every few epochs" (ResNet: ÷10 at epochs 30,
 * 60). Same as `torch.optim.lr_scheduler.MultiStepLR`. Symbols: mᵢ = `milestones` (epochs,
 * increasing), γ = `gamma`, t = `lastEpoch` (the number of `step()` calls). Epoch 0 is the
 * initial rate α₀; epoch mᵢ is the first to run at the lowered rate.
 *
 * Hand-picked values rather than a constant factor are a `LambdaLR`:
 * `new LambdaLR(opt, (t) => (t < 30 ? 1 : t < 60 ? 0.2 : 0.05))`.
 *
 * @example const sched = new MultiStepLR(opt, [30, 60], { gamma: 0.1 });
 */
export class MultiStepLR extends LRScheduler {
  readonly milestones: readonly number[];
  readonly gamma: number;

  constructor(
    optimizer: Optimizer<BaseOptions>,
    milestones: number[],
    options: Partial<MultiStepLROptions> = {},
  ) {
    super("MultiStepLR", optimizer);
    milestones.forEach((m, i) => checkPositiveInteger("MultiStepLR", `milestones[${i}]`, m));
    if (milestones.some((m, i) => i > 0 && m <= milestones[i - 1])) {
      throw new RangeError(
        `MultiStepLR: milestones must be strictly increasing, got [${milestones.join(", ")}]`,
      );
    }
    this.milestones = [...milestones];
    this.gamma = options.gamma ?? 0.1;
    checkDecayFactor("MultiStepLR", "gamma", this.gamma);
    this.initialStep();
  }

  protected closedForm(t: number, alpha0: number): number {
    const passed = this.milestones.filter((m) => m <= t).length; // |{mᵢ ≤ t}|
    return alpha0 * this.gamma ** passed; // α₀·γ^passed
  }
}
