import { type Split, type SplitInput, type Splitter, sampleCount, splitFromVal } from "./splitter";

/**
 * Leave-one-out cross-validation (lecture 000, lecture 004): each of the n samples
 * validates alone while the other n − 1 train; n models, n scores, averaged.
 * Exhaustive and free of chance, but n trainings. The same folds as `KFold(n)` and
 * `LeavePOut(1)`, and as scikit-learn's `LeaveOneOut`.
 *
 * @example [...new LeaveOneOut().split(3)].map((s) => s.val)  // [0], [1], [2]
 */
export class LeaveOneOut implements Splitter {
  /** n: one split per sample. */
  getNSplits(input: SplitInput): number {
    return sampleCount("LeaveOneOut", input);
  }

  split(input: SplitInput): IterableIterator<Split> {
    const n = sampleCount("LeaveOneOut", input);
    if (n < 2) {
      throw new RangeError(`LeaveOneOut: needs at least 2 samples (one to train on), got ${n}`);
    }
    return leaveEachOut(n);
  }
}

function* leaveEachOut(n: number): IterableIterator<Split> {
  for (let i = 0; i < n; i++) yield splitFromVal(n, [i]);
}
