import type { Tensor } from "../../tensor/tensor";

/**
 * How a loss turns the per-element losses ℓᵢ into what `backward()` starts from
 * (PyTorch's `reduction`):
 *
 * $$ \text{mean: } \frac{1}{N}\sum_i \ell_i \qquad \text{sum: } \sum_i \ell_i \qquad \text{none: } (\ell_1, \dots, \ell_N) $$
 *
 * Default "mean", as PyTorch. `mseLoss` adds "halfSum" (½Σℓᵢ, lecture 004) and
 * `perceptronLoss` defaults to "sum" (lecture 004); weighted cross-entropy divides by
 * Σ wᵧᵢ instead of N (see `crossEntropy`).
 */
export type Reduction = "mean" | "sum" | "none";

export const REDUCTIONS: readonly Reduction[] = ["mean", "sum", "none"];

/** Checks an option against the reductions `where` accepts, or explains. */
export function checkReduction<R extends string>(
  where: string,
  reduction: unknown,
  allowed: readonly R[],
): R {
  if (typeof reduction === "string" && (allowed as readonly string[]).includes(reduction)) {
    return reduction as R;
  }
  const list = allowed.map((r) => JSON.stringify(r)).join(", ");
  throw new RangeError(
    `${where}: reduction must be one of ${list}, got ${JSON.stringify(reduction)}`,
  );
}

/** Applies "mean", "sum" or "none" to per-element losses ℓ. */
export function reduce(loss: Tensor, reduction: Reduction): Tensor {
  if (reduction === "none") return loss;
  return reduction === "sum" ? loss.sum() : loss.mean();
}
