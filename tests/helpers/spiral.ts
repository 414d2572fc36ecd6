import { Generator, type Tensor, tensor } from "../../src";

/** Options of `spiral`. */
export interface SpiralOptions {
  /** Points per arm. Default 100. */
  pointsPerClass?: number;
  /** K, the number of arms (classes). Default 3. */
  classes?: number;
  /** Seed of the angle noise. Default 0. */
  seed?: number;
  /** Standard deviation of the angle noise. Default 0.2. */
  noise?: number;
}

/**
 * A seeded 2-D spiral (CS231n's toy): arm k = 0…K−1 has points at radius r = i/(N−1) and
 * angle θ = 4k + 4r + noise·z (z ~ N(0, 1) from `Generator(seed)`), x = [r sin θ, r cos θ].
 * Not linearly separable: a classifier needs a hidden layer.
 *
 * @example const { X, y } = spiral();  // X [300, 2] float64, y [300] int32 (labels 0, 1, 2)
 */
export function spiral(options: SpiralOptions = {}): { X: Tensor; y: Tensor } {
  const { pointsPerClass: N = 100, classes: K = 3, seed = 0, noise = 0.2 } = options;
  const generator = new Generator(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < N; i++) {
      const r = i / (N - 1);
      const theta = 4 * k + 4 * r + noise * generator.normal();
      X.push([r * Math.sin(theta), r * Math.cos(theta)]);
      y.push(k);
    }
  }
  return { X: tensor(X), y: tensor(y, { dtype: "int32" }) };
}
