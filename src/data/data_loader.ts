import { Generator, defaultGenerator } from "../tensor/random";
import type { Tensor } from "../tensor/tensor";
import type { Dataset } from "./tensor_dataset";

/** Options of `DataLoader`; defaults are PyTorch's. */
export interface DataLoaderOptions {
  /** B, samples per batch. Default 1 (PyTorch's). */
  batchSize?: number;
  /** Visit the samples in a new random order every epoch. Default false. */
  shuffle?: boolean;
  /** Drop the last batch when it has fewer than B samples. Default false. */
  dropLast?: boolean;
  /** The shuffle's seed: epoch e's order is a function of (seed, e) alone. */
  seed?: number;
  /** Or a generator to draw that seed from (once, when the loader is built). */
  generator?: Generator;
}

/**
 * Mini-batches of a dataset, as PyTorch's `torch.utils.data.DataLoader`: `for (const [xb, yb]
 * of loader)` visits every sample once (one epoch), B at a time, each batch picked with
 * `indexSelect`. `loader.length` is the number of batches, ⌈N/B⌉ (⌊N/B⌋ with `dropLast`).
 *
 * Lecture 000's three training methods are one loader with three batch sizes:
 * - batch GD (批量梯度下降): B = N, one step per epoch on all samples;
 * - SGD (随机梯度下降): B = 1, one step per (randomly chosen) sample;
 * - mini-batch SGD (小批量梯度下降): 1 < B < N, e.g. 64, with `shuffle: true`.
 *
 * Shuffling is seeded per epoch: epoch e's order is `new Generator(mixSeed(seed, e))
 * .permutation(N)`, so it depends only on the seed and e (resuming at epoch e gives the same
 * batches, and epochs do not depend on how many random numbers anything else drew). Each
 * `for … of` runs the next epoch (0, 1, 2, …); `setEpoch(e)` or `batches(e)` picks one.
 * Without `seed` or `generator` the seed is drawn from the default generator (`manualSeed`).
 *
 * @example
 * const loader = new DataLoader(new TensorDataset(X, y), { batchSize: 64, shuffle: true, seed: 0 });
 * for (const [xb, yb] of loader) { … }   // xb [64, 784], yb [64]; the last batch is smaller
 */
export class DataLoader implements Iterable<[Tensor, Tensor]> {
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly dropLast: boolean;
  /** The seed the epochs' orders are derived from. */
  readonly seed: number;
  /** The epoch the next `for … of` runs. */
  epoch = 0;

  constructor(
    readonly dataset: Dataset,
    options: DataLoaderOptions = {},
  ) {
    const { batchSize = 1, shuffle = false, dropLast = false, seed, generator } = options;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new RangeError(`DataLoader: batchSize must be a positive integer, got ${batchSize}`);
    }
    if (seed !== undefined && generator !== undefined) {
      throw new TypeError("DataLoader: pass { seed } or { generator }, not both");
    }
    if (seed !== undefined && !Number.isSafeInteger(seed)) {
      throw new TypeError(`DataLoader: seed must be an integer, got ${seed}`);
    }
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.dropLast = dropLast;
    // Only a shuffling loader draws from a generator, so a plain one leaves manualSeed's stream alone.
    this.seed = seed ?? (shuffle ? (generator ?? defaultGenerator).nextUint32() : 0);
  }

  /** The number of batches per epoch: ⌈N/B⌉, or ⌊N/B⌋ with `dropLast`. */
  get length(): number {
    const n = this.dataset.length;
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  /** The order in which epoch e visits the samples: 0…N−1, or a permutation seeded by (seed, e). */
  indices(epoch: number): Int32Array {
    checkEpoch(epoch);
    const n = this.dataset.length;
    if (this.shuffle) return new Generator(mixSeed(this.seed, epoch)).permutation(n);
    return Int32Array.from({ length: n }, (_, i) => i);
  }

  /** Epoch e's batches, `[xBatch, yBatch]`, without changing `epoch`. */
  *batches(epoch: number): IterableIterator<[Tensor, Tensor]> {
    const order = this.indices(epoch);
    for (let b = 0; b < this.length; b++) {
      yield this.dataset.batch(order.subarray(b * this.batchSize, (b + 1) * this.batchSize));
    }
  }

  /** Makes the next `for … of` run epoch e (PyTorch's `DistributedSampler.set_epoch`). */
  setEpoch(epoch: number): void {
    checkEpoch(epoch);
    this.epoch = epoch;
  }

  /** One epoch: the current one, then `epoch` moves on. */
  [Symbol.iterator](): IterableIterator<[Tensor, Tensor]> {
    return this.batches(this.epoch++);
  }
}

/**
 * One 32-bit seed from several integers (a seed and an epoch, a model index, …), so that
 * `new Generator(mixSeed(seed, e))` gives an independent stream per e. Each part is
 * folded in with MurmurHash3's finaliser; different parts give different seeds.
 */
export function mixSeed(...parts: number[]): number {
  let h = 0x2545f491;
  for (const p of parts) {
    if (!Number.isSafeInteger(p)) throw new TypeError(`mixSeed: expected integers, got ${p}`);
    h = fmix32(h ^ fmix32((p | 0) + 0x9e3779b9)); // the low 32 bits of p
    h = fmix32(h ^ Math.floor(p / 4294967296)); // the high bits
  }
  return h >>> 0;
}

function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function checkEpoch(epoch: number): void {
  if (!Number.isInteger(epoch) || epoch < 0) {
    throw new RangeError(`DataLoader: epoch must be an integer ≥ 0, got ${epoch}`);
  }
}
