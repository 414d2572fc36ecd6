import type { Generator } from "../../tensor/random";
import { approximateMode } from "./approximate_mode";
import { type ShuffleOptions, checkSeedNeedsShuffle, shuffleGenerator } from "./shuffling";
import { type SplitInput, labelsOf, sampleCount } from "./splitter";

/**
 * The two ways `trainTestSplit`, `trainValTestSplit`, `HoldOut` and `MonteCarloCV` cut
 * n samples into parts of given sizes (train first). Each part comes back sorted.
 */

/**
 * Cuts `order` into consecutive parts of `sizes` (samples past their sum are left out).
 * `order` is 0…n−1 for a split without shuffling (train = the first rows, as
 * scikit-learn's `shuffle=False`), or a random permutation of it.
 */
export function cutInParts(order: Int32Array, sizes: number[]): Int32Array[] {
  let start = 0;
  return sizes.map((size) => {
    const part = order.slice(start, start + size).sort();
    start += size;
    return part;
  });
}

/** 0…n−1 in order, or shuffled by `g`. */
export function orderOf(n: number, g: Generator | null): Int32Array {
  return g === null ? Int32Array.from({ length: n }, (_, i) => i) : g.permutation(n);
}

/**
 * Parts of `sizes` that keep the class ratios of `labels` (scikit-learn's
 * `StratifiedShuffleSplit`, generalised from two parts to any number):
 *
 *   1. each part in turn takes `approximateMode(remaining class counts, size)` per class;
 *   2. each class's samples are shuffled and dealt out: its first m_train to train,
 *      the next m_val to val, and so on.
 */
export function stratifiedParts(
  where: string,
  labels: number[],
  sizes: number[],
  g: Generator,
): Int32Array[] {
  const byClass = samplesByClass(labels);
  const classes = [...byClass.keys()];
  checkStratifiable(where, byClass, sizes);
  let remaining = classes.map((c) => byClass.get(c)!.length);
  const perPart = sizes.map((size) => {
    const m = approximateMode(remaining, size, g); // m_k samples of class k in this part
    remaining = remaining.map((r, k) => r - m[k]);
    return m;
  });
  const parts: number[][] = sizes.map(() => []);
  classes.forEach((c, k) => {
    const members = byClass.get(c)!;
    const shuffled = Array.from(g.permutation(members.length), (j) => members[j]);
    let start = 0;
    perPart.forEach((m, p) => {
      parts[p].push(...shuffled.slice(start, start + m[k]));
      start += m[k];
    });
  });
  return parts.map((part) => Int32Array.from(part).sort());
}

/** The sample indices of each class, classes in ascending order (as `np.unique`). */
function samplesByClass(labels: number[]): Map<number, number[]> {
  const byClass = new Map<number, number[]>();
  for (const c of [...new Set(labels)].sort((a, b) => a - b)) byClass.set(c, []);
  labels.forEach((c, i) => byClass.get(c)!.push(i));
  return byClass;
}

/** scikit-learn's checks: every class ≥ 2 samples, every part ≥ one sample per class. */
function checkStratifiable(where: string, byClass: Map<number, number[]>, sizes: number[]): void {
  for (const [c, members] of byClass) {
    if (members.length < 2) {
      throw new RangeError(
        `${where}: stratifying needs at least 2 samples of every class, got 1 of class ${c}; drop or merge it`,
      );
    }
  }
  const smallest = Math.min(...sizes);
  if (smallest < byClass.size) {
    throw new RangeError(
      `${where}: a part of ${smallest} samples cannot hold all ${byClass.size} classes; make it at least ${byClass.size}`,
    );
  }
}

/** Options of the one-shot splits: shuffle (default true), stratify, seed. */
export interface PartitionOptions extends ShuffleOptions {
  /** Keep the class ratios of the labels (given as the first argument) in every part. */
  stratify?: boolean;
}

/**
 * The parts of `sizes` (train first) of the samples in `input`: consecutive without
 * shuffling, a random permutation cut in parts with it, class by class with `stratify`.
 */
export function partitionSamples(
  where: string,
  input: SplitInput,
  sizes: number[],
  options: PartitionOptions,
): Int32Array[] {
  const { shuffle = true, stratify = false } = options;
  checkSeedNeedsShuffle(where, shuffle, options);
  if (stratify && !shuffle) {
    throw new TypeError(
      `${where}: stratify needs shuffling (as in scikit-learn); drop shuffle: false or stratify`,
    );
  }
  const g = shuffleGenerator(where, shuffle, options);
  if (stratify) return stratifiedParts(where, labelsOf(where, input), sizes, g!);
  return cutInParts(orderOf(sampleCount(where, input), g), sizes);
}
