import type { Tensor } from "../../src/index";

/** A loss of two parameters, written elementwise: f(x, y) for tensors of any (equal) shape. */
export type LossFn2D = (x: Tensor, y: Tensor) => Tensor;

/**
 * A 2-D loss surface to run optimisers on: the function, where its minimum is, the region to
 * draw and a start point. The same `f` computes the contour (on a grid of x and y tensors)
 * and the optimiser's loss (on the two entries of a 2-tensor parameter), so the figure draws
 * the function the optimiser saw.
 */
export interface LossSurface {
  name: string;
  f: LossFn2D;
  /** The minimiser and its value, for the tolerance test f − f* < tol and the star. */
  minimum: [number, number];
  fMin: number;
  xRange: [number, number];
  yRange: [number, number];
  start: [number, number];
  /**
   * What the contour draws: "sqrt" draws √(f − f*) (evenly spaced ellipses on a quadratic),
   * "log" draws log₁₀(1 + f − f*) (Rosenbrock's valley spans decades). Default "sqrt".
   */
  levels?: "sqrt" | "log";
}

/**
 * The elongated bowl of lecture 001 §1.2.2 and lecture 003 ("problems of SGD": the taco
 * shell where plain SGD zig-zags across the steep direction and crawls along the flat one):
 *
 * $$ f(x, y) = \tfrac12\,(x^2 + \kappa\, y^2), \qquad \nabla f = (x,\ \kappa y), \qquad f^* = f(0, 0) = 0 $$
 *
 * κ is the condition number (the ratio of the curvatures). Gradient descent is stable only for
 * α < 2/κ; at α = 1/κ… 2/κ the y coordinate flips sign every step (y ← (1 − ακ)y) while x
 * shrinks by only (1 − α) per step.
 *
 * @example illConditionedQuadratic(10).f(tensor(1), tensor(1)).item() // ½(1 + 10) = 5.5
 */
export function illConditionedQuadratic(kappa = 10): LossSurface {
  if (!(Number.isFinite(kappa) && kappa > 0)) {
    throw new RangeError(
      `illConditionedQuadratic: kappa must be a finite number > 0, got ${kappa}`,
    );
  }
  const half = 4.5 / Math.sqrt(kappa) + 0.5; // y extent of the f = ½·4.5² level, plus a margin
  return {
    name: `f = ½(x² + ${kappa}y²)`,
    f: (x, y) => x.square().add(y.square().mul(kappa)).mul(0.5), // ½(x² + κy²)
    minimum: [0, 0],
    fMin: 0,
    xRange: [-5, 5],
    yRange: [-Math.max(half, 1.5), Math.max(half, 1.5)],
    start: [-4, 1],
    levels: "sqrt",
  };
}

/**
 * Rosenbrock's banana valley: a curved, nearly flat valley floor around a sharp wall, the
 * classic test of an optimiser's sense of direction.
 *
 * $$ f(x, y) = (1 - x)^2 + 100\,(y - x^2)^2, \qquad f^* = f(1, 1) = 0 $$
 *
 * @example rosenbrock().f(tensor(0), tensor(0)).item() // 1
 */
export function rosenbrock(): LossSurface {
  return {
    name: "Rosenbrock f = (1 − x)² + 100(y − x²)²",
    f: (x, y) => x.neg().add(1).square().add(y.sub(x.square()).square().mul(100)), // (1 − x)² + 100(y − x²)²
    minimum: [1, 1],
    fMin: 0,
    xRange: [-2, 2],
    yRange: [-1, 3],
    start: [-1.5, 2],
    levels: "log",
  };
}

/** The named surfaces `trajectories` accepts as a string. */
export const SURFACES = {
  /** ½(x² + 10y²). */
  quadratic: () => illConditionedQuadratic(10),
  rosenbrock,
} as const;

export type SurfaceName = keyof typeof SURFACES;

/** A surface given by name or as an object, checked. */
export function resolveSurface(where: string, surface: SurfaceName | LossSurface): LossSurface {
  if (typeof surface === "string") {
    if (!Object.hasOwn(SURFACES, surface)) {
      throw new RangeError(
        `${where}: unknown surface ${JSON.stringify(surface)}; expected one of ${Object.keys(SURFACES).join(", ")}, or a LossSurface object`,
      );
    }
    return SURFACES[surface as SurfaceName]();
  }
  if (typeof surface?.f !== "function") {
    throw new TypeError(
      `${where}: expected a surface name (${Object.keys(SURFACES).join(", ")}) or { f: (x, y) => Tensor, minimum, fMin, xRange, yRange, start }, got ${surface === null ? "null" : typeof surface}`,
    );
  }
  return surface;
}
