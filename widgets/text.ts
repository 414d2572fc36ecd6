import type { Figure } from "./figures/figure";
import { formatNumber, titleText } from "./svg/format";

/**
 * The text/plain line of a figure, what a console or a log shows: the title and, per
 * named trace, its number of points and last value (at most `maxTraces` traces).
 *
 * @example figureText(learningCurve(h)) // "Learning curve: 4 traces\n  train loss (per step): 300 points, last 0.1234\n …"
 */
export function figureText(figure: Figure, maxTraces = 8): string {
  const title = titleText(figure.layout?.title) || "Figure";
  const traces = figure.data ?? [];
  const lines = traces
    .slice(0, maxTraces)
    .map((t, i) => `  ${t.name || `${t.type ?? "scatter"} ${i + 1}`}: ${describe(t)}`);
  if (traces.length > maxTraces) lines.push(`  … and ${traces.length - maxTraces} more`);
  return [`${title}: ${traces.length} trace${traces.length === 1 ? "" : "s"}`, ...lines].join("\n");
}

function describe(trace: Record<string, unknown>): string {
  if (Array.isArray(trace.z)) {
    const z = trace.z as unknown[][];
    return `${z.length}×${Array.isArray(z[0]) ? z[0].length : 0} cells`;
  }
  const values = (
    Array.isArray(trace.y) ? trace.y : Array.isArray(trace.x) ? trace.x : []
  ) as unknown[];
  const last = values[values.length - 1];
  const shown = typeof last === "number" ? `, last ${formatNumber(last)}` : "";
  return `${values.length} point${values.length === 1 ? "" : "s"}${shown}`;
}
