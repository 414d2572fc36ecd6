import { type FloatDType, allocate } from "../../tensor/dtype";
import { formatShape } from "../../tensor/shape";
import { Tensor } from "../../tensor/tensor";
import { asWeight } from "./checks";

/**
 * Class-index targets and per-class weights, shared by `nllLoss` and `crossEntropy`:
 * labels yᵢ ∈ {0, …, C − 1} (int32, or floats holding integers), where the value
 * `ignoreIndex` (PyTorch's default −100) marks a sample that contributes nothing.
 */

/** The labels as integers, after checking each is a class index or `ignoreIndex`. */
export function checkClassLabels(
  where: string,
  target: Tensor,
  C: number,
  ignoreIndex: number,
): Int32Array {
  if (!Number.isInteger(ignoreIndex)) {
    throw new RangeError(`${where}: ignoreIndex must be an integer, got ${ignoreIndex}`);
  }
  const labels = new Int32Array(target.size);
  for (let i = 0; i < target.size; i++) {
    const y = target.data[i];
    const isClass = Number.isInteger(y) && y >= 0 && y < C;
    if (!isClass && y !== ignoreIndex) {
      throw new RangeError(
        `${where}: label ${y} at position ${i} is not a class index in [0, ${C - 1}]`,
      );
    }
    labels[i] = y;
  }
  return labels;
}

/** Per-class weights w_c as a [C] tensor of `dtype`, or null when none were given. */
export function classWeights(
  where: string,
  weight: Tensor | number[] | undefined,
  C: number,
  dtype: FloatDType,
): Tensor | null {
  if (weight === undefined) return null;
  const w = asWeight(weight, dtype);
  if (w.ndim !== 1 || w.shape[0] !== C) {
    throw new RangeError(
      `${where}: weight must hold one value per class, expected [${C}], got ${formatShape(w.shape)}`,
    );
  }
  return w.dtype === dtype ? w : w.to(dtype);
}

/** A loss module's per-class weight, checked in its constructor (C is known only at forward). */
export function checkWeightVector(where: string, weight: Tensor | number[]): Tensor {
  const w = asWeight(weight);
  if (w.ndim !== 1) {
    throw new RangeError(
      `${where}: weight must hold one value per class, shape [C], got ${formatShape(w.shape)}`,
    );
  }
  return w;
}

/**
 * One-hot rows t of `dtype` for labels (zero rows for ignored samples), the kept-sample mask [N, 1],
 * and the mean's denominator Σ w_{yᵢ} over kept samples (their count without weights).
 */
export function labelTargets(
  where: string,
  target: Tensor,
  C: number,
  ignoreIndex: number,
  w: Tensor | null,
  dtype: FloatDType,
): { t: Tensor; kept: Tensor; count: number } {
  const labels = checkClassLabels(where, target, C, ignoreIndex);
  const N = labels.length;
  const t = allocate(dtype, N * C);
  const kept = allocate(dtype, N);
  let count = 0;
  labels.forEach((y, i) => {
    if (y === ignoreIndex) return;
    t[i * C + y] = 1;
    kept[i] = 1;
    count += w ? w.data[y] : 1;
  });
  return { t: new Tensor(t, [N, C]), kept: new Tensor(kept, [N, 1]), count };
}
