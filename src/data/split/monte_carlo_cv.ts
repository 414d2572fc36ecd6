import type { Generator } from "../../tensor/random";
import { generatorFrom } from "../seeding";
import { cutInParts } from "./partition";
import type { SeedOptions } from "./shuffling";
import { checkSize, resolveTwoWay } from "./sizes";
import { type Split, type SplitInput, type Splitter, checkInteger, sampleCount } from "./splitter";

/** Options of `MonteCarloCV`. */
export interface MonteCarloCVOptions extends SeedOptions {
  /** Fraction in (0, 1) or count of samples to validate on. Default 0.1 (the rest if trainSize is given). */
  valSize?: number;
  /** Fraction in (0, 1) or count of samples to train on. Default: the rest. */
  trainSize?: number;
}

/**
 * Monte Carlo cross-validation (lecture 000), scikit-learn's `ShuffleSplit`: nSplits
 * times, shuffle the data and cut it into a training and a validation part,
 *
 *     π = random permutation of 0…n−1,   train = π[0 : n_train],   val = π[n_train : n_train + n_val]
 *
 * with sizes as `trainTestSplit` (n_val = ⌈valSize · n⌉; default 10 %, as scikit-learn).
 * Unlike k-fold, the number of splits does not depend on the part sizes, and validation
 * sets may overlap: some samples may never be validated on, others several times.
 * nnlab's generator, so not scikit-learn's splits for the same seed; sizes agree.
 *
 * @example new MonteCarloCV(10, { valSize: 0.2, seed: 0 }).split(50)  // 10 × (40 train, 10 val)
 */
export class MonteCarloCV implements Splitter {
  readonly nSplits: number;
  private readonly options: MonteCarloCVOptions;

  constructor(nSplits: number, options: MonteCarloCVOptions = {}) {
    checkInteger("MonteCarloCV", "nSplits", nSplits, 1);
    const { valSize, trainSize } = options;
    if (valSize !== undefined) checkSize("MonteCarloCV", "valSize", valSize);
    if (trainSize !== undefined) checkSize("MonteCarloCV", "trainSize", trainSize);
    this.nSplits = nSplits;
    this.options = { ...options };
  }

  /** nSplits, whatever the data. */
  getNSplits(_input?: SplitInput): number {
    return this.nSplits;
  }

  split(input: SplitInput): IterableIterator<Split> {
    const where = "MonteCarloCV";
    const { valSize, trainSize } = this.options;
    const n = sampleCount(where, input);
    const sizes = resolveTwoWay(where, n, {
      heldName: "valSize",
      held: valSize,
      train: trainSize,
      defaultHeld: 0.1,
    });
    const g = generatorFrom(where, this.options);
    return shuffleSplits(n, sizes, this.nSplits, g)[Symbol.iterator]();
  }
}

/** nSplits cuts of fresh permutations, drawn now (not while the caller trains in between). */
function shuffleSplits(n: number, sizes: number[], nSplits: number, g: Generator): Split[] {
  return Array.from({ length: nSplits }, () => {
    const [train, val] = cutInParts(g.permutation(n), sizes); // π, cut at n_train
    return { train, val };
  });
}
