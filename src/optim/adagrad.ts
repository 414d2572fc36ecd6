import type { Tensor } from "../tensor/tensor";
import {
  type BaseOptions,
  type ParamGroup,
  type ParamState,
  type ParamsInput,
  Optimizer,
  checkNonNegative,
} from "./optimizer";

/** Options of `Adagrad`; defaults are PyTorch's. */
export interface AdagradOptions extends BaseOptions {
  /** η of the step-size decay α_t = α / (1 + (t−1)η). Default 0. */
  lrDecay: number;
  /** λ of the L2 penalty ½λ‖θ‖², added to the gradient: g ← g + λθ. Default 0. */
  weightDecay: number;
  /** r₀, the starting value of every accumulator. Default 0. */
  initialAccumulatorValue: number;
  /** δ (PyTorch's eps), added to √r. Default 1e-10. */
  eps: number;
}

/**
 * AdaGrad: divide each coordinate's step by the root of its summed squared gradients, so
 * steep directions slow down and flat ones keep moving. As `torch.optim.Adagrad`:
 *
 * $$ r_t \leftarrow r_{t-1} + g_t \odot g_t \qquad (r_0 = \text{initialAccumulatorValue}) $$
 * $$ \theta_t \leftarrow \theta_{t-1} - \frac{\alpha}{1 + (t-1)\,\eta} \cdot \frac{g_t}{\delta + \sqrt{r_t}} $$
 *
 * Lecture 003 (AdaGrad) writes r ← r + g⊙g, Δθ = −ε/(δ + √r) ⊙ g (Goodfellow's symbols: its ε
 * is our learning rate α, its δ our `eps`; its code uses δ = 1e-7, PyTorch 1e-10). The
 * lecture has no lrDecay (η = 0, the default). Since r only grows, the steps only shrink —
 * the problem RMSprop fixes by forgetting old gradients.
 *
 * Symbols: α = `lr`, η = `lrDecay`, δ = `eps`, λ = `weightDecay`.
 * State per parameter: `step` (t), `sum` (r), as PyTorch's step and sum.
 *
 * @example const opt = new Adagrad(net.parameters(), { lr: 0.1 });
 */
export class Adagrad extends Optimizer<AdagradOptions> {
  constructor(params: ParamsInput<AdagradOptions>, options: Partial<AdagradOptions> = {}) {
    super("Adagrad", params, {
      lr: 1e-2,
      lrDecay: 0,
      weightDecay: 0,
      initialAccumulatorValue: 0,
      eps: 1e-10,
      ...options,
    });
  }

  protected checkOptions(o: AdagradOptions): void {
    checkNonNegative(this.name, "lr", o.lr);
    checkNonNegative(this.name, "lrDecay", o.lrDecay);
    checkNonNegative(this.name, "weightDecay", o.weightDecay);
    checkNonNegative(this.name, "initialAccumulatorValue", o.initialAccumulatorValue);
    checkNonNegative(this.name, "eps", o.eps);
  }

  protected update(
    theta: Tensor,
    grad: Tensor,
    state: ParamState,
    group: ParamGroup<AdagradOptions>,
  ): void {
    const { lr: alpha, lrDecay: eta, weightDecay: lambda, eps: delta } = group;
    const t = ((state.step as number | undefined) ?? 0) + 1;
    const r = this.buffer(state, "sum", theta, group.initialAccumulatorValue).data; // r₀
    const alphaT = alpha / (1 + (t - 1) * eta); // α_t = α / (1 + (t−1)η)
    const th = theta.data;
    const dth = grad.data;
    for (let i = 0; i < th.length; i++) {
      const g = lambda === 0 ? dth[i] : dth[i] + th[i] * lambda; // g ← g + λθ
      r[i] = r[i] + g * g; // r ← r + g⊙g
      th[i] = th[i] - (g / (Math.sqrt(r[i]) + delta)) * alphaT; // θ ← θ − α_t·g/(δ + √r)
    }
    state.step = t;
  }
}
