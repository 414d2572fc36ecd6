import { uniform } from "./uniform";

/** A standard optimisation benchmark: its space, its known minimum, and the function as an objective. */
export interface TestFunction<P extends Record<string, number>> {
  name: string;
  space: { [K in keyof P]: ReturnType<typeof uniform> };
  /** The global minimum's value. */
  minimum: number;
  /** f(params), usable directly as a study's objective. */
  objective: (params: P) => number;
}

/**
 * Branin–Hoo (Dixon & Szegő 1978), the usual 2-D test of Bayesian optimisation, on
 * x₁ ∈ [−5, 10], x₂ ∈ [0, 15]:
 *
 * $$ f = a(x_2 - b x_1^2 + c x_1 - r)^2 + s(1 - t)\cos x_1 + s $$
 *
 * with a = 1, b = 5.1/(4π²), c = 5/π, r = 6, s = 10, t = 1/(8π); three global minima
 * f = 0.397887 at (−π, 12.275), (π, 2.275), (9.42478, 2.475).
 */
export const branin: TestFunction<{ x1: number; x2: number }> = {
  name: "Branin",
  space: { x1: uniform(-5, 10), x2: uniform(0, 15) },
  minimum: 0.397887,
  objective: ({ x1, x2 }) => {
    const [b, c, t] = [5.1 / (4 * Math.PI ** 2), 5 / Math.PI, 1 / (8 * Math.PI)];
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
  },
};

const ALPHA = [1.0, 1.2, 3.0, 3.2];
const A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
].map((row) => row.map((p) => p * 1e-4));

/** The six coordinates of `hartmann6`. */
export type Hartmann6Params = {
  x1: number;
  x2: number;
  x3: number;
  x4: number;
  x5: number;
  x6: number;
};

/**
 * Hartmann 6-D on [0, 1]⁶: four Gaussian-like wells of different depth, one global
 * minimum f = −3.32237 at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573):
 *
 * $$ f = -\sum_{i=1}^{4} \alpha_i \exp\Big(-\sum_{j=1}^{6} A_{ij} (x_j - P_{ij})^2\Big) $$
 */
export const hartmann6: TestFunction<Hartmann6Params> = {
  name: "Hartmann6",
  space: {
    x1: uniform(0, 1),
    x2: uniform(0, 1),
    x3: uniform(0, 1),
    x4: uniform(0, 1),
    x5: uniform(0, 1),
    x6: uniform(0, 1),
  },
  minimum: -3.32237,
  objective: (p) => {
    const x = [p.x1, p.x2, p.x3, p.x4, p.x5, p.x6];
    return -ALPHA.reduce(
      (s, alpha, i) =>
        s + alpha * Math.exp(-x.reduce((e, xj, j) => e + A[i][j] * (xj - P[i][j]) ** 2, 0)),
      0,
    );
  },
};
