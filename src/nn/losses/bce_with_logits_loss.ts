import { floatOf } from "../../tensor/dtype";
import type { Tensor } from "../../tensor/tensor";
import { Module } from "../module";
import { asWeight, checkSameShape, checkWeightShape, requireTarget } from "./checks";
import { REDUCTIONS, type Reduction, checkReduction, reduce } from "./reduction";

export interface BCEWithLogitsLossOptions {
  /** "mean" (default), "sum" or "none". */
  reduction?: Reduction;
  /** wᵢ, broadcast to the input's shape: a rescaling of each element's loss. */
  weight?: Tensor | number | number[];
  /** p_c, weight of the positive term, broadcast along the last axis ([C] for C labels): > 1 raises recall. */
  posWeight?: Tensor | number | number[];
}

/**
 * Sigmoid and binary cross-entropy in one stable step, from logits z, as PyTorch's
 * `F.binary_cross_entropy_with_logits` / `nn.BCEWithLogitsLoss`:
 *
 * $$ \ell_i = -w_i \left[\, p_c\, y_i \log \sigma(z_i) + (1 - y_i) \log(1 - \sigma(z_i)) \,\right] $$
 *
 * computed without forming σ(z), using log σ(z) = −log(1 + e^{−z}) and
 * log(1 − σ(z)) = −z − log(1 + e^{−z}):
 *
 * $$ \ell_i = w_i \left[\, (1 - y_i)\, z_i + (1 + (p_c - 1)\, y_i) \log(1 + e^{-z_i}) \,\right], \qquad \log(1 + e^{-z}) = \max(-z, 0) + \log(1 + e^{-|z|}) $$
 *
 * Without `posWeight` (p_c = 1) this is the familiar max(z, 0) − z·y + log(1 + e^{−|z|}):
 * no exponential of a large positive number, so z = ±800 gives 800 or 0, not NaN.
 * The gradient is ∂ℓ/∂z = w[(1 − y) − (1 + (p_c − 1)y) σ(−z)], i.e. σ(z) − y for p_c = w = 1 —
 * no σ′(z) factor, so a saturated wrong output still learns (lecture 004). At z = 0 the
 * kinks of max and |·| cancel (max splits a tie ½–½, |·|′(0) = 0), giving σ(0) − y exactly.
 *
 * Shapes: z and y the same shape `[*]`; the result is a scalar, or `[*]` for "none".
 *
 * @example nn.bceWithLogitsLoss(net.forward(x).squeeze(1), y);   // y ∈ {0, 1}, shape [N]
 */
export function bceWithLogitsLoss(
  z: Tensor,
  y: Tensor,
  options: BCEWithLogitsLossOptions = {},
): Tensor {
  const where = "bceWithLogitsLoss";
  const reduction = checkReduction(where, options.reduction ?? "mean", REDUCTIONS);
  checkSameShape(where, z, y);
  const dtype = floatOf(z.dtype);
  // log(1 + e^{−z}) = max(−z, 0) + log(1 + e^{−|z|})
  const softplusNegZ = z.neg().maximum(0).add(z.abs().neg().exp().add(1).log());
  let positive = softplusNegZ; // −log σ(z)
  if (options.posWeight !== undefined) {
    const pc = checkWeightShape(where, "posWeight", asWeight(options.posWeight, dtype), z);
    positive = softplusNegZ.mul(y.mul(pc.sub(1)).add(1)); // (1 + (p_c − 1)y)·log(1 + e^{−z})
  }
  let loss = y.neg().add(1).mul(z).add(positive); // ℓ = (1 − y)z + …
  if (options.weight !== undefined) {
    loss = loss.mul(checkWeightShape(where, "weight", asWeight(options.weight, dtype), z)); // wᵢ·ℓᵢ
  }
  return reduce(loss, reduction);
}

/** `bceWithLogitsLoss` as a module: `new nn.BCEWithLogitsLoss({ posWeight: [3] }).forward(z, y)`. */
export class BCEWithLogitsLoss extends Module {
  readonly reduction: Reduction;
  readonly weight: Tensor | undefined;
  readonly posWeight: Tensor | undefined;

  constructor(options: BCEWithLogitsLossOptions = {}) {
    super();
    const { weight, posWeight } = options;
    this.reduction = checkReduction("BCEWithLogitsLoss", options.reduction ?? "mean", REDUCTIONS);
    this.weight =
      weight === undefined ? undefined : this.registerBuffer("weight", asWeight(weight));
    this.posWeight =
      posWeight === undefined ? undefined : this.registerBuffer("posWeight", asWeight(posWeight));
  }

  override forward(input: Tensor, target?: Tensor): Tensor {
    const y = requireTarget("BCEWithLogitsLoss", target);
    const { reduction, weight, posWeight } = this;
    return bceWithLogitsLoss(input, y, { reduction, weight, posWeight });
  }
}
