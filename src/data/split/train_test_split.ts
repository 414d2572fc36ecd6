import { type PartitionOptions, partitionSamples } from "./partition";
import { resolveTwoWay } from "./sizes";
import { type SplitInput, sampleCount } from "./splitter";

/** Options of `trainTestSplit`. */
export interface TrainTestSplitOptions extends PartitionOptions {
  /** Fraction in (0, 1) or count of samples to test on. Default 0.25 (the rest if trainSize is given). */
  testSize?: number;
  /** Fraction in (0, 1) or count of samples to train on. Default: the rest. */
  trainSize?: number;
}

/** Sorted row indices of the two parts. */
export interface TrainTestIndices {
  train: Int32Array;
  test: Int32Array;
}

/**
 * Holds out a test set once (lecture 000: training vs. test data; the holdout method).
 * scikit-learn's `train_test_split`, returning indices rather than arrays:
 *
 *     n_test = ⌈testSize · n⌉,   n_train = ⌊trainSize · n⌋  (or n − n_test if not given)
 *
 * sizes as scikit-learn (n = 10 → 7 + 3 by default; see `sizes.ts` for the rounding).
 * Without shuffling, train = the first n_train rows and test the next n_test. With
 * `stratify: true` the first argument is the labels and both parts keep their class
 * ratios (scikit-learn's `stratify=y`; it needs shuffling, as there).
 *
 * Shuffled splits use nnlab's generator, so they differ from scikit-learn's for the same
 * seed; the sizes and per-class counts agree. Both index arrays are sorted ascending
 * (scikit-learn returns them in shuffled order); a DataLoader shuffles the batches.
 *
 * @example const { train, test } = trainTestSplit(100, { testSize: 0.2, seed: 0 });  // 80 + 20
 * @example const { train, test } = trainTestSplit(y, { stratify: true, seed: 0 });
 *          const xTrain = take(x, train), yTrain = take(y, train);
 */
export function trainTestSplit(
  nOrLabels: SplitInput,
  options: TrainTestSplitOptions = {},
): TrainTestIndices {
  const where = "trainTestSplit";
  const n = sampleCount(where, nOrLabels);
  const sizes = resolveTwoWay(where, n, {
    heldName: "testSize",
    held: options.testSize,
    train: options.trainSize,
    defaultHeld: 0.25,
  });
  const [train, test] = partitionSamples(where, nOrLabels, sizes, options);
  return { train, test };
}
