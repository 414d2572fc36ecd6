import type { Tensor } from "../../tensor/tensor";

/**
 * The rows of `x` at `indices`, in that order: `take(x, train)` = x[train] in NumPy.
 * Applies a split to a dataset; a thin name for `x.indexSelect(0, indices)`, so the
 * gradient flows back to the picked rows if `x` requires one.
 *
 * Shape: [N, …] → [indices.length, …].
 *
 * @example const { train, test } = trainTestSplit(y, { stratify: true, seed: 0 });
 *          const xTrain = take(x, train), yTrain = take(y, train);
 */
export function take(x: Tensor, indices: ArrayLike<number> | Tensor): Tensor {
  return x.indexSelect(0, indices);
}
