import type { FloatArray } from "../tensor/dtype";
import { type SGDCoefficients, float32StateBuffer, sgdWasm } from "../tensor/kernels/optim_wasm";
import type { Tensor } from "../tensor/tensor";
import { checkBoolean, checkClosedUnitInterval } from "./checks";
import {
  type BaseOptions,
  type ParamGroup,
  type ParamState,
  type ParamsInput,
  Optimizer,
  checkNonNegative,
  checkUnitInterval,
} from "./optimizer";

/** Options of `SGD`; defaults are PyTorch's (`lr` has none, as in torch 1.x). */
export interface SGDOptions extends BaseOptions {
  /** ρ (β when `ewa`): how much of the velocity is kept each step; 0 = plain SGD. Default 0. */
  momentum: number;
  /** τ: from step 2 on the gradient enters the velocity as (1 − τ)g. Default 0. */
  dampening: number;
  /** Nesterov momentum in PyTorch's form, d = g + ρb. Needs momentum > 0, dampening 0. Default false. */
  nesterov: boolean;
  /** λ of the L2 penalty ½λ‖w‖² (lecture 001 §1.1), added to the gradient: g ← g + λw. Default 0. */
  weightDecay: number;
  /** Lecture 001's momentum: v ← βv + (1 − β)g from v₀ = 0 (β = `momentum`). Default false. */
  ewa: boolean;
}

const DEFAULTS: Omit<SGDOptions, "lr"> = {
  momentum: 0,
  dampening: 0,
  nesterov: false,
  weightDecay: 0,
  ewa: false,
};

/**
 * Stochastic gradient descent with momentum, exactly as `torch.optim.SGD`.
 *
 * $$ g_t \leftarrow \nabla f(w_{t-1}) + \lambda w_{t-1} $$
 * $$ b_1 = g_1, \qquad b_t \leftarrow \rho\, b_{t-1} + (1-\tau)\, g_t $$
 * $$ d_t = b_t \ \text{or, with nesterov,}\ d_t = g_t + \rho\, b_t, \qquad w_t \leftarrow w_{t-1} - \alpha\, d_t $$
 *
 * Lecture 003 (SGD + Momentum) writes v = ρv + dx, x −= αv: this, with τ = 0 (its code
 * says `x += learning_rate * vx`, a sign slip). With momentum 0 it is lecture 000's plain
 * step w ← w − αg. PyTorch's first velocity is b₁ = g₁ with no dampening, and so is this one.
 *
 * `ewa: true` is lecture 001 §1.2.2 (momentum as an exponentially weighted average):
 *
 * $$ v_t \leftarrow \beta\, v_{t-1} + (1-\beta)\, g_t \ (v_0 = 0), \qquad w_t \leftarrow w_{t-1} - \alpha\, v_t $$
 *
 * Unrolled, v_t = (1−β)·Σ_k β^{t−k} g_k = (1−β)·b_t: the two forms differ only by a
 * rescaling of the learning rate, α_ewa·(1−β) = α_ρ, at every step (the same gradients
 * give the same path; with β = 0.9, lr 0.1 in the EWA form is lr 0.01 in the ρ form).
 * With `ewa`, dampening must be 0 (the (1−β) already damps) and nesterov false.
 *
 * Nesterov: PyTorch's d = g + ρb is lecture 003's change-of-variables form with v = −αb
 * while α is constant; `Nesterov` (nesterov.ts) keeps the lecture's own variables.
 * As in PyTorch, nesterov needs momentum > 0 and dampening 0.
 *
 * Symbols: α = `lr`, ρ = β = `momentum`, τ = `dampening`, λ = `weightDecay`.
 * State per parameter: `momentumBuffer` (b, or v with `ewa`), as PyTorch's momentum_buffer.
 *
 * @example const opt = new SGD(net.parameters(), { lr: 0.1, momentum: 0.9 });
 * @example const lecture001 = new SGD(net.parameters(), { lr: 0.1, momentum: 0.9, ewa: true });
 */
export class SGD extends Optimizer<SGDOptions> {
  constructor(params: ParamsInput<SGDOptions>, options: Partial<SGDOptions> & { lr: number }) {
    super("SGD", params, { ...DEFAULTS, ...options });
  }

  protected checkOptions(o: SGDOptions): void {
    checkNonNegative(this.name, "lr", o.lr);
    checkUnitInterval(this.name, "momentum", o.momentum);
    checkClosedUnitInterval(this.name, "dampening", o.dampening);
    checkNonNegative(this.name, "weightDecay", o.weightDecay);
    checkBoolean(this.name, "nesterov", o.nesterov);
    checkBoolean(this.name, "ewa", o.ewa);
    if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0)) {
      throw new RangeError(
        `${this.name}: nesterov needs momentum > 0 and dampening = 0, got momentum ${o.momentum} and dampening ${o.dampening}`,
      );
    }
    if (o.ewa && (o.nesterov || o.dampening !== 0)) {
      throw new RangeError(
        `${this.name}: ewa (lecture 001's v = βv + (1−β)g) needs nesterov false and dampening 0, got nesterov ${o.nesterov} and dampening ${o.dampening}`,
      );
    }
  }

  protected update(
    param: Tensor,
    grad: Tensor,
    state: ParamState,
    group: ParamGroup<SGDOptions>,
  ): void {
    const { lr: alpha, momentum: rho, dampening: tau, weightDecay: lambda } = group;
    const { ewa, nesterov } = group;
    const first = state.momentumBuffer === undefined; // before the first step: b₀ (v₀) = 0
    const b =
      rho === 0 ? null : this.buffer(state, "momentumBuffer", param, 0, float32StateBuffer).data;
    const w = param.data as FloatArray;
    const dw = grad.data as FloatArray;
    if (w instanceof Float32Array && dw instanceof Float32Array) {
      const k = float32Coefficients(group, first);
      // in WebAssembly SIMD where it can (kernels/optim_wasm.ts); sgdStepF32 is the reference
      if (!sgdWasm(w, dw, b as Float32Array | null, k))
        sgdStepF32(w, dw, b as Float32Array | null, k);
      return;
    }
    for (let i = 0; i < w.length; i++) {
      const g = lambda === 0 ? dw[i] : dw[i] + w[i] * lambda; // g ← g + λw
      let d = g;
      if (b !== null) {
        if (ewa) {
          b[i] = b[i] * rho + g * (1 - rho); // v ← βv + (1−β)g
        } else if (first) {
          b[i] = g; // b₁ = g
        } else {
          b[i] = b[i] * rho + g * (1 - tau); // b ← ρb + (1−τ)g
        }
        d = nesterov ? g + b[i] * rho : b[i]; // d = g + ρb  or  d = b
      }
      w[i] = w[i] - d * alpha; // w ← w − αd
    }
  }
}

/** One float32 step's coefficients, rounded to float32 (as PyTorch's float32 step takes them). */
function float32Coefficients(group: ParamGroup<SGDOptions>, first: boolean): SGDCoefficients {
  const { lr, momentum, dampening, weightDecay, ewa, nesterov } = group;
  const f = Math.fround;
  return {
    alpha: f(lr),
    lambda: f(weightDecay),
    rho: f(momentum),
    keep: f(ewa ? 1 - momentum : 1 - dampening), // g's weight in the new b
    first: first && !ewa, // b₁ = g; with ewa, v₁ = β·0 + (1−β)g comes out of the formula
    nesterov,
  };
}

/**
 * The float32 step in float32 arithmetic, as PyTorch's: every product and sum rounded to
 * float32 (Math.fround), in the order of the float64 loop above. What the WebAssembly
 * kernel (`assembly/optim.ts`) computes four at a time, to the same bits.
 */
export function sgdStepF32(
  w: Float32Array,
  dw: Float32Array,
  b: Float32Array | null,
  k: SGDCoefficients,
): void {
  const f = Math.fround;
  const { alpha, lambda, rho, keep, first, nesterov } = k;
  for (let i = 0; i < w.length; i++) {
    const g = lambda === 0 ? dw[i] : f(dw[i] + f(w[i] * lambda)); // g ← g + λw
    let d = g;
    if (b !== null) {
      b[i] = first ? g : f(f(b[i] * rho) + f(g * keep)); // b ← ρb + (1−τ)g
      d = nesterov ? f(g + f(b[i] * rho)) : b[i]; // d = g + ρb  or  d = b
    }
    w[i] = f(w[i] - f(d * alpha)); // w ← w − αd
  }
}
