import { formatShape } from "../../tensor/shape";
import type { Tensor } from "../../tensor/tensor";

/** Who spreads ε how: "torch" (ε/K to every class) or "lecture" (ε/(K − 1) to each other class, lecture 002). */
export type SmoothingConvention = "torch" | "lecture";

export interface SmoothLabelsOptions {
  /** "torch" (default, PyTorch's `label_smoothing`) or "lecture" (lecture 002). */
  convention?: SmoothingConvention;
}

/**
 * Label smoothing: soften target distributions t over K classes (the last axis) so that
 * the network is not pushed towards infinitely confident logits.
 *
 * $$ \text{torch: } \tilde t = (1 - \varepsilon)\, t + \frac{\varepsilon}{K} \qquad \text{lecture: } \tilde t = (1 - \varepsilon)\, t + \frac{\varepsilon}{K - 1}(1 - t) $$
 *
 * For a one-hot t with K = 3, ε = 0.1 and class 0:
 * torch → [0.9333, 0.0333, 0.0333] (1 − ε + ε/K on the true class);
 * lecture → [0.9, 0.05, 0.05] (exactly 1 − ε on the true class).
 *
 * Convention: default "torch", PyTorch's `label_smoothing` (ε/K spread over ALL classes,
 * the true one included; Szegedy et al. 2016). `convention: "lecture"` is lecture 002's
 * [ε/(K−1), 1 − ε, ε/(K−1), …] and its `smooth_one_hot` code. Both keep rows summing to 1,
 * and they are the same family: lecture ε = torch ε·K/(K − 1) (lecture 0.1 ≡ torch 0.15 for K = 3).
 *
 * Shape: `[*, K] → [*, K]`.
 *
 * @example nn.smoothLabels(oneHot([0], 3), 0.1, { convention: "lecture" });  // [[0.9, 0.05, 0.05]]
 */
export function smoothLabels(
  t: Tensor,
  epsilon: number,
  options: SmoothLabelsOptions = {},
): Tensor {
  const convention = checkConvention("smoothLabels", options.convention ?? "torch");
  if (t.ndim === 0) {
    throw new RangeError(
      `smoothLabels: expected targets [*, K], got a scalar ${formatShape(t.shape)}`,
    );
  }
  const K = t.shape[t.ndim - 1];
  checkSmoothing("smoothLabels", "epsilon", epsilon, K, convention);
  const tf = t.dtype === "float32" || t.dtype === "float64" ? t : t.to("float64");
  if (convention === "torch") return tf.mul(1 - epsilon).add(epsilon / K); // (1 − ε)t + ε/K
  return tf.mul(1 - epsilon).add(
    tf
      .neg()
      .add(1)
      .mul(epsilon / (K - 1)),
  ); // (1 − ε)t + ε/(K−1)·(1 − t)
}

/** ε ∈ [0, 1), and the lecture's ε/(K − 1) needs K ≥ 2. */
export function checkSmoothing(
  where: string,
  name: string,
  epsilon: number,
  K: number,
  convention: SmoothingConvention,
): void {
  if (typeof epsilon !== "number" || !(epsilon >= 0 && epsilon < 1)) {
    throw new RangeError(`${where}: ${name} must be in [0, 1), got ${epsilon}`);
  }
  if (convention === "lecture" && epsilon > 0 && K < 2) {
    throw new RangeError(
      `${where}: lecture label smoothing gives ε/(K − 1) to each other class and needs K ≥ 2 classes, got K = ${K}`,
    );
  }
}

export function checkConvention(where: string, convention: unknown): SmoothingConvention {
  if (convention === "torch" || convention === "lecture") return convention;
  throw new RangeError(
    `${where}: smoothing convention must be "torch" or "lecture", got ${JSON.stringify(convention)}`,
  );
}
