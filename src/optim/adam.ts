import type { FloatArray, TypedArray } from "../tensor/dtype";
import { adamWasm, float32StateBuffer } from "../tensor/kernels/optim_wasm";
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

/** Options of `Adam` and `AdamW`; defaults are PyTorch's. */
export interface AdamOptions extends BaseOptions {
  /** [β₁, β₂]: decays of the running means of g and g². Default [0.9, 0.999]. */
  betas: [number, number];
  /** ε, added to √v̂. Default 1e-8. */
  eps: number;
  /** λ: Adam adds λθ to the gradient (L2); AdamW shrinks θ by αλ (decoupled). Default 0 (AdamW 0.01). */
  weightDecay: number;
  /** Divide by the largest v̂ so far (AMSGrad, Reddi et al. 2018). Default false. */
  amsgrad: boolean;
  /** Divide m and v by 1 − β^t. `false` is lecture 003's "Adam (almost)". Default true. */
  biasCorrection: boolean;
}

/**
 * Adam: momentum on g (the first moment m) and RMSprop's scaling by g² (the second, v),
 * both bias-corrected. As `torch.optim.Adam` (lecture 001 §1.2.4, lecture 003 "Adam (full form)"):
 *
 * $$ g_t \leftarrow \nabla f(\theta_{t-1}) + \lambda\,\theta_{t-1} $$
 * $$ m_t \leftarrow \beta_1 m_{t-1} + (1-\beta_1)\, g_t, \qquad v_t \leftarrow \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2 \qquad (m_0 = v_0 = 0) $$
 * $$ \hat m_t = m_t / (1-\beta_1^t), \qquad \hat v_t = v_t / (1-\beta_2^t) $$
 * $$ \theta_t \leftarrow \theta_{t-1} - \alpha\, \hat m_t / (\sqrt{\hat v_t} + \epsilon) $$
 *
 * `biasCorrection: false` is lecture 003's "Adam (almost)": θ ← θ − αm_t/(√v_t + ε). Its first
 * step is (1−β₁)/√(1−β₂) ≈ 3.16 times the corrected one (≈ α per coordinate) for the default
 * betas: "the huge first step" the correction removes. `amsgrad: true` divides by
 * √(max_{k≤t} v_k) instead (corrected by 1 − β₂^t, as PyTorch). `weightDecay` here is the L2
 * penalty added to g, as PyTorch's Adam; `AdamW` decouples it.
 *
 * Symbols: α = `lr`, β₁, β₂ = `betas`, ε = `eps`, λ = `weightDecay`.
 * State per parameter: `step` (t), `expAvg` (m), `expAvgSq` (v), `maxExpAvgSq`, as PyTorch's.
 *
 * @example const opt = new Adam(net.parameters(), { lr: 1e-3, betas: [0.9, 0.999] });
 */
export class Adam extends Optimizer<AdamOptions> {
  constructor(
    params: ParamsInput<AdamOptions>,
    options: Partial<AdamOptions> = {},
    name = "Adam", // AdamW's
  ) {
    super(name, params, { ...ADAM_DEFAULTS, ...options });
  }

  protected checkOptions(o: AdamOptions): void {
    checkAdamOptions(this.name, o);
  }

  protected update(
    theta: Tensor,
    grad: Tensor,
    state: ParamState,
    group: ParamGroup<AdamOptions>,
  ): void {
    adamStep(theta, grad, group.weightDecay, this.moments(theta, state, group), group);
  }

  /** m, v (and v_max with amsgrad) of θ, zero before the first step; `step` advanced to t. */
  protected moments(theta: Tensor, state: ParamState, group: AdamOptions): AdamMoments {
    const t = ((state.step as number | undefined) ?? 0) + 1;
    state.step = t;
    return {
      t,
      m: this.buffer(state, "expAvg", theta, 0, float32StateBuffer).data,
      v: this.buffer(state, "expAvgSq", theta, 0, float32StateBuffer).data,
      vMax: group.amsgrad
        ? this.buffer(state, "maxExpAvgSq", theta, 0, float32StateBuffer).data
        : null,
    };
  }
}

/** The state one Adam step reads and writes: the step number t and the moment buffers. */
export interface AdamMoments {
  t: number;
  m: TypedArray;
  v: TypedArray;
  vMax: TypedArray | null;
}

/** Adam's defaults (PyTorch's); AdamW changes weightDecay to 0.01. */
export const ADAM_DEFAULTS: AdamOptions = {
  lr: 1e-3,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weightDecay: 0,
  amsgrad: false,
  biasCorrection: true,
};

/** The checks of `Adam` and `AdamW`: `Adam: betas[1] must be in [0, 1), got 1`. */
export function checkAdamOptions(where: string, o: AdamOptions): void {
  checkNonNegative(where, "lr", o.lr);
  if (!Array.isArray(o.betas) || o.betas.length !== 2) {
    throw new RangeError(`${where}: betas must be a pair [β₁, β₂], got ${JSON.stringify(o.betas)}`);
  }
  checkUnitInterval(where, "betas[0]", o.betas[0]);
  checkUnitInterval(where, "betas[1]", o.betas[1]);
  checkNonNegative(where, "eps", o.eps);
  checkNonNegative(where, "weightDecay", o.weightDecay);
  checkBoolean(where, "amsgrad", o.amsgrad);
  checkBoolean(where, "biasCorrection", o.biasCorrection);
}

/**
 * One Adam step on θ, in place, for the gradient `grad` plus λθ (λ = 0 for AdamW), after
 * θ ← sθ (s = 1 − αλ for AdamW, 1 for Adam): shared by Adam and AdamW. Float32 steps run
 * in WebAssembly SIMD where they can (`kernels/optim_wasm.ts`, the same arithmetic 4 lanes
 * at a time, in float32); this loop is the reference, and the float64 path.
 */
export function adamStep(
  theta: Tensor,
  grad: Tensor,
  lambda: number,
  { t, m, v, vMax }: AdamMoments,
  group: AdamOptions,
  shrink = 1,
): void {
  const { lr: alpha, betas, eps } = group;
  const [beta1, beta2] = betas;
  const c1 = group.biasCorrection ? 1 - beta1 ** t : 1; // 1 − β₁^t
  const c2 = group.biasCorrection ? 1 - beta2 ** t : 1; // 1 − β₂^t
  // α·m̂/(√v̂ + ε) with m̂ = m/c1, v̂ = v/c2, arranged as PyTorch computes it (one square
  // root and two divisions per element): (α/c1)·m / (√v/√c2 + ε)
  const stepSize = alpha / c1;
  const sqrtC2 = Math.sqrt(c2);
  const th = theta.data as FloatArray;
  const dth = grad.data as FloatArray;
  const k = { shrink, lambda, beta1, beta2, stepSize, sqrtC2, eps };
  if (adamWasm(th, dth, m, v, vMax, k)) return;
  for (let i = 0; i < th.length; i++) {
    if (shrink !== 1) th[i] = th[i] * shrink; // θ ← (1 − αλ)θ (AdamW)
    const g = lambda === 0 ? dth[i] : dth[i] + th[i] * lambda; // g ← g + λθ
    m[i] = m[i] * beta1 + g * (1 - beta1); // m ← β₁m + (1−β₁)g
    v[i] = v[i] * beta2 + g * g * (1 - beta2); // v ← β₂v + (1−β₂)g²
    let vMaxI = v[i];
    if (vMax !== null) {
      vMax[i] = Math.max(vMax[i], v[i]); // v_max ← max(v_max, v), v_max,0 = 0
      vMaxI = vMax[i];
    }
    const denom = Math.sqrt(vMaxI) / sqrtC2 + eps; // √v̂ + ε
    th[i] = th[i] - stepSize * (m[i] / denom); // θ ← θ − α·m̂/(√v̂ + ε)
  }
}
