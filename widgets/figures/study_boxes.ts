import { tune } from "../../src/index";
import type { ParamAxis } from "./param_axis";
import type { RoundGroup } from "./study_rounds";

/**
 * Coarse to fine, drawn: on each hyperparameter's panel, the range each round sampled
 * (`round.space`, lecture 001 §1.4.2 "由粗糙到精细") as a band in the round's colour —
 * only where a round narrowed the range (a grid or random search's one round spans it all,
 * and draws nothing). Bounds are placed as the axis places values (log₁₀ on a log axis).
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
      const [a, b] = own.map((v) => {
        const x = Number(axes[j].position(v));
        return axes[j].axis.type === "log" ? Math.log10(x) : x;
      });
      return [
        {
          type: "rect",
          layer: "below",
          xref: cells[j].xaxis,
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

/** [lo, hi] of a bounded numeric distribution; undefined for a choice (or none). */
function bounds(d: tune.Distribution | undefined): [number, number] | undefined {
  if (d instanceof tune.ScaledDistribution || d instanceof tune.IntUniform) return [d.lo, d.hi];
  return undefined;
}
