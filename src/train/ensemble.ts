import { Module } from "../nn/module";
import { formatShape } from "../tensor/shape";
import { oneHot } from "../tensor/indexing";
import type { Tensor } from "../tensor/tensor";

/** How an `Ensemble` combines its models: mean of outputs, or majority vote of predicted classes. */
export type EnsembleMode = "average" | "vote";

/**
 * k models that decide together (lecture 004, Bagging集成方法: 模型平均是减小泛化误差的一种
 * 可靠方法). With outputs f₁(x) … f_k(x):
 *
 * $$ \text{average: } \bar f(x) = \frac{1}{k} \sum_{j=1}^{k} f_j(x), \qquad \text{vote: } s_c(x) = \frac{1}{k} \sum_{j=1}^{k} [\arg\max f_j(x) = c] $$
 *
 * "average" suits regression (and averaging probabilities); "vote" returns each class's
 * share of the votes `[N, C]`, so its argmax (`accuracy` takes it) is the majority class,
 * ties going to the lower class index, as scikit-learn's hard voting. Shape: as one
 * model's output. Calling `eval()` / `train()` switches every member.
 *
 * @example const ens = new Ensemble([netA, netB, netC], "vote"); accuracy(ens.forward(X), y);
 */
export class Ensemble extends Module {
  /** Model j's bootstrap sample (training indices) when `bagging` built it; empty otherwise. */
  samples: Int32Array[] = [];

  constructor(
    readonly models: Module[],
    readonly mode: EnsembleMode,
  ) {
    super();
    if (
      !Array.isArray(models) ||
      models.length === 0 ||
      !models.every((m) => m instanceof Module)
    ) {
      throw new TypeError("Ensemble: models must be a non-empty array of Modules");
    }
    if (mode !== "average" && mode !== "vote") {
      throw new RangeError(
        `Ensemble: mode must be "average" or "vote", got ${JSON.stringify(mode)}`,
      );
    }
  }

  override forward(x: Tensor): Tensor {
    const k = this.models.length;
    const outputs = this.models.map((m) => m.forward(x));
    const terms = this.mode === "average" ? outputs : outputs.map((z) => votes(z));
    return terms.reduce((sum, t) => sum.add(t)).div(k); // (1/k) Σⱼ fⱼ(x)
  }
}

/** One model's vote: one-hot of its predicted class, `[N, C]`. */
function votes(z: Tensor): Tensor {
  if (z.ndim !== 2 || z.shape[1] < 2) {
    throw new RangeError(
      `Ensemble (vote): each model must output [N, C] class scores with C ≥ 2, got ${formatShape(z.shape)}; use mode "average" for regression`,
    );
  }
  return oneHot(z.argmax(1), z.shape[1], { dtype: z.dtype === "float32" ? "float32" : "float64" });
}
