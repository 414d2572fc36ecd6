import { type Tensor, noGrad, type optim, tensor } from "../../src/index";
import { type LossSurface, type SurfaceName, resolveSurface } from "./loss_surfaces";

/** Builds an optimiser for the given parameters: `(ps) => new optim.SGD(ps, { lr: 0.1 })`. */
export type MakeOptimizer = (params: Tensor[]) => optim.Optimizer<optim.BaseOptions>;

/** Options of `trajectoryPaths` (and `trajectories`). */
export interface TrajectoryOptions {
  /** Optimiser steps (`step()` calls) per path. Default 100. */
  steps?: number;
  /** Where every path starts. Default: the surface's start. */
  start?: [number, number];
  /** A path has arrived once f − f* < tol. Default 1e-3. */
  tol?: number;
}

/** One optimiser's path: the parameter after 0, 1, 2, … steps and the loss there. */
export interface TrajectoryPath {
  name: string;
  x: number[];
  y: number[];
  loss: number[];
  /** The first t with f(θ_t) − f* < tol, or null when no point of the path got there. */
  stepsToTol: number | null;
  /** The path left the finite numbers (or passed |f| > 1e12) and was cut there. */
  diverged: boolean;
}

/**
 * Runs each optimiser on a 2-tensor parameter θ = (x, y), exactly as training does: the loss
 * f(θ) is an nnlab tensor expression, its gradient comes from autodiff, and the optimiser is
 * nnlab's own (so the path is what the library does, not a re-implementation). Each
 * `step(closure)` re-evaluates f and back-propagates (PyTorch's closure protocol, so LBFGS
 * works too; for the others it is zeroGrad, backward, step). Point t of a path is θ_t, the
 * parameter after t steps (t = 0 is the start).
 *
 * @example
 * const [sgd] = trajectoryPaths("quadratic", { SGD: (ps) => new optim.SGD(ps, { lr: 0.1 }) });
 * sgd.x.slice(0, 3) // −4, −3.6, −3.24: x ← (1 − α)x on ½(x² + 10y²)
 */
export function trajectoryPaths(
  surface: SurfaceName | LossSurface,
  optimizers: Record<string, MakeOptimizer>,
  options: TrajectoryOptions = {},
): TrajectoryPath[] {
  const where = "trajectoryPaths";
  const s = resolveSurface(where, surface);
  const { steps = 100, tol = 1e-3 } = options;
  const start = options.start ?? s.start;
  if (!(Number.isInteger(steps) && steps >= 0)) {
    throw new RangeError(`${where}: steps must be an integer ≥ 0, got ${steps}`);
  }
  if (!(tol > 0)) throw new RangeError(`${where}: tol must be > 0, got ${tol}`);
  if (!(Array.isArray(start) && start.length === 2 && start.every(Number.isFinite))) {
    throw new RangeError(
      `${where}: start must be two finite numbers [x, y], got ${JSON.stringify(start)}`,
    );
  }
  const entries = Object.entries(optimizers ?? {});
  if (entries.length === 0) {
    throw new RangeError(
      `${where}: expected at least one optimiser, as { name: (params) => new optim.SGD(params, { lr }) }, got none`,
    );
  }
  return entries.map(([name, make]) => runOne(s, name, make, start, steps, tol));
}

function runOne(
  s: LossSurface,
  name: string,
  make: MakeOptimizer,
  start: [number, number],
  steps: number,
  tol: number,
): TrajectoryPath {
  if (typeof make !== "function") {
    throw new TypeError(
      `trajectoryPaths: optimiser "${name}" must be a function (params) => optimiser, got ${typeof make}`,
    );
  }
  const theta = tensor(start, { requiresGrad: true });
  const opt = make([theta]);
  if (typeof opt?.step !== "function" || typeof opt?.zeroGrad !== "function") {
    throw new TypeError(
      `trajectoryPaths: optimiser "${name}" must return an optimiser (with step and zeroGrad), got ${opt === null ? "null" : typeof opt}`,
    );
  }
  const lossAt = () => s.f(theta.select(0, 0), theta.select(0, 1));
  const closure = () => {
    opt.zeroGrad();
    const loss = lossAt();
    if (loss.size !== 1) {
      throw new RangeError(
        `trajectoryPaths: the surface's f(x, y) must give one number for scalar x and y, got a [${loss.shape.join(", ")}] tensor`,
      );
    }
    loss.backward();
    return loss;
  };
  const path: TrajectoryPath = { name, x: [], y: [], loss: [], stepsToTol: null, diverged: false };
  for (let t = 0; t <= steps; t++) {
    if (t > 0) opt.step(closure);
    const [x, y] = Array.from(theta.data);
    const loss = noGrad(() => lossAt().item());
    if (!(Number.isFinite(x) && Number.isFinite(y) && Math.abs(loss) < 1e12)) {
      path.diverged = true;
      break;
    }
    path.x.push(x);
    path.y.push(y);
    path.loss.push(loss);
    if (path.stepsToTol === null && loss - s.fMin < tol) path.stepsToTol = t;
  }
  return path;
}
