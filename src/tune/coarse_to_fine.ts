import { type Space, checkSpace, sampleSpace, spaceToUnit } from "./space";
import { type Strategy, bestOf, checkCount } from "./strategy";

/** Options of `coarseToFine`. */
export interface CoarseToFineOptions {
  /** Rounds of sampling; round 0 uses the whole space. Default 3. */
  rounds?: number;
  /** Random configurations per round. Default 10. */
  trialsPerRound?: number;
  /** How many of the best trials so far span the next box. Default max(2, ⌈trialsPerRound/4⌉). */
  keep?: number;
  /** Padding added on each side of that span, as a fraction of the current box's width. Default 0.1. */
  margin?: number;
  /** Epochs each trial may train to (`trial.budget`). */
  budget?: number;
}

/**
 * Coarse to fine (lecture 001 §1.4.2, "由粗糙到精细"): sample the space at random, find the
 * region where the best points lie, sample that smaller region more densely, and repeat.
 *
 * Boxes live on each hyperparameter's own scale (the unit cube of `toUnit`): after each
 * round the box of dimension i becomes
 *
 *     [min uᵢ − m·w, max uᵢ + m·w] ∩ [0, 1],   uᵢ over the `keep` best trials so far,
 *
 * with w the current box's width and m the `margin`; the next round samples the space
 * narrowed to it (`narrow`: a log-uniform stays log-uniform on its new bounds). A
 * hyperparameter whose best values are spread out (one that does not matter) keeps a wide
 * range. Each round is recorded with its space (`study.rounds`).
 *
 * @example coarseToFine({ lr: logUniform(1e-5, 1) }, { rounds: 3, trialsPerRound: 8 })
 */
export function coarseToFine<S extends Space>(
  space: S,
  options: CoarseToFineOptions = {},
): Strategy<S> {
  checkSpace("coarseToFine", space);
  const { rounds = 3, trialsPerRound = 10, margin = 0.1, budget } = options;
  const { keep = Math.max(2, Math.ceil(trialsPerRound / 4)) } = options;
  checkCount("coarseToFine", "rounds", rounds);
  checkCount("coarseToFine", "trialsPerRound", trialsPerRound);
  checkCount("coarseToFine", "keep", keep);
  if (!(margin >= 0)) throw new RangeError(`coarseToFine: margin must be ≥ 0, got ${margin}`);
  const names = Object.keys(space);
  return {
    name: `coarseToFine(${rounds} rounds × ${trialsPerRound} trials)`,
    space,
    async search(ctx) {
      let box = names.map(() => [0, 1]);
      const seen: { number: number; value: number; u: number[] }[] = [];
      for (let round = 0; round < rounds; round++) {
        const narrowed = Object.fromEntries(
          names.map((n, i) => [n, space[n].narrow(box[i][0], box[i][1])]),
        ) as S;
        const configs = Array.from({ length: trialsPerRound }, () =>
          sampleSpace(narrowed, ctx.generator),
        );
        const trials = await ctx.evaluate(configs.map((params) => ({ params, budget })));
        const best = bestOf(ctx, trials, Infinity);
        seen.push(
          ...best.map((t) => ({
            number: t.number,
            value: ctx.loss(t),
            u: spaceToUnit(space, t.params),
          })),
        );
        seen.sort((a, b) => a.value - b.value || a.number - b.number);
        const top = seen.slice(0, keep);
        ctx.addRound({
          label: `round ${round}`,
          trials: trials.map((t) => t.number),
          kept: top.map((t) => t.number),
          budget,
          space: narrowed,
        });
        if (top.length > 0)
          box = box.map(([a, b], i) =>
            shrink(
              a,
              b,
              top.map((t) => t.u[i]),
              margin,
            ),
          );
      }
    },
  };
}

/** [min u − m·w, max u + m·w] ∩ [0, 1], w = b − a (never empty: at least 1e-6 of padding). */
function shrink(a: number, b: number, us: number[], margin: number): [number, number] {
  const pad = Math.max(margin * (b - a), 1e-6);
  return [Math.max(0, Math.min(...us) - pad), Math.min(1, Math.max(...us) + pad)];
}
