import { manualSeed } from "../../tensor/random";
import { formatShape } from "../../tensor/shape";
import { Tensor } from "../../tensor/tensor";
import type { Split, SplitInput, Splitter } from "./splitter";

/** What `trainAndScore` gets for one fold: the indices to train and to validate on. */
export interface FoldContext extends Split {
  /** 0-based number of the fold. */
  fold: number;
}

/** Makes a model, trains it on `train`, returns its metrics on `val` (`{ accuracy: 0.93 }`). */
export type TrainAndScore = (
  context: FoldContext,
) => Promise<Record<string, number>> | Record<string, number>;

/** One fold's outcome: its split, its metrics (empty if it failed), how long it took. */
export interface FoldResult extends FoldContext {
  metrics: Record<string, number>;
  durationMs: number;
  /** What the fold threw; absent when it succeeded. */
  error?: Error;
}

/** Options of `crossValidate`. */
export interface CrossValidateOptions {
  /** `manualSeed(seed)` before every fold: each fold's model starts from the same weights. */
  seed?: number;
  /** std divides by (m − correction) over m folds. Default 1 (sample std, as nnlab's `variance`). */
  correction?: number;
  /** Called after each fold (a live widget, a progress line). */
  onFold?: (result: FoldResult) => void;
}

/** Everything a fold widget needs: who was where in each fold, and the scores. */
export interface CrossValidateResult {
  /** The splits, in order, drawn before any training. */
  splits: Split[];
  folds: FoldResult[];
  /** Per metric, over the folds that succeeded: x̄ = (1/m) Σ x_i. */
  mean: Record<string, number>;
  /** Per metric: √(Σ (x_i − x̄)² / (m − correction)); NaN for a single fold with correction 1. */
  std: Record<string, number>;
  /** Per metric, m: the number of folds that reported it. */
  count: Record<string, number>;
  nSucceeded: number;
  nFailed: number;
  correction: number;
}

/**
 * Cross-validation (lecture 000; lecture 004: MSE = (1/K) Σ_i MSE_i): train and score
 * one model per split of `splitter.split(data)`, then average each metric over folds.
 *
 * The splits are drawn first, then the folds run one after another (awaiting
 * `trainAndScore` when it is async). A fold that throws, or returns a metric that is not
 * a number, is kept with its `error`, and the other folds go on; mean and std cover the
 * successful folds (`count`, `nSucceeded` say how many).
 *
 * std is the sample standard deviation (`correction: 1`, ddof = 1, as `variance` and
 * PyTorch's `std`). scikit-learn users usually print `scores.std()`, NumPy's ddof = 0:
 * pass `{ correction: 0 }` to compare with them; with 5 folds ddof = 1 is √(5/4) ≈ 1.12× larger.
 *
 * @example
 * // makeNet, trainNet and accuracyOf are the notebook's own functions
 * const cv = await crossValidate(({ train, val }) => {
 *   const net = makeNet();
 *   trainNet(net, take(x, train), take(y, train));
 *   return { accuracy: accuracyOf(net, take(x, val), take(y, val)) };
 * }, new StratifiedKFold(5), y, { seed: 0 });
 * cv.mean.accuracy, cv.std.accuracy;
 */
export async function crossValidate(
  trainAndScore: TrainAndScore,
  splitter: Splitter,
  data: SplitInput,
  options: CrossValidateOptions = {},
): Promise<CrossValidateResult> {
  const { seed, correction = 1, onFold } = options;
  const splits = [...splitter.split(data)];
  const folds: FoldResult[] = [];
  for (const [fold, { train, val }] of splits.entries()) {
    if (seed !== undefined) manualSeed(seed);
    const result = await runFold(trainAndScore, { fold, train, val });
    folds.push(result);
    onFold?.(result);
  }
  const ok = folds.filter((f) => f.error === undefined);
  return {
    splits,
    folds,
    ...summarize(ok, correction),
    nSucceeded: ok.length,
    nFailed: folds.length - ok.length,
    correction,
  };
}

/** Runs one fold, timing it; whatever it throws becomes its `error`. */
async function runFold(trainAndScore: TrainAndScore, context: FoldContext): Promise<FoldResult> {
  const start = performance.now();
  try {
    const metrics = await trainAndScore(context);
    checkMetrics(context.fold, metrics);
    return { ...context, metrics, durationMs: performance.now() - start };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    return { ...context, metrics: {}, durationMs: performance.now() - start, error };
  }
}

/** Throws unless `metrics` is a record of numbers (a Tensor is a common slip: `.item()` it). */
function checkMetrics(fold: number, metrics: unknown): asserts metrics is Record<string, number> {
  if (typeof metrics !== "object" || metrics === null || Array.isArray(metrics)) {
    throw new TypeError(
      `crossValidate: fold ${fold} returned ${String(metrics)}; return a record of numbers, e.g. { accuracy: 0.9 }`,
    );
  }
  for (const [name, value] of Object.entries(metrics)) {
    if (typeof value === "number") continue;
    const hint =
      value instanceof Tensor ? `a Tensor ${formatShape(value.shape)}; use .item()` : typeof value;
    throw new TypeError(
      `crossValidate: fold ${fold} metric "${name}" must be a number, got ${hint}`,
    );
  }
}

/** mean, std and count of each metric over the successful folds. */
function summarize(
  ok: FoldResult[],
  correction: number,
): Pick<CrossValidateResult, "mean" | "std" | "count"> {
  const mean: Record<string, number> = {};
  const std: Record<string, number> = {};
  const count: Record<string, number> = {};
  const names = [...new Set(ok.flatMap((f) => Object.keys(f.metrics)))];
  for (const name of names) {
    const x = ok.flatMap((f) => (name in f.metrics ? [f.metrics[name]] : []));
    const m = x.length;
    const xBar = x.reduce((a, b) => a + b, 0) / m; // x̄ = (1/m) Σ x_i
    const ss = x.reduce((a, xi) => a + (xi - xBar) ** 2, 0); // Σ (x_i − x̄)²
    mean[name] = xBar;
    std[name] = Math.sqrt(ss / Math.max(m - correction, 0)); // 0/0 = NaN for one fold
    count[name] = m;
  }
  return { mean, std, count };
}
