import { allocate, floatOf } from "../../tensor/dtype";
import { formatShape } from "../../tensor/shape";
import { Tensor } from "../../tensor/tensor";
import { Module } from "../module";
import { requireTarget } from "./checks";
import { checkClassLabels, checkWeightVector, classWeights } from "./class_targets";
import { REDUCTIONS, type Reduction, checkReduction, reduce } from "./reduction";

export interface NLLLossOptions {
  /** "mean" (default: divides by Σ w_{yᵢ}), "sum" or "none". */
  reduction?: Reduction;
  /** w_c, one per class ([C]): a rare class can count more. */
  weight?: Tensor | number[];
  /** Samples with this label contribute 0 and are left out of the mean (default −100). */
  ignoreIndex?: number;
}

/**
 * Negative log-likelihood of the true class, from log-probabilities, as PyTorch's
 * `F.nll_loss` / `nn.NLLLoss`:
 *
 * $$ \ell_i = -w_{y_i} \log p_{i, y_i}, \qquad L_{\text{mean}} = \frac{\sum_i \ell_i}{\sum_i w_{y_i}} $$
 *
 * with w_c = 1 when no weight is given (then the mean divides by N); samples whose label
 * is `ignoreIndex` have ℓᵢ = 0 and are left out of both sums. The input is log p, usually
 * `z.logSoftmax(1)`: `nllLoss(z.logSoftmax(1), y)` is `crossEntropy(z, y)`, which also
 * takes probability targets and label smoothing.
 *
 * Shapes: logProbs `[N, C]`, target `[N]` of class indices; the result is a scalar, or `[N]` for "none".
 *
 * @example nn.nllLoss(z.logSoftmax(1), tensor([2, 0], { dtype: "int32" }));
 */
export function nllLoss(logProbs: Tensor, target: Tensor, options: NLLLossOptions = {}): Tensor {
  const where = "nllLoss";
  const { ignoreIndex = -100 } = options;
  const reduction = checkReduction(where, options.reduction ?? "mean", REDUCTIONS);
  const [N, C] = checkNLLShapes(logProbs, target);
  const labels = checkClassLabels(where, target, C, ignoreIndex);
  const w = classWeights(where, options.weight, C, floatOf(logProbs.dtype));
  const index = new Int32Array(N); // yᵢ, 0 for an ignored sample (its coefficient is 0)
  const coef = allocate(floatOf(logProbs.dtype), N); // w_{yᵢ}, 0 when ignored
  let total = 0; // Σ w_{yᵢ} over kept samples
  labels.forEach((y, i) => {
    const ignored = y === ignoreIndex;
    index[i] = ignored ? 0 : y;
    coef[i] = ignored ? 0 : w ? w.data[y] : 1;
    total += coef[i];
  });
  const picked = logProbs.gather(1, new Tensor(index, [N, 1])).reshape(N); // log p_{i, yᵢ}
  const loss = picked.mul(new Tensor(coef, [N])).neg(); // ℓᵢ = −w_{yᵢ} log p_{i, yᵢ}
  if (reduction !== "mean") return reduce(loss, reduction);
  return loss.sum().div(total); // Σℓᵢ / Σ w_{yᵢ}
}

/** `nllLoss` as a module: `new nn.NLLLoss({ weight: [1, 5] }).forward(z.logSoftmax(1), y)`. */
export class NLLLoss extends Module {
  readonly reduction: Reduction;
  readonly weight: Tensor | undefined;
  readonly ignoreIndex: number;

  constructor(options: NLLLossOptions = {}) {
    super();
    const { weight, ignoreIndex = -100 } = options;
    this.reduction = checkReduction("NLLLoss", options.reduction ?? "mean", REDUCTIONS);
    this.weight =
      weight === undefined
        ? undefined
        : this.registerBuffer("weight", checkWeightVector("NLLLoss", weight));
    this.ignoreIndex = ignoreIndex;
  }

  override forward(input: Tensor, target?: Tensor): Tensor {
    const { reduction, weight, ignoreIndex } = this;
    return nllLoss(input, requireTarget("NLLLoss", target), { reduction, weight, ignoreIndex });
  }
}

function checkNLLShapes(logProbs: Tensor, target: Tensor): [number, number] {
  if (logProbs.ndim !== 2) {
    throw new RangeError(
      `nllLoss: expected log-probabilities [N, C], got ${formatShape(logProbs.shape)}`,
    );
  }
  const [N, C] = logProbs.shape;
  if (target.ndim !== 1 || target.shape[0] !== N) {
    const hint =
      target.ndim === 2 && target.shape[1] === C
        ? "; for probability targets use crossEntropy"
        : "";
    throw new RangeError(
      `nllLoss: expected target [N] = [${N}] of class indices, got ${formatShape(target.shape)}${hint}`,
    );
  }
  return [N, C];
}
