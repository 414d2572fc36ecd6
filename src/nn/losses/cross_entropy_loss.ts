import { floatOf } from "../../tensor/dtype";
import { formatShape } from "../../tensor/shape";
import { Tensor } from "../../tensor/tensor";
import { Module } from "../module";
import { requireTarget } from "./checks";
import { checkWeightVector, classWeights, labelTargets } from "./class_targets";
import {
  type SmoothingConvention,
  checkConvention,
  checkSmoothing,
  smoothLabels,
} from "./label_smoothing";
import { REDUCTIONS, type Reduction, checkReduction, reduce } from "./reduction";
import { softmaxCrossEntropy } from "./softmax_cross_entropy";

export interface CrossEntropyOptions {
  /** "mean" (default), "sum" or "none". */
  reduction?: Reduction;
  /** w_c, one per class ([C]); with class labels the mean divides by Σ w_{yᵢ}. */
  weight?: Tensor | number[];
  /** Class-label samples with this label contribute 0 and leave the mean (default −100). */
  ignoreIndex?: number;
  /** ε ∈ [0, 1) (default 0): how much target mass moves off the true class. */
  labelSmoothing?: number;
  /** "torch" (default: ε/K on every class) or "lecture" (lecture 002: ε/(K − 1) on each other class). */
  smoothing?: SmoothingConvention;
}

/**
 * Softmax cross-entropy from logits z, as PyTorch's `F.cross_entropy` / `nn.CrossEntropyLoss`:
 *
 * $$ \ell_i = -\sum_{c} w_c\, t_{ic} \log \mathrm{softmax}(z_i)_c, \qquad L_{\text{mean}} = \frac{\sum_i \ell_i}{\sum_i w_{y_i}} \ \text{(labels)}, \quad \frac{1}{N}\sum_i \ell_i \ \text{(probabilities)} $$
 *
 * The target t is one-hot of class labels yᵢ (then ℓᵢ = −w_{yᵢ} log p_{i,yᵢ}), or given
 * probabilities, optionally label-smoothed (`smoothLabels`). log softmax is computed stably
 * (z − max z − log Σ e^{z − max z}), so large logits never overflow. Without weights or
 * smoothing, ∂L/∂zᵢ = (softmax(zᵢ) − onehot(yᵢ)) / N for "mean".
 *
 * Lectures: 001 §1.6 (softmax regression) defines L(ŷ, y) = −Σⱼ yⱼ log ŷⱼ and J = (1/m)Σ L.
 * Its simplification (29), "L = −yᵢ log ŷᵢ = log ŷᵢ", drops a minus sign: with yᵢ = 1 it is
 * −log ŷᵢ ≥ 0 (minimising log ŷᵢ would drive the true class's probability to 0). Lecture 004 writes the same
 * mean L = −(1/m)Σ Σᵢ yᵢ ln ŷᵢ.
 *
 * Label smoothing: default PyTorch's `label_smoothing` (t = (1 − ε)·onehot + ε/K, ε/K on ALL
 * classes); `smoothing: "lecture"` is lecture 002's 1 − ε on the true class and ε/(K − 1) on
 * each other (K = 3, ε = 0.1, class 0 → [0.9, 0.05, 0.05]). Weights and ignored samples
 * apply to the smoothed target as in PyTorch.
 *
 * Shapes: logits `[N, C]`; target `[N]` of class indices (int32, or floats holding integers)
 * or `[N, C]` of probabilities; the result is a scalar, or `[N]` for "none".
 *
 * @example nn.crossEntropy(net.forward(x), y, { labelSmoothing: 0.1 });   // y: [N] labels
 */
export function crossEntropy(
  logits: Tensor,
  target: Tensor,
  options: CrossEntropyOptions = {},
): Tensor {
  const where = "crossEntropy";
  const { ignoreIndex = -100, labelSmoothing: epsilon = 0 } = options;
  const reduction = checkReduction(where, options.reduction ?? "mean", REDUCTIONS);
  const convention = checkConvention(where, options.smoothing ?? "torch");
  const [N, C] = checkLogits(logits);
  checkSmoothing(where, "labelSmoothing", epsilon, C, convention);
  const dtype = floatOf(logits.dtype);
  const w = classWeights(where, options.weight, C, dtype);
  const { t, kept, count } = isClassLabels(logits, target)
    ? labelTargets("crossEntropy", target, C, ignoreIndex, w, dtype)
    : { t: target.to(dtype), kept: null, count: N };
  let tSmooth = t;
  if (epsilon > 0) {
    tSmooth = smoothLabels(t, epsilon, { convention });
    if (kept) tSmooth = tSmooth.mul(kept); // an ignored sample keeps a zero target row
  }
  const wt = w ? tSmooth.mul(w) : tSmooth; // w_c · t_ic
  const loss = softmaxCrossEntropy(logits, wt); // ℓᵢ = −Σ_c w_c t_ic log p_ic
  return reduction === "mean" ? loss.sum().div(count) : reduce(loss, reduction);
}

/** `crossEntropy` as a module: `new nn.CrossEntropyLoss({ labelSmoothing: 0.1 }).forward(z, y)`. */
export class CrossEntropyLoss extends Module {
  readonly reduction: Reduction;
  readonly weight: Tensor | undefined;
  readonly ignoreIndex: number;
  readonly labelSmoothing: number;
  readonly smoothing: SmoothingConvention;

  constructor(options: CrossEntropyOptions = {}) {
    super();
    const where = "CrossEntropyLoss";
    const { weight, ignoreIndex = -100, labelSmoothing = 0 } = options;
    this.reduction = checkReduction(where, options.reduction ?? "mean", REDUCTIONS);
    this.smoothing = checkConvention(where, options.smoothing ?? "torch");
    checkSmoothing(where, "labelSmoothing", labelSmoothing, Infinity, this.smoothing);
    this.weight =
      weight === undefined
        ? undefined
        : this.registerBuffer("weight", checkWeightVector(where, weight));
    this.ignoreIndex = ignoreIndex;
    this.labelSmoothing = labelSmoothing;
  }

  override forward(input: Tensor, target?: Tensor): Tensor {
    const { reduction, weight, ignoreIndex, labelSmoothing, smoothing } = this;
    const y = requireTarget("CrossEntropyLoss", target);
    return crossEntropy(input, y, { reduction, weight, ignoreIndex, labelSmoothing, smoothing });
  }
}

function checkLogits(logits: Tensor): [number, number] {
  if (logits.ndim !== 2) {
    const hint = logits.ndim === 1 ? "; for one sample use logits.unsqueeze(0)" : "";
    throw new RangeError(
      `crossEntropy: expected logits [N, C], got ${formatShape(logits.shape)}${hint}`,
    );
  }
  return [logits.shape[0], logits.shape[1]];
}

/** [N] → class labels, [N, C] → probabilities; anything else is explained. */
function isClassLabels(logits: Tensor, target: Tensor): boolean {
  const [N, C] = logits.shape;
  if (target.ndim === 1 && target.shape[0] === N) return true;
  if (target.ndim === 2 && target.shape[0] === N && target.shape[1] === C) return false;
  const hint =
    target.ndim === 2 && target.shape[1] === 1
      ? "; for labels of shape [N, 1] use target.squeeze(1)"
      : "";
  throw new RangeError(
    `crossEntropy: expected target [N] = [${N}] of class indices or [N, C] = [${N}, ${C}] of probabilities, got ${formatShape(target.shape)}${hint}`,
  );
}
