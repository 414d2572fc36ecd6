import { orderOf } from "./partition";
import { FoldSplitter } from "./fold_splitter";
import type { ShuffleOptions } from "./shuffling";
import { type Split, type SplitInput, sampleCount, splitFromVal } from "./splitter";

/**
 * K-fold cross-validation (lecture 000 and lecture 004 §交叉验证): cut the n samples into
 * k folds; each fold validates once while the other k − 1 train, and the k scores are
 * averaged,  MSE = (1/k) Σ_i MSE_i.
 *
 * Fold sizes are scikit-learn's: the first n mod k folds get one sample more,
 *
 *     n_i = ⌊n/k⌋ + 1  for i < n mod k,   n_i = ⌊n/k⌋  otherwise,
 *
 * and fold i holds rows s_i … s_i + n_i − 1 of the order: 0…n−1 (contiguous folds, the
 * default, identical to scikit-learn's `KFold(k)`), or a random permutation with
 * `shuffle: true` (nnlab's generator, so not scikit-learn's folds for the same seed).
 * Both index arrays are sorted. LeaveOneOut is KFold with k = n.
 *
 * @example for (const { train, val } of new KFold(2).split(5)) console.log(val);
 *          // val [0, 1, 2] (train [3, 4]), then val [3, 4] (train [0, 1, 2])
 * @example new KFold(5, { shuffle: true, seed: 0 }).split(x)  // n = x.shape[0]
 */
export class KFold extends FoldSplitter {
  constructor(k: number, options: ShuffleOptions = {}) {
    super("KFold", k, options);
  }

  /** The k splits of n = `input` samples (a count, labels, or x [N, …]). */
  split(input: SplitInput): IterableIterator<Split> {
    const n = sampleCount("KFold", input);
    this.checkEnough(n);
    return folds(orderOf(n, this.generator()), this.nSplits);
  }
}

function* folds(order: Int32Array, k: number): IterableIterator<Split> {
  const n = order.length;
  let start = 0;
  for (let i = 0; i < k; i++) {
    const size = Math.floor(n / k) + (i < n % k ? 1 : 0); // n_i
    yield splitFromVal(n, order.subarray(start, start + size));
    start += size;
  }
}
