import type { Generator } from "../../tensor/random";
import { FoldSplitter } from "./fold_splitter";
import type { ShuffleOptions } from "./shuffling";
import { type Split, type SplitInput, indicesWhere, labelsOf, splitFromVal } from "./splitter";

/**
 * K-fold cross-validation whose folds keep the class ratios of the labels, so that a
 * rare class is not missing from a validation fold. scikit-learn's `StratifiedKFold`
 * algorithm, step for step, so unshuffled folds are identical to scikit-learn's:
 *
 *   1. number the classes in order of first appearance in y (0, 1, …, C−1);
 *   2. deal the sorted codes round robin to the k folds: a_{i,c} = #{ j ≡ i (mod k) :
 *      sorted(y)_j = c } samples of class c go to fold i (each fold within one of
 *      n_c / k);
 *   3. class c's samples, in index order, get fold numbers 0…0 (a_{0,c} times), 1…1, …;
 *      with `shuffle: true` those fold numbers are shuffled within the class.
 *
 * Differs from scikit-learn: a class with fewer than k samples is an error here
 * (scikit-learn only warns, and errors only when every class is that small), since
 * some validation folds would not contain it. Shuffled folds use nnlab's generator.
 *
 * @example new StratifiedKFold(2).split([0, 0, 0, 1, 1, 0])  // val [0, 1, 3], then [2, 4, 5]
 */
export class StratifiedKFold extends FoldSplitter {
  constructor(k: number, options: ShuffleOptions = {}) {
    super("StratifiedKFold", k, options);
  }

  /** The k splits of the samples with class `labels` (an array or a [N] tensor). */
  split(labels: SplitInput): IterableIterator<Split> {
    const y = labelsOf(this.where, labels);
    this.checkEnough(y.length);
    return foldsOf(testFolds(y, this.nSplits, this.generator()), this.nSplits);
  }
}

/** The fold each sample validates in (steps 1–3 of `StratifiedKFold`). */
function testFolds(y: number[], k: number, g: Generator | null): Int32Array {
  const codeOf = new Map<number, number>(); // step 1: codes by first appearance
  for (const label of y) if (!codeOf.has(label)) codeOf.set(label, codeOf.size);
  const yCode = y.map((label) => codeOf.get(label)!);
  const counts = new Array<number>(codeOf.size).fill(0);
  for (const c of yCode) counts[c]++;
  const [label, count] = smallestClass(codeOf, counts);
  if (count < k) {
    throw new RangeError(
      `StratifiedKFold: ${k} splits need at least ${k} samples of every class, got ${count} of class ${label}; use k ≤ ${count}, or KFold`,
    );
  }
  const allocation = Array.from({ length: k }, () => new Array<number>(codeOf.size).fill(0));
  const sorted = [...yCode].sort((a, b) => a - b);
  sorted.forEach((c, j) => allocation[j % k][c]++); // step 2: a_{i,c}, round robin
  const fold = new Int32Array(y.length);
  for (let c = 0; c < codeOf.size; c++) {
    const foldsForClass = allocation.flatMap((a, i) => new Array<number>(a[c]).fill(i)); // step 3
    const order = g === null ? null : g.permutation(foldsForClass.length);
    let j = 0;
    yCode.forEach((code, idx) => {
      if (code === c) fold[idx] = foldsForClass[order === null ? j++ : order[j++]];
    });
  }
  return fold;
}

/** The label and size of the least populated class (the first such, in order of appearance). */
function smallestClass(codeOf: Map<number, number>, counts: number[]): [number, number] {
  let best: [number, number] = [NaN, Infinity];
  for (const [label, c] of codeOf) if (counts[c] < best[1]) best = [label, counts[c]];
  return best;
}

function* foldsOf(fold: Int32Array, k: number): IterableIterator<Split> {
  for (let i = 0; i < k; i++) yield splitFromVal(fold.length, indicesWhere(fold, i));
}
