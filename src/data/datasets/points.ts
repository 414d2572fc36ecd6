import type { Generator } from "../../tensor/random";
import { Tensor } from "../../tensor/tensor";

/** A toy classification set: points and their class labels. */
export interface Points {
  /** The points, float64 [N, D] (D = 2 for the plane). */
  x: Tensor;
  /** Their classes 0…C−1, int32 [N]. */
  y: Tensor;
}

/**
 * Wraps N rows of D coordinates and their labels as tensors; with a generator, puts the
 * rows in a random order first (scikit-learn's `shuffle=True`), so that the classes
 * are mixed when the set is cut into mini-batches or folds without shuffling.
 */
export function toPoints(x: Float64Array, y: Int32Array, D: number, g?: Generator): Points {
  const N = y.length;
  if (g === undefined) return { x: new Tensor(x, [N, D]), y: new Tensor(y, [N]) };
  const order = g.permutation(N);
  const xs = new Float64Array(N * D);
  const ys = new Int32Array(N);
  order.forEach((from, to) => {
    xs.set(x.subarray(from * D, from * D + D), to * D);
    ys[to] = y[from];
  });
  return { x: new Tensor(xs, [N, D]), y: new Tensor(ys, [N]) };
}

/** Throws unless `n` is an integer ≥ `min`: `where: nPerClass must be an integer ≥ 1, got 2.5`. */
export function checkCount(where: string, name: string, n: number, min = 1): void {
  if (!Number.isInteger(n) || n < min) {
    throw new RangeError(`${where}: ${name} must be an integer ≥ ${min}, got ${n}`);
  }
}

/** Throws unless `noise` is a finite number ≥ 0. */
export function checkNoise(where: string, name: string, noise: number): void {
  if (!(noise >= 0) || !Number.isFinite(noise)) {
    throw new RangeError(`${where}: ${name} must be a finite number ≥ 0, got ${noise}`);
  }
}
