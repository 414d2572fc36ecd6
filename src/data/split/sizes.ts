/**
 * How big each part of a split is, with scikit-learn's rounding (`_validate_shuffle_split`):
 * a size in (0, 1) is a fraction of n, an integer ≥ 1 a count of samples;
 *
 *     n_held  = ⌈size · n⌉     (the test / validation part is rounded up)
 *     n_train = ⌊size · n⌋     (the training part is rounded down)
 *
 * and a part whose size is not given gets the rest. Rounding happens in floating point,
 * as in scikit-learn: 0.07 · 100 = 7.000000000000001, so `testSize: 0.07` holds out
 * 8 of 100 samples in both libraries; pass a count (`testSize: 7`) for an exact size.
 */

/** A fraction of n (0 < size < 1), rather than a count. */
export function isFraction(size: number): boolean {
  return size > 0 && size < 1;
}

/** Throws unless `size` is a fraction in (0, 1) or a count ≥ 1 (and < n when n is known). */
export function checkSize(where: string, name: string, size: number, n?: number): void {
  const isCount = Number.isInteger(size) && size >= 1;
  if (!isFraction(size) && !isCount) {
    throw new RangeError(
      `${where}: ${name} must be a fraction in (0, 1) or a count ≥ 1, got ${size}`,
    );
  }
  if (isCount && n !== undefined && size >= n) {
    throw new RangeError(
      `${where}: ${name} = ${size} samples leaves none of the n = ${n} for the other part; pass a count < ${n} or a fraction`,
    );
  }
}

/** Samples in a held-out part: ⌈size · n⌉ for a fraction, else the count. */
export function heldOutCount(size: number, n: number): number {
  return isFraction(size) ? Math.ceil(size * n) : size;
}

/** Samples in the training part: ⌊size · n⌋ for a fraction, else the count. */
export function trainCount(size: number, n: number): number {
  return isFraction(size) ? Math.floor(size * n) : size;
}

/** A held-out size and an optional training size, as named in the caller's options. */
export interface TwoWaySizes {
  heldName: string;
  held?: number;
  train?: number;
  /** The held-out size when neither is given (scikit-learn: 0.25 for train_test_split). */
  defaultHeld: number;
}

/**
 * [n_train, n_held] for n samples, exactly as scikit-learn's `train_test_split` and
 * `ShuffleSplit` compute them (n = 10, testSize 0.25 → [7, 3]; n = 7 → [5, 2]).
 */
export function resolveTwoWay(where: string, n: number, sizes: TwoWaySizes): [number, number] {
  const { heldName, train } = sizes;
  const held = sizes.held ?? (train === undefined ? sizes.defaultHeld : undefined);
  if (held !== undefined) checkSize(where, heldName, held, n);
  if (train !== undefined) checkSize(where, "trainSize", train, n);
  if (held !== undefined && train !== undefined && isFraction(held) && isFraction(train)) {
    if (held + train > 1) {
      throw new RangeError(
        `${where}: trainSize + ${heldName} = ${+(train + held).toPrecision(12)} must be ≤ 1; reduce one of them`,
      );
    }
  }
  let nHeld = held === undefined ? 0 : heldOutCount(held, n);
  const nTrain = train === undefined ? n - nHeld : trainCount(train, n);
  if (held === undefined) nHeld = n - nTrain;
  checkTotal(where, n, [nTrain, nHeld], `trainSize + ${heldName}`);
  return [nTrain, nHeld];
}

/** Throws if the parts overrun n or leave the training part (parts[0]) empty. */
export function checkTotal(where: string, n: number, parts: number[], what: string): void {
  const total = parts.reduce((a, b) => a + b, 0);
  if (total > n) {
    throw new RangeError(
      `${where}: ${what} = ${parts.join(" + ")} = ${total} samples, more than n = ${n}; reduce them`,
    );
  }
  if (parts[0] < 1) {
    throw new RangeError(
      `${where}: the training part would be empty (n = ${n}, parts ${parts.join(" + ")}); hold out less`,
    );
  }
}
