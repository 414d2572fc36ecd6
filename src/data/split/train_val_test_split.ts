import { type PartitionOptions, partitionSamples } from "./partition";
import { checkSize, checkTotal, heldOutCount, isFraction, trainCount } from "./sizes";
import { type SplitInput, sampleCount } from "./splitter";

/** Options of `trainValTestSplit`. */
export interface TrainValTestSplitOptions extends PartitionOptions {
  /**
   * [train, val, test]: fractions in (0, 1) summing to ≤ 1, or counts ≥ 1 summing to ≤ n.
   * Default [0.6, 0.2, 0.2].
   */
  sizes?: readonly number[];
}

/** Sorted row indices of the three parts. */
export interface TrainValTestIndices {
  train: Int32Array;
  val: Int32Array;
  test: Int32Array;
}

/**
 * Training, validation and test sets in one call (lecture 002: split 60/20/20, or 98/1/1
 * when data is plentiful; lecture 000: train the weights on the training set, choose
 * hyperparameters on the validation set, report once on the test set).
 *
 * Rounding extends scikit-learn's `train_test_split` to three parts:
 *
 *     n_val = ⌈f_val · n⌉,  n_test = ⌈f_test · n⌉,
 *     n_train = n − n_val − n_test   if the fractions sum to 1,  else ⌊f_train · n⌋
 *
 * (n = 1000, [0.98, 0.01, 0.01] → 980 + 10 + 10; n = 7, [0.6, 0.2, 0.2] → 3 + 2 + 2).
 * Counts are taken as given. Without shuffling the parts are consecutive rows; with
 * `stratify: true` the first argument is the labels and each part keeps their ratios.
 *
 * @example const { train, val, test } = trainValTestSplit(1000, { sizes: [0.98, 0.01, 0.01], seed: 0 });
 */
export function trainValTestSplit(
  nOrLabels: SplitInput,
  options: TrainValTestSplitOptions = {},
): TrainValTestIndices {
  const where = "trainValTestSplit";
  const n = sampleCount(where, nOrLabels);
  const counts = resolveThreeWay(where, n, options.sizes ?? [0.6, 0.2, 0.2]);
  const [train, val, test] = partitionSamples(where, nOrLabels, counts, options);
  return { train, val, test };
}

/** [n_train, n_val, n_test] for n samples (see `trainValTestSplit`). */
function resolveThreeWay(where: string, n: number, sizes: readonly number[]): number[] {
  if (sizes.length !== 3) {
    throw new RangeError(`${where}: sizes must be [train, val, test], got ${sizes.length} numbers`);
  }
  ["train", "val", "test"].forEach((part, i) =>
    checkSize(where, `sizes[${i}] (${part})`, sizes[i]),
  );
  const nFractions = sizes.filter(isFraction).length;
  if (nFractions !== 0 && nFractions !== 3) {
    throw new RangeError(
      `${where}: sizes must be all fractions or all counts, got [${sizes.join(", ")}]`,
    );
  }
  const [fTrain, fVal, fTest] = sizes;
  const sum = fTrain + fVal + fTest;
  if (nFractions === 3 && sum > 1 + 1e-9) {
    throw new RangeError(
      `${where}: sizes [${sizes.join(", ")}] sum to ${+sum.toPrecision(12)}, more than 1; e.g. [0.6, 0.2, 0.2] or [0.98, 0.01, 0.01]`,
    );
  }
  const nVal = heldOutCount(fVal, n); // ⌈f_val · n⌉
  const nTest = heldOutCount(fTest, n); // ⌈f_test · n⌉
  const restToTrain = nFractions === 3 && Math.abs(sum - 1) <= 1e-9;
  const nTrain = restToTrain ? n - nVal - nTest : trainCount(fTrain, n);
  checkTotal(where, n, [nTrain, nVal, nTest], "sizes");
  return [nTrain, nVal, nTest];
}
