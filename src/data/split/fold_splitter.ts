import type { Generator } from "../../tensor/random";
import {
  type SeedOptions,
  type ShuffleOptions,
  checkSeedNeedsShuffle,
  shuffleGenerator,
} from "./shuffling";
import { type Split, type SplitInput, type Splitter, checkInteger } from "./splitter";

/**
 * What KFold and StratifiedKFold share: k ≥ 2 folds fixed in the constructor, optional
 * shuffling with nnlab's seeding (`ShuffleOptions`), and `getNSplits()` = k whatever the
 * data. Subclasses cut the samples into the k folds.
 */
export abstract class FoldSplitter implements Splitter {
  /** k, the number of folds. */
  readonly nSplits: number;
  readonly shuffle: boolean;
  private readonly seeding: SeedOptions;

  protected constructor(
    protected readonly where: string,
    k: number,
    options: ShuffleOptions,
  ) {
    checkInteger(where, "k", k, 2);
    const { shuffle = false, seed, generator } = options;
    checkSeedNeedsShuffle(where, shuffle, options);
    this.nSplits = k;
    this.shuffle = shuffle;
    this.seeding = { seed, generator };
  }

  /** k, whatever the data. */
  getNSplits(_input?: SplitInput): number {
    return this.nSplits;
  }

  abstract split(input: SplitInput): IterableIterator<Split>;

  /** The generator of one `split()` call, or null without shuffling. */
  protected generator(): Generator | null {
    return shuffleGenerator(this.where, this.shuffle, this.seeding);
  }

  /** Throws unless there are at least k samples. */
  protected checkEnough(n: number): void {
    const k = this.nSplits;
    if (k > n)
      throw new RangeError(`${this.where}: ${k} splits need at least ${k} samples, got ${n}`);
  }
}
