import type { Tensor } from "../tensor/tensor";
import { checkBoolean } from "./checks";
import {
  type BaseOptions,
  type ParamGroup,
  type ParamState,
  type ParamsInput,
  Optimizer,
  checkNonNegative,
  checkUnitInterval,
} from "./optimizer";

/** Options of `RMSprop`; defaults are PyTorch's. */
export interface RMSpropOptions extends BaseOptions {
  /** β, the decay of the running mean of g² (PyTorch calls it alpha). Default 0.99. */
  alpha: number;
  /** ε, added to the root (outside it, as PyTorch; inside with `epsInside`). Default 1e-8. */
  eps: number;
  /** λ of the L2 penalty ½λ‖θ‖², added to the gradient: g ← g + λθ. Default 0. */
  weightDecay: number;
  /** μ: when > 0, steps go through a velocity b ← μb + g/denom. Default 0. */
  momentum: number;
  /** Divide by an estimate of the standard deviation, √(s − ḡ²), instead of the RMS. Default false. */
  centered: boolean;
  /** Lecture 001's √(s + ε) instead of PyTorch's √s + ε. Default false. */
  epsInside: boolean;
}

/**
 * RMSprop: scale each step by a running RMS of the gradient.
 *
 * $$ s_t \leftarrow \beta s_{t-1} + (1-\beta)\, g_t^2 $$
 * $$ \theta_t \leftarrow \theta_{t-1} - \alpha\, g_t / (\sqrt{s_t} + \epsilon) $$
 *
 * Convention: default matches torch.optim.RMSprop (ε outside the root), as lecture 003's
 * code writes it (`dx / (np.sqrt(grad_squared) + 1e-7)`, β = its decay_rate).
 * `epsInside: true` uses √(s_t + ε), as lecture 001 §1.2.3 writes it.
 *
 * PyTorch's extensions, both off by default:
 * - `centered`: ḡ_t ← βḡ_{t−1} + (1−β)g_t and the root is taken of s_t − ḡ_t² (a variance).
 * - `momentum` μ > 0: b_t ← μb_{t−1} + g_t / denom, θ_t ← θ_{t−1} − αb_t (b₀ = 0).
 *
 * Symbols: α = `lr`, β = `alpha` (PyTorch's name), ε = `eps`, μ = `momentum`, λ = `weightDecay`.
 * State per parameter: `step`, `squareAvg` (s), `gradAvg` (ḡ), `momentumBuffer` (b), as PyTorch's.
 *
 * @example const opt = new RMSprop(net.parameters(), { lr: 1e-3 });
 * @example const lecture001 = new RMSprop(net.parameters(), { lr: 1e-3, alpha: 0.9, epsInside: true });
 */
export class RMSprop extends Optimizer<RMSpropOptions> {
  constructor(params: ParamsInput<RMSpropOptions>, options: Partial<RMSpropOptions> = {}) {
    super("RMSprop", params, {
      lr: 1e-2,
      alpha: 0.99,
      eps: 1e-8,
      weightDecay: 0,
      momentum: 0,
      centered: false,
      epsInside: false,
      ...options,
    });
  }

  protected checkOptions(o: RMSpropOptions): void {
    checkNonNegative(this.name, "lr", o.lr);
    checkUnitInterval(this.name, "alpha", o.alpha);
    checkNonNegative(this.name, "eps", o.eps);
    checkNonNegative(this.name, "weightDecay", o.weightDecay);
    checkUnitInterval(this.name, "momentum", o.momentum);
    checkBoolean(this.name, "centered", o.centered);
    checkBoolean(this.name, "epsInside", o.epsInside);
  }

  protected update(
    theta: Tensor,
    grad: Tensor,
    state: ParamState,
    group: ParamGroup<RMSpropOptions>,
  ): void {
    const { lr, alpha: beta, eps, weightDecay: lambda, momentum: mu } = group;
    const { centered, epsInside } = group;
    const s = this.buffer(state, "squareAvg", theta).data; // s₀ = 0
    const gBar = centered ? this.buffer(state, "gradAvg", theta).data : null; // ḡ₀ = 0
    const b = mu > 0 ? this.buffer(state, "momentumBuffer", theta).data : null; // b₀ = 0
    const th = theta.data;
    const dth = grad.data;
    for (let i = 0; i < th.length; i++) {
      const g = lambda === 0 ? dth[i] : dth[i] + th[i] * lambda; // g ← g + λθ
      s[i] = s[i] * beta + g * g * (1 - beta); // s ← βs + (1−β)g²
      let variance = s[i];
      if (gBar !== null) {
        gBar[i] = gBar[i] * beta + g * (1 - beta); // ḡ ← βḡ + (1−β)g
        variance = s[i] - gBar[i] * gBar[i]; // s − ḡ²
      }
      const denom = epsInside ? Math.sqrt(variance + eps) : Math.sqrt(variance) + eps;
      let step = g / denom; // g / (√s + ε)
      if (b !== null) {
        b[i] = b[i] * mu + step; // b ← μb + g/denom
        step = b[i];
      }
      th[i] = th[i] - step * lr; // θ ← θ − α·step
    }
    state.step = ((state.step as number | undefined) ?? 0) + 1;
  }
}
