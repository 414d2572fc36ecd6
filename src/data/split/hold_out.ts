import { type PartitionOptions, partitionSamples } from "./partition";
import { checkSeedNeedsShuffle } from "./shuffling";
import { checkSize, resolveTwoWay } from "./sizes";
import { type Split, type SplitInput, type Splitter, sampleCount } from "./splitter";

/** Options of `HoldOut`. */
export interface HoldOutOptions extends PartitionOptions {
  /** Fraction in (0, 1) or count of samples to validate on. Default 0.25 (the rest if trainSize is given). */
  valSize?: number;
  /** Fraction in (0, 1) or count of samples to train on. Default: the rest. */
  trainSize?: number;
}

/**
 * The holdout method (lecture 000): set a random part of the data aside once to validate
 * on, train on the rest; "usually 1:4, 1:3, 1:2". One split, as a splitter, so that it
 * goes wherever k-fold goes (`crossValidate`, a fold widget). Sizes and rounding as
 * `trainTestSplit` (scikit-learn's): n_val = ⌈valSize · n⌉. Without shuffling, val = the
 * last rows; `stratify: true` keeps the class ratios of the labels passed to `split`.
 *
 * @example new HoldOut({ valSize: 0.2, seed: 0 }).split(100)  // one split: 80 train, 20 val
 */
export class HoldOut implements Splitter {
  readonly nSplits = 1;
  private readonly options: HoldOutOptions;

  constructor(options: HoldOutOptions = {}) {
    const { valSize, trainSize, shuffle = true } = options;
    if (valSize !== undefined) checkSize("HoldOut", "valSize", valSize);
    if (trainSize !== undefined) checkSize("HoldOut", "trainSize", trainSize);
    checkSeedNeedsShuffle("HoldOut", shuffle, options);
    this.options = { ...options };
  }

  /** 1. */
  getNSplits(_input?: SplitInput): number {
    return 1;
  }

  split(input: SplitInput): IterableIterator<Split> {
    const where = "HoldOut";
    const { valSize, trainSize } = this.options;
    const sizes = resolveTwoWay(where, sampleCount(where, input), {
      heldName: "valSize",
      held: valSize,
      train: trainSize,
      defaultHeld: 0.25,
    });
    const [train, val] = partitionSamples(where, input, sizes, this.options);
    return [{ train, val }][Symbol.iterator]();
  }
}
