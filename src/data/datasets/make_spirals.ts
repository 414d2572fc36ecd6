import { type Points, checkCount, checkNoise, toPoints } from "./points";
import { type SeedOptions, generatorFrom } from "../seeding";

/** Options of `makeSpirals`. */
export interface MakeSpiralsOptions extends SeedOptions {
  /** Standard deviation of the angle noise (radians). Default 0.2, as CS231n. */
  noise?: number;
}

/**
 * The CS231n spiral: K arms of N points each, one class per arm; not linearly
 * separable, so a classifier needs a hidden layer.
 *
 * Point i = 0…N−1 of arm k = 0…K−1 has radius and angle
 *
 *     r = i / (N − 1),   θ = 4k + 4r + σ·z,   z ~ N(0, 1),   x = (r sin θ, r cos θ)
 *
 * (CS231n: `r = np.linspace(0, 1, N)`, `t = np.linspace(4j, 4(j+1), N) + randn(N)·0.2`.)
 * Rows come arm by arm (class 0 first), as in CS231n; z is drawn point by point in that order.
 *
 * @example const { x, y } = makeSpirals(100, 3, { seed: 0 });  // x [300, 2] float64, y [300] int32
 */
export function makeSpirals(
  nPerClass: number,
  nClasses: number,
  options: MakeSpiralsOptions = {},
): Points {
  const where = "makeSpirals";
  checkCount(where, "nPerClass", nPerClass, 2);
  checkCount(where, "nClasses", nClasses);
  const { noise = 0.2 } = options;
  checkNoise(where, "noise", noise);
  const g = generatorFrom(where, options);
  const [N, K] = [nPerClass, nClasses];
  const x = new Float64Array(N * K * 2);
  const y = new Int32Array(N * K);
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < N; i++) {
      const r = i / (N - 1);
      const theta = 4 * k + 4 * r + noise * g.normal(); // θ = 4k + 4r + σz
      const row = k * N + i;
      x[2 * row] = r * Math.sin(theta);
      x[2 * row + 1] = r * Math.cos(theta);
      y[row] = k;
    }
  }
  return toPoints(x, y, 2);
}
