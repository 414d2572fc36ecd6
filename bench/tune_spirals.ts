import { type Tensor, nn, optim } from "../src";
import { makeSpirals } from "../src/data/datasets/make_spirals";
import type { Callback } from "../src/train/callback";
import { fit } from "../src/train/fit";
import {
  type Trial,
  Study,
  gridSearch,
  logUniform,
  oneMinusLogUniform,
  randomSearch,
  successiveHalving,
  hyperband,
  choice,
} from "../src/tune";

/** The spiral task's hyperparameters: Adam's α and β₁ (lecture 001's "sample 1 − β"). */
export interface SpiralParams {
  lr: number;
  beta1: number;
}

/** Adam's defaults (PyTorch's): the configuration a search has to beat. */
export const SPIRAL_DEFAULTS: SpiralParams = { lr: 1e-3, beta1: 0.9 };

/** The space searched: α log-uniform over four decades, β₁ with 1 − β₁ log-uniform. */
export const spiralSpace = { lr: logUniform(1e-4, 1), beta1: oneMinusLogUniform(0.9, 0.999) };

let cached: { train: { x: Tensor; y: Tensor }; val: { x: Tensor; y: Tensor } } | undefined;

/** 3-arm spirals, 100 points per arm: training set seed 0, validation set seed 1. */
function spirals() {
  cached ??= { train: makeSpirals(100, 3, { seed: 0 }), val: makeSpirals(100, 3, { seed: 1 }) };
  return cached;
}

/** A fit callback reporting the validation loss to the trial each epoch, stopping when it should prune. */
function reportTo(trial: Trial): Callback {
  return {
    onEpochEnd(ctx, epoch) {
      trial.report(ctx.history.epochs.val.loss[epoch], epoch);
      if (trial.shouldPrune()) ctx.stop("earlyStopping", "the search stopped this trial");
    },
  };
}

/**
 * The objective of the real-task tests and benchmark: an MLP 2 → 32 → 3 (ReLU) trained with
 * Adam(lr, betas [β₁, 0.999]) on the spirals, batch 32, for `trial.budget` epochs (default
 * 20), seeded by `trial.seed` (initial weights from the default generator the study seeds,
 * shuffles from `fit`'s seed). Reports the validation loss each epoch; returns the last.
 * A learning rate that diverges returns NaN: the trial fails.
 */
export async function spiralObjective(params: SpiralParams, trial: Trial): Promise<number> {
  const { train, val } = spirals();
  const net = new nn.Sequential(new nn.Linear(2, 32), new nn.ReLU(), new nn.Linear(32, 3));
  const history = await fit(net, {
    optimizer: new optim.Adam(net.parameters(), { lr: params.lr, betas: [params.beta1, 0.999] }),
    loss: nn.crossEntropy,
    train,
    val,
    epochs: trial.budget ?? 20,
    batchSize: 32,
    seed: trial.seed,
    verbose: 0,
    callbacks: [reportTo(trial)],
  });
  return history.epochs.val.loss.at(-1) ?? NaN;
}

/**
 * The spiral task end to end (lectures 000–002): a log-scale learning-rate sweep (too low /
 * good / too high), random search over α and 1 − β₁ against Adam's defaults, and successive
 * halving and hyperband against training every configuration to the end.
 */
export async function run(): Promise<void> {
  const sweep = new Study({ seed: 0 });
  await sweep.optimize(
    spiralObjective,
    gridSearch({ lr: logUniform(1e-5, 10), beta1: choice([0.9]) }, { pointsPerDim: 7 }),
  );
  console.log("learning-rate sweep, Adam, 20 epochs (validation loss):");
  for (const t of sweep.trials)
    console.log(`  lr ${String(t.params.lr).padEnd(7)} ${t.value?.toFixed(4) ?? t.error}`);

  const defaults = await new Study({ seed: 0 }).optimize(
    spiralObjective,
    gridSearch({ lr: choice([SPIRAL_DEFAULTS.lr]), beta1: choice([SPIRAL_DEFAULTS.beta1]) }),
  );
  const random = await new Study({ seed: 0 }).optimize(
    spiralObjective,
    randomSearch(spiralSpace, { nTrials: 30 }),
  );
  const best = random.bestTrial!;
  console.log(`\nAdam defaults (lr 1e-3, β₁ 0.9): ${defaults.trials[0].value!.toFixed(4)}`);
  console.log(
    `random search, 30 trials: ${best.value!.toFixed(4)} at lr ${Number(best.params.lr).toPrecision(3)}, β₁ ${Number(best.params.beta1).toPrecision(4)}`,
  );

  const [minBudget, maxBudget, eta] = [1, 27, 3];
  const full = await new Study({ seed: 1 }).optimize(
    spiralObjective,
    randomSearch(spiralSpace, { nTrials: 27, budget: maxBudget }),
  );
  const sh = await new Study({ seed: 1 }).optimize(
    spiralObjective,
    successiveHalving(spiralSpace, { minBudget, maxBudget, eta }),
  );
  const hb = await new Study({ seed: 1 }).optimize(
    spiralObjective,
    hyperband(spiralSpace, { minBudget, maxBudget, eta }),
  );
  console.log(`\n27 configurations, ${maxBudget} epochs each at most (η = ${eta}):`);
  console.log("  strategy               epochs  trials  best validation loss");
  for (const [name, s] of [
    ["all to the end", full],
    ["successive halving", sh],
    ["hyperband", hb],
  ] as const) {
    console.log(
      `  ${name.padEnd(22)} ${String(s.budgetUsed).padStart(6)}  ${String(s.trials.length).padStart(6)}  ${s.bestTrial!.value!.toFixed(4)}`,
    );
  }
}
