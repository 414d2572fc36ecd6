import { Tensor } from "../../tensor/tensor";
import { formatShape } from "../../tensor/shape";

/**
 * What every splitter yields: the row indices to train on and the row indices held out
 * to validate on, each sorted ascending, disjoint, together a subset of 0…n−1
 * (all of it for the k-fold family). Apply them with `take(x, train)`.
 */
export interface Split {
  train: Int32Array;
  val: Int32Array;
}

/**
 * What `split()` takes: the number of samples n, the labels (needed by stratified
 * splitters), or a tensor whose first axis runs over the samples (x [N, …] or y [N]).
 */
export type SplitInput = number | ArrayLike<number> | Tensor;

/**
 * One interface for every way of holding data out (lecture 000, "Cross-validation"):
 * options in the constructor, a generator `split(n | labels)` of `{ train, val }`.
 *
 * `getNSplits(input)` is scikit-learn's `get_n_splits(X)`: how many splits `split(input)`
 * yields. It needs the data only where the count does (LeaveOneOut: n, LeavePOut: C(n, p));
 * the k-fold family and MonteCarloCV also have a fixed `nSplits`.
 */
export interface Splitter {
  getNSplits(input: SplitInput): number;
  split(input: SplitInput): IterableIterator<Split>;
}

/** The number of samples n in `input` (a count, the length of the labels, or x.shape[0]). */
export function sampleCount(where: string, input: SplitInput): number {
  if (typeof input === "number") {
    if (!Number.isInteger(input) || input < 0) {
      throw new RangeError(`${where}: the number of samples must be an integer ≥ 0, got ${input}`);
    }
    return input;
  }
  if (input instanceof Tensor) {
    if (input.ndim === 0) {
      throw new RangeError(
        `${where}: expected samples along axis 0, got a scalar tensor []; pass x [N, …], y [N] or n`,
      );
    }
    return input.shape[0];
  }
  return input.length;
}

/** The labels in `input` as plain numbers; a count or a tensor that is not [N] is refused. */
export function labelsOf(where: string, input: SplitInput): number[] {
  if (typeof input === "number") {
    throw new TypeError(
      `${where}: needs the class labels to stratify, got only n = ${input}; pass y (an array or a [N] tensor)`,
    );
  }
  if (input instanceof Tensor) {
    if (input.ndim !== 1) {
      throw new RangeError(
        `${where}: expected labels [N], got ${formatShape(input.shape)}; pass class indices (y.argmax(1) for one-hot rows)`,
      );
    }
    return Array.from(input.data, Number);
  }
  return Array.from(input);
}

/** The split with validation indices `val` (any order): val sorted, train = the rest of 0…n−1. */
export function splitFromVal(n: number, val: ArrayLike<number>): Split {
  const isVal = new Uint8Array(n);
  for (let j = 0; j < val.length; j++) isVal[val[j]] = 1;
  return { train: indicesWhere(isVal, 0), val: indicesWhere(isVal, 1) };
}

/** The sorted positions i with mask[i] === value. */
export function indicesWhere(mask: ArrayLike<number>, value: number): Int32Array {
  let count = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] === value) count++;
  const out = new Int32Array(count);
  for (let i = 0, j = 0; i < mask.length; i++) if (mask[i] === value) out[j++] = i;
  return out;
}

/** Throws unless `k` is an integer ≥ `min`: `KFold: k must be an integer ≥ 2, got 1`. */
export function checkInteger(where: string, name: string, k: number, min: number): void {
  if (!Number.isInteger(k) || k < min) {
    throw new RangeError(`${where}: ${name} must be an integer ≥ ${min}, got ${k}`);
  }
}

/** A count with thousands separators, as the error messages print it: 161,700. */
export function formatCount(n: number | bigint): string {
  return n.toLocaleString("en-US");
}
