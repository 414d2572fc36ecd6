import { type Space, checkSpace, sampleSpace } from "./space";
import { type Strategy, checkCount } from "./strategy";

/** Options of `randomSearch`. */
export interface RandomSearchOptions {
  /** How many configurations to draw and evaluate. */
  nTrials: number;
  /** Epochs each trial may train to (`trial.budget`). */
  budget?: number;
}

/**
 * Random search (lecture 000; lecture 001 §1.4.2 "choose points at random, not on a
 * grid"): draw each hyperparameter from its distribution, independently, `nTrials` times.
 * Since we rarely know in advance which hyperparameters matter, random points give n
 * distinct values of every one of them where a grid of n points gives only n^(1/d)
 * (Bergstra & Bengio 2012). Draws come from the study's strategy stream, so the same study
 * seed gives the same configurations.
 *
 * @example randomSearch({ lr: logUniform(1e-4, 1), beta1: oneMinusLogUniform(0.9, 0.999) }, { nTrials: 20 })
 */
export function randomSearch<S extends Space>(space: S, options: RandomSearchOptions): Strategy<S> {
  checkSpace("randomSearch", space);
  const { nTrials, budget } = options;
  checkCount("randomSearch", "nTrials", nTrials);
  return {
    name: `randomSearch(${nTrials} trials)`,
    space,
    async search(ctx) {
      const configs = Array.from({ length: nTrials }, () => sampleSpace(space, ctx.generator));
      const trials = await ctx.evaluate(configs.map((params) => ({ params, budget })));
      ctx.addRound({ label: "random", trials: trials.map((t) => t.number), budget, space });
    },
  };
}
