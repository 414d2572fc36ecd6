import type { tune } from "../../src/index";
import { COLORWAY } from "../svg/colors";

/** Above this many rounds (a Bayesian-optimisation step each), trials are coloured on a scale, not one legend entry per round. */
export const MAX_LEGEND_ROUNDS = 10;

/** One colour group of trials: a round of the strategy (or the trials no round names). */
export interface RoundGroup {
  label: string;
  color: string;
  /** The round's index in `study.rounds`; −1 for trials no round names. */
  index: number;
  trials: tune.Trial[];
}

/**
 * The round each trial belongs to: the last round of `study.rounds` that lists it, so a
 * trial promoted through successive halving's rungs counts in the highest rung it reached,
 * and a coarse-to-fine trial in the round that drew it. Trials no round lists (a study
 * interrupted before its strategy recorded the round) form a grey group of their own.
 */
export function roundOf(study: Pick<tune.Study, "trials" | "rounds">): Map<number, number> {
  const round = new Map<number, number>();
  study.rounds.forEach((r, i) => r.trials.forEach((n) => round.set(n, i)));
  return round;
}

/** The trials grouped by round, in round order (non-empty groups only), each with its colour. */
export function roundGroups(study: Pick<tune.Study, "trials" | "rounds">): RoundGroup[] {
  const round = roundOf(study);
  const groups: RoundGroup[] = study.rounds.map((r, i) => ({
    label: r.label,
    color: COLORWAY[i % COLORWAY.length],
    index: i,
    trials: [],
  }));
  const loose: RoundGroup = { label: "no round recorded", color: "#7f7f7f", index: -1, trials: [] };
  for (const t of study.trials)
    (round.has(t.number) ? groups[round.get(t.number)!] : loose).trials.push(t);
  return [...groups, loose].filter((g) => g.trials.length > 0);
}

/**
 * Best so far after each trial, in trial order: the running minimum of the complete trials'
 * values (maximum when the study maximises); null before the first complete trial. Pruned
 * trials stopped early at a smaller budget and failed ones have no comparable value: they
 * leave it unchanged, as `study.bestTrial` ignores them.
 */
export function bestSoFar(
  trials: readonly tune.Trial[],
  direction: tune.Direction,
): (number | null)[] {
  const better = direction === "maximize" ? Math.max : Math.min;
  let best: number | null = null;
  return trials.map((t) => {
    if (t.status === "complete" && t.value !== null)
      best = best === null ? t.value : better(best, t.value);
    return best;
  });
}
