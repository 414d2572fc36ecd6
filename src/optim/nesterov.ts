import type { Tensor } from "../tensor/tensor";
import {
  type BaseOptions,
  type ParamGroup,
  type ParamState,
  type ParamsInput,
  Optimizer,
  checkNonNegative,
  checkUnitInterval,
} from "./optimizer";

/** Options of `Nesterov`. */
export interface NesterovOptions extends BaseOptions {
  /** ρ, the friction of the velocity. Default 0.9 (lecture 003: "typically rho = 0.9 or 0.99"). */
  momentum: number;
  /** λ of the L2 penalty ½λ‖x‖², added to the gradient: g ← g + λx. Default 0. */
  weightDecay: number;
}

/**
 * Nesterov momentum in lecture 003's change-of-variables form: the velocity v is a step
 * in parameter units (α inside it), and the parameters are the look-ahead point x̃ = x + ρv.
 *
 * $$ v_{t+1} = \rho\, v_t - \alpha\, \nabla f(\tilde x_t) \qquad (v_0 = 0) $$
 * $$ \tilde x_{t+1} = \tilde x_t - \rho\, v_t + (1+\rho)\, v_{t+1} = \tilde x_t + v_{t+1} + \rho\,(v_{t+1} - v_t) $$
 *
 * Line by line the lecture's code: `old_v = v; v = rho*v - lr*dx; x += -rho*old_v + (1+rho)*v`.
 *
 * PyTorch has no such class: `new SGD(params, { lr, momentum, nesterov: true })` is the same
 * algorithm with buffer b = −v/α, so while α is constant the two give the same parameters
 * at every step (the tests check it). They part when α changes (a schedule): here v keeps
 * the steps taken with the old rates, while SGD multiplies its whole buffer by the new α.
 *
 * Symbols: α = `lr`, ρ = `momentum`, λ = `weightDecay`. State per parameter: `velocity` (v).
 *
 * @example const opt = new Nesterov(net.parameters(), { lr: 0.01, momentum: 0.9 });
 */
export class Nesterov extends Optimizer<NesterovOptions> {
  constructor(
    params: ParamsInput<NesterovOptions>,
    options: Partial<NesterovOptions> & { lr: number },
  ) {
    super("Nesterov", params, { momentum: 0.9, weightDecay: 0, ...options });
  }

  protected checkOptions(o: NesterovOptions): void {
    checkNonNegative(this.name, "lr", o.lr);
    checkUnitInterval(this.name, "momentum", o.momentum);
    checkNonNegative(this.name, "weightDecay", o.weightDecay);
  }

  protected update(
    x: Tensor,
    grad: Tensor,
    state: ParamState,
    group: ParamGroup<NesterovOptions>,
  ): void {
    const { lr: alpha, momentum: rho, weightDecay: lambda } = group;
    const v = this.buffer(state, "velocity", x).data; // v₀ = 0
    const xt = x.data;
    const g = grad.data;
    for (let i = 0; i < xt.length; i++) {
      const dx = lambda === 0 ? g[i] : g[i] + xt[i] * lambda; // g ← g + λx̃
      const oldV = v[i];
      v[i] = oldV * rho - dx * alpha; // v ← ρv − α∇f(x̃)
      xt[i] = xt[i] - oldV * rho + v[i] * (1 + rho); // x̃ ← x̃ − ρv_old + (1+ρ)v
    }
  }
}
