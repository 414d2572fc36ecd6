import { type ParamsOf, type Space, checkSpace } from "./space";
import { type Strategy, checkCount } from "./strategy";

/** Options of `gridSearch`. */
export interface GridSearchOptions {
  /** Points per hyperparameter, or per name (`{ lr: 5, beta1: 3 }`). Default 5. A `choice` always gives all its options. */
  pointsPerDim?: number | Record<string, number>;
  /** Epochs each trial may train to (`trial.budget`). */
  budget?: number;
}

/**
 * Grid search (lecture 000): every combination of a few values per hyperparameter, each
 * placed evenly on the hyperparameter's own scale — "not at equal intervals, but according
 * to its distribution": `logUniform(1e-4, 1)` with 5 points gives 0.0001, 0.001, 0.01,
 * 0.1, 1, and `oneMinusLogUniform(0.9, 0.999)` with 3 gives 0.9, 0.99, 0.999.
 *
 * k points per dimension in d dimensions cost k^d trials, and lecture 001 notes the grid
 * spends them evenly on unimportant hyperparameters: only k distinct values of the one that
 * matters, where random search with k^d trials tries k^d. Trials run in grid order, the
 * last hyperparameter varying fastest.
 *
 * @example gridSearch({ lr: logUniform(1e-4, 1) }, { pointsPerDim: 5 })
 */
export function gridSearch<S extends Space>(
  space: S,
  options: GridSearchOptions = {},
): Strategy<S> {
  checkSpace("gridSearch", space);
  const { pointsPerDim = 5, budget } = options;
  const names = Object.keys(space);
  const axes = names.map((name) => {
    const k = typeof pointsPerDim === "number" ? pointsPerDim : (pointsPerDim[name] ?? 5);
    checkCount("gridSearch", `pointsPerDim for ${name}`, k);
    return space[name].grid(k);
  });
  const points = axes.reduce<unknown[][]>(
    (rows, axis) => rows.flatMap((row) => axis.map((v) => [...row, v])),
    [[]],
  );
  const configs = points.map(
    (row) => Object.fromEntries(names.map((n, i) => [n, row[i]])) as ParamsOf<S>,
  );
  return {
    name: `gridSearch(${axes.map((a) => a.length).join(" × ")} = ${configs.length} trials)`,
    space,
    async search(ctx) {
      const trials = await ctx.evaluate(configs.map((params) => ({ params, budget })));
      ctx.addRound({ label: "grid", trials: trials.map((t) => t.number), budget, space });
    },
  };
}
