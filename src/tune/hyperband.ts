import { type Space, checkSpace, sampleSpace } from "./space";
import type { Strategy } from "./strategy";
import { halve, rungBudgets } from "./successive_halving";

/** Options of `hyperband`. */
export interface HyperbandOptions {
  /** Epochs of the smallest rung, r. Default 1. */
  minBudget?: number;
  /** Epochs of the largest rung, R. */
  maxBudget: number;
  /** η, as in successive halving. Default 3. */
  eta?: number;
}

/**
 * Hyperband (Li, Jamieson, et al. 2018): successive halving needs a guess of how early
 * configurations can be judged (many short runs, or a few long ones?); hyperband hedges by
 * running successive halving several times, from aggressive to cautious. With
 * s_max = ⌊log_η(R/r)⌋, bracket s = s_max, …, 0 draws
 *
 * $$ n_s = \left\lceil \frac{s_{\max}+1}{s+1}\, \eta^{s} \right\rceil \text{ configurations, starting at } r_s = R\,\eta^{-s} \text{ epochs} $$
 *
 * and halves them up to R. Bracket 0 is plain random search at R epochs. Each bracket costs
 * about the same, (s_max + 1)·R epochs. Rounds are labelled "bracket s, rung i".
 *
 * @example hyperband(space, { minBudget: 1, maxBudget: 27, eta: 3 })  // brackets of 27, 12, 6, 4 configs
 */
export function hyperband<S extends Space>(space: S, options: HyperbandOptions): Strategy<S> {
  checkSpace("hyperband", space);
  const { minBudget = 1, maxBudget, eta = 3 } = options;
  const sMax = rungBudgets("hyperband", minBudget, maxBudget, eta).length - 1;
  const brackets = Array.from({ length: sMax + 1 }, (_, k) => sMax - k).map((s) => ({
    s,
    n: Math.ceil(((sMax + 1) / (s + 1)) * eta ** s), // n_s = ⌈(s_max+1)/(s+1) · η^s⌉
    budgets: rungBudgets("hyperband", minBudget, maxBudget, eta, s),
  }));
  return {
    name: `hyperband(${brackets.length} brackets of ${brackets.map((b) => b.n).join(", ")} configs)`,
    space,
    async search(ctx) {
      for (const { s, n, budgets } of brackets) {
        const configs = Array.from({ length: n }, () => sampleSpace(space, ctx.generator));
        await halve(ctx, configs, budgets, eta, `bracket ${s}, `);
      }
    },
  };
}
