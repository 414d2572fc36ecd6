import { type ParamsOf, type Space, checkSpace, sampleSpace } from "./space";
import { type SearchContext, type Strategy, bestOf, checkCount } from "./strategy";

/** Options of `successiveHalving`. */
export interface SuccessiveHalvingOptions {
  /** Epochs of the first rung, r₀. Default 1. */
  minBudget?: number;
  /** Epochs of the last rung, R: the survivors train this long. */
  maxBudget: number;
  /** η: each rung keeps the best 1/η and gives them η times the epochs. Default 3. */
  eta?: number;
  /** n, configurations drawn at random for the first rung. Default η^s, so that one survives the last rung. */
  nConfigs?: number;
}

/**
 * Successive halving (lecture 000's "逐次减半", after Jamieson & Talwalkar 2016): when
 * evaluating a configuration is expensive, stop the poor ones early and give their epochs
 * to the rest. Draw n configurations; train each for r₀ epochs; keep the best ⌊n/η⌋, train
 * them to η·r₀ epochs; …; until the survivors reach R epochs:
 *
 * $$ r_i = R\,\eta^{\,i-s}, \quad i = 0, \dots, s = \lfloor \log_\eta (R / r_0) \rfloor, \qquad n_{i+1} = \max(1, \lfloor n_i / \eta \rfloor) $$
 *
 * Each rung costs about n·r₀ epochs, so the whole run about (s+1)·n·r₀ instead of n·R.
 * A promoted trial runs again with the larger `trial.budget`: it retrains from scratch
 * (its reports count every epoch again), or resumes from what it kept in `trial.state`.
 * Trials not promoted are marked "pruned" with the value they reached; the last rung's are
 * "complete". Every rung is recorded in `study.rounds` with its budget and survivors.
 *
 * @example successiveHalving(space, { minBudget: 1, maxBudget: 27, eta: 3 })  // 27 configs: 1, 3, 9, 27 epochs
 */
export function successiveHalving<S extends Space>(
  space: S,
  options: SuccessiveHalvingOptions,
): Strategy<S> {
  checkSpace("successiveHalving", space);
  const { minBudget = 1, maxBudget, eta = 3 } = options;
  const budgets = rungBudgets("successiveHalving", minBudget, maxBudget, eta);
  const { nConfigs = eta ** (budgets.length - 1) } = options;
  checkCount("successiveHalving", "nConfigs", nConfigs);
  return {
    name: `successiveHalving(${nConfigs} configs, epochs ${budgets.join(", ")})`,
    space,
    async search(ctx) {
      const configs = Array.from({ length: nConfigs }, () => sampleSpace(space, ctx.generator));
      await halve(ctx, configs, budgets, eta, "");
    },
  };
}

/**
 * The rung budgets r_i = round(R·η^(i−s)), i = 0…s, with s = ⌊log_η(R/r₀)⌋; `s` may be given
 * (hyperband's bracket). Checks the options, naming the caller.
 */
export function rungBudgets(
  where: string,
  minBudget: number,
  maxBudget: number,
  eta: number,
  s?: number,
): number[] {
  checkCount(where, "minBudget", minBudget);
  checkCount(where, "maxBudget", maxBudget, minBudget);
  if (!(eta > 1)) throw new RangeError(`${where}: eta must be > 1, got ${eta}`);
  const rungs = s ?? Math.floor(Math.log(maxBudget / minBudget) / Math.log(eta) + 1e-9);
  return Array.from({ length: rungs + 1 }, (_, i) =>
    Math.max(1, Math.round(maxBudget * eta ** (i - rungs))),
  );
}

/** Runs the rungs on `configs`: evaluate, keep the best 1/η, promote, repeat; marks the dropped ones pruned. */
export async function halve<S extends Space>(
  ctx: SearchContext<S>,
  configs: ParamsOf<S>[],
  budgets: number[],
  eta: number,
  label: string,
): Promise<void> {
  let trials = await ctx.evaluate(configs.map((params) => ({ params, budget: budgets[0] })));
  for (let i = 0; i < budgets.length; i++) {
    const last = i === budgets.length - 1;
    const kept = last
      ? bestOf(ctx, trials, trials.length)
      : bestOf(ctx, trials, Math.max(1, Math.floor(trials.length / eta)));
    const numbers = trials.map((t) => t.number);
    ctx.addRound({
      label: `${label}rung ${i}`,
      trials: numbers,
      kept: kept.map((t) => t.number),
      budget: budgets[i],
    });
    if (last) return;
    for (const t of trials) if (t.status === "complete" && !kept.includes(t)) t.status = "pruned";
    trials = await ctx.evaluate(
      kept.map((t) => ({ params: t.params, budget: budgets[i + 1], trial: t })),
    );
  }
}
