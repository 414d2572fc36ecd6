import { formatNumber } from "../svg/format";
import type { Figure, Trace } from "./figure";
import { type LossSurface, type SurfaceName, resolveSurface } from "./loss_surfaces";
import { subplotGrid } from "./subplot_grid";
import { surfaceContour } from "./surface_contour";
import {
  type MakeOptimizer,
  type TrajectoryOptions,
  type TrajectoryPath,
  trajectoryPaths,
} from "./trajectory_paths";

/** Options of `trajectories`: the paths' (steps, start, tol) and the drawing's. */
export interface TrajectoriesOptions extends TrajectoryOptions {
  /** Panels per row. Default 3. */
  cols?: number;
  /** Grid points per axis of the contour. Default 61. */
  resolution?: number;
  /** Contour lines. Default 12. */
  levels?: number;
  title?: string;
}

/** The figure, with the computed paths (what a notebook asserts on). */
export type TrajectoriesFigure = Figure & { paths: TrajectoryPath[] };

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2"];

/**
 * Optimiser trajectories on a 2-D loss surface (lecture 001 §1.2.2's elongated bowl, lecture
 * 003's "problems of SGD"): the contour lines of f and, for each optimiser, the path
 * θ₀, θ₁, … θ_steps it takes from the same start, computed by `trajectoryPaths` — nnlab's
 * real optimisers stepping a 2-tensor parameter with autodiff gradients. Each panel's title
 * gives the number of steps until f(θ_t) − f* < tol, or "not within N steps".
 *
 * One panel per optimiser (same contour, same axes), not one plot with every path: on the
 * ill-conditioned bowl the paths all end at the same minimum, SGD's zig-zag crosses the others
 * and six colours in one valley cannot be told apart; side by side, the shapes compare at a
 * glance (oscillation across the valley, momentum's overshoot, Adam's diagonal start).
 *
 * The contour draws √(f − f*) (evenly spaced ellipses on a quadratic) or log₁₀(1 + f − f*)
 * (Rosenbrock), as the surface says; the hover names which.
 *
 * @example
 * show(trajectories("quadratic", {
 *   "SGD α = 0.15": (ps) => new optim.SGD(ps, { lr: 0.15 }),
 *   "momentum ρ = 0.5": (ps) => new optim.SGD(ps, { lr: 0.1, momentum: 0.5 }),
 * }, { steps: 60 }))
 */
export function trajectories(
  surface: SurfaceName | LossSurface,
  optimizers: Record<string, MakeOptimizer>,
  options: TrajectoriesOptions = {},
): TrajectoriesFigure {
  const s = resolveSurface("trajectories", surface);
  const paths = trajectoryPaths(s, optimizers, options);
  const { steps = 100, tol = 1e-3, resolution = 61, levels = 12 } = options;
  if (!(Number.isInteger(resolution) && resolution >= 2)) {
    throw new RangeError(`trajectories: resolution must be an integer ≥ 2, got ${resolution}`);
  }
  if (!(Number.isInteger(levels) && levels >= 1)) {
    throw new RangeError(`trajectories: levels must be a positive integer, got ${levels}`);
  }
  const cols = Math.min(paths.length, options.cols ?? 3);
  const rows = Math.ceil(paths.length / cols);
  const margin = { l: 50, r: 20, t: 110, b: 40 };
  const height = 90 + 290 * rows;
  const grid = subplotGrid(paths.length, {
    cols,
    titles: paths.map((p) => `${p.name}<br>${arrival(p, steps, tol)}`),
    titleColors: paths.map((_, i) => COLORS[i % COLORS.length]),
    plotHeight: height - margin.t - margin.b,
    gap: [0.05, 0.35 / rows],
  });
  const contour = surfaceContour(s, resolution, levels);
  const data: Trace[] = [];
  paths.forEach((p, i) => {
    const color = COLORS[i % COLORS.length];
    data.push({ ...contour, ...grid.cells[i] });
    data.push({
      type: "scatter",
      name: p.name,
      mode: "lines+markers",
      x: p.x,
      y: p.y,
      ...grid.cells[i],
      line: { color, width: 1.5 },
      marker: { color, size: 4 },
      showlegend: false,
      hovertemplate: `${p.name}<br>step %{text}: (%{x:.3f}, %{y:.3f})<extra></extra>`,
      text: p.x.map((_, t) => String(t)),
    });
    data.push({
      type: "scatter",
      name: "minimum",
      mode: "markers",
      x: [s.minimum[0]],
      y: [s.minimum[1]],
      ...grid.cells[i],
      marker: { symbol: "star", size: 11, color: "#222" },
      showlegend: false,
      hovertemplate: `minimum (${s.minimum.join(", ")}), f* = ${s.fMin}<extra></extra>`,
    });
  });
  for (const { xaxis, yaxis } of grid.cells) {
    Object.assign(grid.layout[`xaxis${xaxis.slice(1)}`] as object, {
      range: s.xRange,
      zeroline: false,
      showgrid: false,
    });
    Object.assign(grid.layout[`yaxis${yaxis.slice(1)}`] as object, {
      range: s.yRange,
      zeroline: false,
      showgrid: false,
    });
  }
  const layout = {
    ...grid.layout,
    title: { text: options.title ?? `Optimiser trajectories on ${s.name}` },
    width: Math.max(500, 330 * cols + 70),
    height,
    margin,
    showlegend: false,
    hovermode: "closest",
  };
  return { data, layout, config: { responsive: true, displaylogo: false }, paths };
}

/** "f − f* < 0.001 after 23 steps", "not within 100 steps", "diverged after 7 steps". */
function arrival(p: TrajectoryPath, steps: number, tol: number): string {
  if (p.stepsToTol !== null) {
    return `f − f* < ${formatNumber(tol, 2)} after ${p.stepsToTol} step${p.stepsToTol === 1 ? "" : "s"}`;
  }
  if (p.diverged) return `diverged after ${p.x.length - 1} steps`;
  return `f − f* < ${formatNumber(tol, 2)} not within ${steps} steps`;
}
