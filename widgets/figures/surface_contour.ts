import { linspace, noGrad } from "../../src/index";
import type { Trace } from "./figure";
import type { LossSurface } from "./loss_surfaces";

/**
 * The contour lines of a loss surface, as a plotly contour trace: f evaluated once on a
 * resolution × resolution grid over the surface's x and y ranges (x and y as [r, r] tensors,
 * f elementwise), then drawn as
 *
 * $$ z = \sqrt{f - f^*} \ \text{("sqrt")} \quad\text{or}\quad z = \log_{10}(1 + f - f^*) \ \text{("log")} $$
 *
 * at `levels` evenly spaced values of z (so ellipses of a quadratic come evenly spaced).
 * z[row][column] is the value at (x[column], y[row]), as plotly reads it.
 */
export function surfaceContour(s: LossSurface, resolution: number, levels: number): Trace {
  const xs = Array.from(linspace(s.xRange[0], s.xRange[1], resolution).data);
  const ys = Array.from(linspace(s.yRange[0], s.yRange[1], resolution).data);
  const X = linspace(s.xRange[0], s.xRange[1], resolution)
    .reshape(1, resolution)
    .expand(resolution, resolution);
  const Y = linspace(s.yRange[0], s.yRange[1], resolution)
    .reshape(resolution, 1)
    .expand(resolution, resolution);
  const F = noGrad(() => s.f(X, Y));
  const log = s.levels === "log";
  const level = (f: number) => {
    const d = Math.max(0, f - s.fMin);
    return log ? Math.log10(1 + d) : Math.sqrt(d);
  };
  const z = ys.map((_, r) => xs.map((_, c) => level(F.data[r * resolution + c])));
  const zMax = Math.max(...z.flat().filter(Number.isFinite));
  const size = zMax / (levels + 1);
  return {
    type: "contour",
    name: "f",
    x: xs,
    y: ys,
    z,
    showscale: false,
    showlegend: false,
    autocontour: false,
    contours: { coloring: "lines", start: size, end: size * levels, size },
    colorscale: [
      [0, "#9ecae1"],
      [1, "#08306b"],
    ],
    line: { width: 1 },
    hovertemplate: `(%{x:.2f}, %{y:.2f})<br>${log ? "log₁₀(1 + f − f*)" : "√(f − f*)"} = %{z:.3g}<extra></extra>`,
  };
}
