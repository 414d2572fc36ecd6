import type { Tensor } from "../tensor/tensor";
import { ADAM_DEFAULTS, Adam, type AdamOptions, adamStep } from "./adam";
import type { ParamGroup, ParamState, ParamsInput } from "./optimizer";

/**
 * AdamW: Adam with decoupled weight decay (Loshchilov & Hutter 2019), as `torch.optim.AdamW`.
 * The parameters shrink by a factor before the Adam step, instead of λθ entering g:
 *
 * $$ \theta_{t-1} \leftarrow (1 - \alpha\lambda)\, \theta_{t-1} $$
 * $$ m_t \leftarrow \beta_1 m_{t-1} + (1-\beta_1)\, g_t, \qquad v_t \leftarrow \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2 $$
 * $$ \theta_t \leftarrow \theta_{t-1} - \alpha\, \hat m_t / (\sqrt{\hat v_t} + \epsilon) $$
 *
 * Why: lecture 002 calls the L2 penalty ½λ‖θ‖² weight decay (权重衰减), and for plain SGD the
 * two are one: θ ← θ − α(g + λθ) = (1 − αλ)θ − αg. In `Adam` they part: the L2 term λθ is
 * divided by √v̂ like the rest of g, so weights with large gradients are barely decayed.
 * Decoupled, every weight shrinks by the same factor (1 − αλ) per step. With λ = 0 it is `Adam`.
 *
 * Symbols and options as `Adam` (`amsgrad`, `biasCorrection` too); the default λ is 0.01,
 * PyTorch's. State per parameter: `step`, `expAvg`, `expAvgSq`, `maxExpAvgSq`.
 *
 * @example const opt = new AdamW(net.parameters(), { lr: 1e-3, weightDecay: 0.01 });
 */
export class AdamW extends Adam {
  constructor(params: ParamsInput<AdamOptions>, options: Partial<AdamOptions> = {}) {
    super(params, { ...ADAM_DEFAULTS, weightDecay: 1e-2, ...options }, "AdamW");
  }

  protected override update(
    theta: Tensor,
    grad: Tensor,
    state: ParamState,
    group: ParamGroup<AdamOptions>,
  ): void {
    const shrink = 1 - group.lr * group.weightDecay; // θ ← (1 − αλ)θ, then Adam's step with λ = 0
    adamStep(theta, grad, 0, this.moments(theta, state, group), group, shrink);
  }
}
