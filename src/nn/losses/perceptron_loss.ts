import { floatOf } from "../../tensor/dtype";
import type { Tensor } from "../../tensor/tensor";
import { Module } from "../module";
import { checkSameShape, positionOf, requireTarget } from "./checks";
import { REDUCTIONS, type Reduction, checkReduction, reduce } from "./reduction";

export interface PerceptronLossOptions {
  /** "sum" (default, lecture 004), "mean" or "none". */
  reduction?: Reduction;
}

/**
 * The perceptron loss of lecture 004 (感知机): for scores sᵢ = wᵀxᵢ + b and labels
 * yᵢ ∈ {−1, +1}, the total "distance" of the misclassified points M from the hyperplane:
 *
 * $$ L(\mathbf w, b) = -\sum_{i \in M} y_i\, s_i = \sum_i \max(0, -y_i s_i), \qquad M = \{\, i : y_i s_i \le 0 \,\} $$
 *
 * Its (sub)gradient through autodiff is lecture 004's ∂L/∂sᵢ = −yᵢ for i ∈ M, 0 otherwise,
 * so with s = Xw + b: ∇_w L = −Σ_{M} yᵢxᵢ, ∇_b L = −Σ_{M} yᵢ, and one SGD step on a
 * misclassified point is the perceptron update w ← w + αyᵢxᵢ, b ← b + αyᵢ.
 *
 * Convention: a point on the hyperplane (yᵢsᵢ = 0) counts as misclassified. Its loss is 0
 * either way, but it gets the gradient −yᵢ, as the classic algorithm updates when
 * yᵢsᵢ ≤ 0: from w = 0, b = 0 (every sᵢ = 0) training starts instead of stalling. The
 * lecture writes M as the points with −yᵢsᵢ > 0 and H(x) = sign(s) with sign(0) = +1.
 * Default reduction "sum", as the lecture (PyTorch has no perceptron loss).
 *
 * Shapes: scores and y the same shape (`[N]`); the result is a scalar, or `[N]` for "none".
 *
 * @example nn.perceptronLoss(X.matmul(w).add(b), y);   // y of −1 and +1, shape [N]
 */
export function perceptronLoss(
  scores: Tensor,
  y: Tensor,
  options: PerceptronLossOptions = {},
): Tensor {
  const reduction = checkReduction("perceptronLoss", options.reduction ?? "sum", REDUCTIONS);
  checkSameShape("perceptronLoss", scores, y);
  checkSignLabels(y);
  const margin = scores.mul(y); // yᵢ sᵢ
  const misclassified = margin.le(0).to(floatOf(scores.dtype)); // [i ∈ M], no gradient
  const loss = margin.mul(misclassified).neg(); // ℓᵢ = −yᵢ sᵢ on M, 0 elsewhere
  return reduce(loss, reduction);
}

/** `perceptronLoss` as a module: `new nn.PerceptronLoss().forward(scores, y)`. */
export class PerceptronLoss extends Module {
  readonly reduction: Reduction;

  constructor(options: PerceptronLossOptions = {}) {
    super();
    this.reduction = checkReduction("PerceptronLoss", options.reduction ?? "sum", REDUCTIONS);
  }

  override forward(input: Tensor, target?: Tensor): Tensor {
    const y = requireTarget("PerceptronLoss", target);
    return perceptronLoss(input, y, { reduction: this.reduction });
  }
}

/** Labels are −1 or +1; 0/1 labels are the usual mistake. */
function checkSignLabels(y: Tensor): void {
  for (let i = 0; i < y.size; i++) {
    const v = y.data[i];
    if (v !== 1 && v !== -1) {
      throw new RangeError(
        `perceptronLoss: labels must be −1 or +1, got ${v} at ${positionOf(i, y.shape)}; map 0/1 labels with y.mul(2).sub(1)`,
      );
    }
  }
}
