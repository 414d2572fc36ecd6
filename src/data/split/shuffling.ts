import type { Generator } from "../../tensor/random";
import { type SeedOptions, generatorFrom } from "../seeding";

export type { SeedOptions };

/**
 * Seeding of the splitters, as everywhere in nnlab (`SeedOptions`):
 * - `{ seed: 0 }`: every `split()` call starts a fresh `Generator(0)`, so calling it
 *   again (say, to draw the folds after training) gives the same folds;
 * - `{ generator: g }`: draws from `g`, so each call gives new folds;
 * - neither: the default generator, which `manualSeed(n)` resets.
 *
 * The numbers are nnlab's (xoshiro128**), not NumPy's: shuffled splits cannot match
 * scikit-learn's `random_state`; unshuffled ones match it exactly.
 */
export interface ShuffleOptions extends SeedOptions {
  /** Shuffle the samples before cutting them into parts. */
  shuffle?: boolean;
}

/** Throws if a seed or generator is given without shuffling, where it would do nothing. */
export function checkSeedNeedsShuffle(where: string, shuffle: boolean, options: SeedOptions): void {
  if (!shuffle && (options.seed !== undefined || options.generator !== undefined)) {
    const what = options.seed !== undefined ? `seed = ${options.seed}` : "a generator";
    throw new TypeError(
      `${where}: ${what} has no effect without shuffling; pass { shuffle: true } with it, or drop it`,
    );
  }
}

/** The generator one `split()` call shuffles with, or null when it does not shuffle. */
export function shuffleGenerator(
  where: string,
  shuffle: boolean,
  options: SeedOptions,
): Generator | null {
  return shuffle ? generatorFrom(where, options) : null;
}
