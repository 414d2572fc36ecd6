import {
  type Split,
  type SplitInput,
  type Splitter,
  checkInteger,
  formatCount,
  sampleCount,
  splitFromVal,
} from "./splitter";

/** Options of `LeavePOut`. */
export interface LeavePOutOptions {
  /** Refuse to enumerate more splits than this (C(n, p) grows fast). Default 100,000. */
  maxSplits?: number;
}

/**
 * Leave-p-out cross-validation (lecture 000, exhaustive cross-validation): every set of
 * p samples validates once while the other n − p train, so there are
 *
 *     C(n, p) = n! / (p! (n − p)!)   splits,
 *
 * in lexicographic order of the validation set, as scikit-learn's `LeavePOut` (and
 * Python's `itertools.combinations`): p = 2, n = 4 → val [0,1], [0,2], [0,3], [1,2], [1,3], [2,3].
 * Validation sets overlap (unlike k-fold), and C(n, p) explodes: C(100, 3) = 161,700,
 * hence `maxSplits`. p = 1 is leave-one-out.
 *
 * @example new LeavePOut(2).split(4)                                 // 6 splits
 * @example new LeavePOut(3, { maxSplits: Infinity }).split(100)      // all 161,700
 */
export class LeavePOut implements Splitter {
  readonly p: number;
  readonly maxSplits: number;

  constructor(p: number, options: LeavePOutOptions = {}) {
    checkInteger("LeavePOut", "p", p, 1);
    const { maxSplits = 100_000 } = options;
    if (!(maxSplits >= 1) || !(Number.isInteger(maxSplits) || maxSplits === Infinity)) {
      throw new RangeError(
        `LeavePOut(${p}): maxSplits must be an integer ≥ 1 or Infinity, got ${maxSplits}`,
      );
    }
    this.p = p;
    this.maxSplits = maxSplits;
  }

  /** C(n, p) (rounded to the nearest double above 2⁵³). */
  getNSplits(input: SplitInput): number {
    return Number(binomial(sampleCount(`LeavePOut(${this.p})`, input), this.p));
  }

  split(input: SplitInput): IterableIterator<Split> {
    const { p, maxSplits } = this;
    const where = `LeavePOut(${p})`;
    const n = sampleCount(where, input);
    if (p >= n) {
      throw new RangeError(
        `${where}: p must be less than the number of samples (one left to train on), got n = ${n}`,
      );
    }
    const count = binomial(n, p);
    if (count > maxSplits) {
      throw new RangeError(
        `${where}: ${formatCount(count)} splits for n = ${n} exceed maxSplits = ${formatCount(maxSplits)}; pass { maxSplits: Infinity } to enumerate them anyway`,
      );
    }
    return combinations(n, p);
  }
}

/** C(n, p), exactly: Π_{i<p} (n − i)/(i + 1), each partial product an integer. */
function binomial(n: number, p: number): bigint {
  let c = 1n;
  for (let i = 0; i < p; i++) c = (c * BigInt(n - i)) / BigInt(i + 1);
  return c;
}

/** The p-subsets of 0…n−1 in lexicographic order, each as a split. */
function* combinations(n: number, p: number): IterableIterator<Split> {
  const c = Array.from({ length: p }, (_, i) => i); // first subset: 0, 1, …, p−1
  for (;;) {
    yield splitFromVal(n, c);
    let i = p - 1; // rightmost position that can still move right
    while (i >= 0 && c[i] === n - p + i) i--;
    if (i < 0) return;
    c[i]++;
    for (let j = i + 1; j < p; j++) c[j] = c[j - 1] + 1;
  }
}
