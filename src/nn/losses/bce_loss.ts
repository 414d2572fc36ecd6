import { record } from "../../autograd/function";
import { allocate, floatOf } from "../../tensor/dtype";
import { Tensor } from "../../tensor/tensor";
import { Module } from "../module";
import { asWeight, checkSameShape, checkWeightShape, positionOf, requireTarget } from "./checks";
import { REDUCTIONS, type Reduction, checkReduction, reduce } from "./reduction";

export interface BCELossOptions {
  /** "mean" (default), "sum" or "none". */
  reduction?: Reduction;
  /** wᵢ, broadcast to the input's shape: a rescaling of each element's loss. */
  weight?: Tensor | number[];
}

/**
 * Binary cross-entropy of probabilities p against targets y ∈ [0, 1], as PyTorch's
 * `F.binary_cross_entropy` / `nn.BCELoss`:
 *
 * $$ \ell_i = -w_i \left[\, y_i \log p_i + (1 - y_i) \log(1 - p_i) \,\right], \qquad L_{\text{mean}} = \frac{1}{N}\sum_i \ell_i $$
 *
 * Both logs are clamped to ≥ −100 (as PyTorch), so p = 0 or 1 gives a finite loss
 * (100 per element at worst), and the gradient is PyTorch's
 * ∂ℓ/∂p = w(p − y) / max(p(1 − p), 10⁻¹²): finite even when a float32 sigmoid rounds to 1.
 * Mean divides by the number of elements N, not by Σw.
 *
 * Lecture 004 writes the mean form L = −(1/m)Σ[y ln ŷ + (1 − y) ln(1 − ŷ)] and, with
 * ŷ = σ(z), cancels σ′: ∂L/∂z = (1/m)(σ(z) − y). Its last line, ∂L/∂w = −(1/m)Σ(σ(z) − y)x,
 * has one minus sign too many: ∂L/∂w = +(1/m)Σ(σ(z) − y)x (gradient descent raises z when y = 1).
 * From logits, `bceWithLogitsLoss` is the stable form of sigmoid + this loss.
 *
 * Shapes: p and y the same shape `[*]`; the result is a scalar, or `[*]` for "none".
 *
 * @example nn.bceLoss(z.sigmoid(), y);   // y of 0s and 1s, same shape as z
 */
export function bceLoss(p: Tensor, y: Tensor, options: BCELossOptions = {}): Tensor {
  const reduction = checkReduction("bceLoss", options.reduction ?? "mean", REDUCTIONS);
  checkSameShape("bceLoss", p, y);
  checkProbabilities(p);
  const loss = binaryCrossEntropy(p, y); // −[y log p + (1 − y) log(1 − p)]
  if (options.weight === undefined) return reduce(loss, reduction);
  const w = checkWeightShape("bceLoss", "weight", asWeight(options.weight, floatOf(p.dtype)), p);
  return reduce(loss.mul(w), reduction); // ℓᵢ = wᵢ · (…)
}

/** `bceLoss` as a module: `new nn.BCELoss().forward(z.sigmoid(), y)`. */
export class BCELoss extends Module {
  readonly reduction: Reduction;
  readonly weight: Tensor | undefined;

  constructor(options: BCELossOptions = {}) {
    super();
    this.reduction = checkReduction("BCELoss", options.reduction ?? "mean", REDUCTIONS);
    const w = options.weight;
    this.weight = w === undefined ? undefined : this.registerBuffer("weight", asWeight(w));
  }

  override forward(input: Tensor, target?: Tensor): Tensor {
    const y = requireTarget("BCELoss", target);
    return bceLoss(input, y, { reduction: this.reduction, weight: this.weight });
  }
}

/** log x clamped to ≥ −100, as PyTorch's binary_cross_entropy. */
const clampedLog = (x: number): number => Math.max(Math.log(x), -100);

/** Elementwise −[y log p + (1 − y) log(1 − p)] with its backward beside it. */
function binaryCrossEntropy(p: Tensor, y: Tensor): Tensor {
  const out = allocate(floatOf(p.dtype), p.size);
  for (let i = 0; i < p.size; i++) {
    const [pi, yi] = [p.data[i], y.data[i]];
    out[i] = -(yi * clampedLog(pi) + (1 - yi) * clampedLog(1 - pi));
  }
  return record(new Tensor(out, p.shape), "BinaryCrossEntropyBackward", [p, y], (g) => {
    const gp = allocate(g.dtype, p.size);
    const gy = allocate(g.dtype, p.size);
    for (let i = 0; i < p.size; i++) {
      const [pi, yi] = [p.data[i], y.data[i]];
      gp[i] = (g.data[i] * (pi - yi)) / Math.max(pi * (1 - pi), 1e-12); // ∂ℓ/∂p = (p − y)/(p(1 − p))
      gy[i] = g.data[i] * (clampedLog(1 - pi) - clampedLog(pi)); // ∂ℓ/∂y = log(1 − p) − log p
    }
    return [
      p.requiresGrad ? new Tensor(gp, p.shape) : null,
      y.requiresGrad ? new Tensor(gy, p.shape) : null,
    ];
  });
}

/** p must be probabilities: a logit passed by mistake is the usual cause. */
function checkProbabilities(p: Tensor): void {
  for (let i = 0; i < p.size; i++) {
    const v = p.data[i];
    if (!(v >= 0 && v <= 1)) {
      throw new RangeError(
        `bceLoss: input must hold probabilities in [0, 1], got ${v} at ${positionOf(i, p.shape)}; apply sigmoid first, or pass the logits to bceWithLogitsLoss`,
      );
    }
  }
}
