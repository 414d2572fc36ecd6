import { tune } from "../../src/index";
import type { ParamAxis } from "./param_axis";
import type { RoundGroup } from "./study_rounds";

/**
 * Coarse to fine, drawn: on each hyperparameter's panel, the range each round sampled
 * (`round.space`, lecture 001 §1.4.2 "由粗糙到精细") as a band in the round's colour —
 * only where a round narrowed the range (a grid or random search's one round spans it all,
 * and draws nothing). Bounds are placed as fractions of the axis's range (`xref: "x2 domain"`),
 * which plotly and the static SVG read alike: plotly takes a shape's data coordinates on a
 * log axis as values, not log₁₀ (unlike annotations), so log₁₀ bounds such as −2.5 drew
 * nothing there. An axis without a range falls back to data coordinates.
 */
export function roundBoxes(
  study: Pick<tune.Study, "rounds">,
  cells: { xaxis: string; yaxis: string }[],
  names: string[],
  axes: ParamAxis[],
  space: tune.Space,
  groups: RoundGroup[],
): object[] {
  const colorOf = new Map(groups.map((g) => [g.index, g.color]));
  return study.rounds.flatMap((round, i) => {
    if (!round.space || !colorOf.has(i)) return [];
    return names.flatMap((name, j) => {
      const [own, full] = [bounds(round.space![name]), bounds(space[name])];
      if (!own || (full && own[0] === full[0] && own[1] === full[1])) return [];
      const [a, b] = own.map((v) => domainOf(axes[j], Number(axes[j].position(v))));
      const ref = Array.isArray(axes[j].axis.range) ? `${cells[j].xaxis} domain` : cells[j].xaxis;
      return [
        {
          type: "rect",
          layer: "below",
          xref: ref,
          yref: `${cells[j].yaxis} domain`,
          x0: a,
          x1: b,
          y0: 0,
          y1: 1,
          fillcolor: colorOf.get(i),
          opacity: 0.12,
          line: { width: 0 },
        },
      ];
    });
  });
}

/** Where x lies in the axis's range, 0…1 (log₁₀ on a log axis; a reversed range stays reversed). */
function domainOf(axis: ParamAxis, x: number): number {
  if (!Array.isArray(axis.axis.range)) return x;
  const [r0, r1] = axis.axis.range as [number, number];
  const u = axis.axis.type === "log" ? Math.log10(x) : x;
  return (u - r0) / (r1 - r0);
}

/** [lo, hi] of a bounded numeric distribution; undefined for a choice (or none). */
function bounds(d: tune.Distribution | undefined): [number, number] | undefined {
  if (d instanceof tune.ScaledDistribution || d instanceof tune.IntUniform) return [d.lo, d.hi];
  return undefined;
}
