import { type Points, checkCount, checkNoise, toPoints } from "./points";
import { type SeedOptions, generatorFrom } from "../seeding";

/** Options of `makeMoons`. */
export interface MakeMoonsOptions extends SeedOptions {
  /** Standard deviation of the Gaussian noise added to each coordinate. Default 0. */
  noise?: number;
  /** Put the rows in random order (else class 0 first). Default true. */
  shuffle?: boolean;
}

/**
 * Two interleaving half circles (scikit-learn's `make_moons`): a two-class toy that a
 * straight line cannot separate.
 *
 * n_out = ⌊n/2⌋ points of class 0 and n_in = n − n_out of class 1, at evenly spaced
 * angles t ∈ [0, π]:
 *
 *     class 0 (outer):  (cos t, sin t)
 *     class 1 (inner):  (1 − cos t, ½ − sin t)
 *
 * then, as scikit-learn does, the rows are shuffled and N(0, noise²) is added to every
 * coordinate. Same formulas as scikit-learn, different random numbers (nnlab's generator).
 *
 * @example const { x, y } = makeMoons(200, { noise: 0.1, seed: 0 });  // x [200, 2], y [200]
 */
export function makeMoons(n: number, options: MakeMoonsOptions = {}): Points {
  const where = "makeMoons";
  checkCount(where, "n", n, 2);
  const { noise = 0, shuffle = true } = options;
  checkNoise(where, "noise", noise);
  const g = generatorFrom(where, options);
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const x = new Float64Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const inner = i >= nOut;
    const m = inner ? nIn : nOut;
    const t = (Math.PI * (inner ? i - nOut : i)) / (m - 1 || 1); // np.linspace(0, π, m)
    x[2 * i] = inner ? 1 - Math.cos(t) : Math.cos(t);
    x[2 * i + 1] = inner ? 0.5 - Math.sin(t) : Math.sin(t);
    y[i] = inner ? 1 : 0;
  }
  const points = toPoints(x, y, 2, shuffle ? g : undefined);
  if (noise > 0) {
    const xs = points.x.data;
    for (let i = 0; i < xs.length; i++) xs[i] += noise * g.normal(); // x ← x + σz
  }
  return points;
}
