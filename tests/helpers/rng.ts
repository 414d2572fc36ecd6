/**
 * A tiny seeded generator for test fixtures (mulberry32, Tommy Ettinger's 32-bit mixer):
 * the same seed gives the same numbers on every run, independent of the library's own
 * generator. Not for statistics: 32 bits of state.
 *
 * @example const rng = mulberry32(1); rng(); // a number in [0, 1)
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` values uniform in [−1, 1) from `rng`. */
export function uniformValues(rng: () => number, n: number): number[] {
  return Array.from({ length: n }, () => 2 * rng() - 1);
}
