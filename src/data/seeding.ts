import { Generator, defaultGenerator } from "../tensor/random";

/**
 * How a random data function is seeded, as everywhere in nnlab:
 * - `{ seed: 0 }`: a fresh `Generator(0)`, so the same call gives the same data;
 * - `{ generator: g }`: draws from `g` (it advances, so the next call differs);
 * - neither: the default generator, which `manualSeed(n)` at the top of a notebook resets.
 */
export interface SeedOptions {
  seed?: number;
  generator?: Generator;
}

/** The generator that `options` asks for (see `SeedOptions`); `where` names the caller in errors. */
export function generatorFrom(where: string, options: SeedOptions = {}): Generator {
  const { seed, generator } = options;
  if (seed !== undefined && generator !== undefined) {
    throw new TypeError(`${where}: pass { seed } or { generator }, not both`);
  }
  if (generator !== undefined) return generator;
  if (seed !== undefined) return new Generator(seed);
  return defaultGenerator;
}
