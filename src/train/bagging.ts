import { mixSeed } from "../data/data_loader";
import { type DataLike, TensorDataset, asDataset } from "../data/tensor_dataset";
import type { Module } from "../nn/module";
import { Generator, defaultGenerator } from "../tensor/random";
import { Ensemble, type EnsembleMode } from "./ensemble";

/** Options of `bagging`. */
export interface BaggingOptions {
  /** k, the number of models. Default 10 (scikit-learn's `n_estimators`). */
  k?: number;
  /** Seeds the bootstrap samples; default drawn from the default generator (`manualSeed`). */
  seed?: number;
  /** How the ensemble combines; default "vote" for int32 class labels, "average" otherwise. */
  mode?: EnsembleMode;
}

/**
 * Bagging (bootstrap aggregating, lecture 004): train k models of the same kind, model j on
 * a bootstrap sample — N draws with replacement from the N training samples, "数据集大小与
 * 原始数据集保持一致" — and let them decide together (`Ensemble`: average or vote).
 *
 * $$ B_j = (i_1, \dots, i_N), \quad i_t \sim \mathrm{U}\{0, \dots, N-1\} \ \text{i.i.d.}, \qquad \hat f = \mathrm{combine}(f_{B_1}, \dots, f_{B_k}) $$
 *
 * Sample j is drawn from `new Generator(mixSeed(seed, j))`, so it depends only on the seed
 * and j. About 1 − 1/e ≈ 63% of the samples appear in each B_j; `ensemble.samples[j]` holds
 * the indices (the others are model j's out-of-bag samples). `trainFn` trains one model,
 * usually with `fit`; the models are trained one after another.
 *
 * @example
 * const ens = await bagging(() => makeNet(), (net, data) => fit(net, { optimizer: new optim.SGD(net.parameters(), { lr: 0.1 }), loss: nn.crossEntropy, train: data, epochs: 20, verbose: 0 }), { x: X, y }, { k: 3, seed: 0 });
 */
export async function bagging(
  makeModel: (j: number) => Module,
  trainFn: (model: Module, sample: TensorDataset, j: number) => unknown,
  data: DataLike,
  options: BaggingOptions = {},
): Promise<Ensemble> {
  const { k = 10 } = options;
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`bagging: k must be a positive integer, got ${k}`);
  if (typeof makeModel !== "function" || typeof trainFn !== "function") {
    throw new TypeError(
      "bagging: makeModel and trainFn must be functions: (j) => Module and (model, sample, j) => …",
    );
  }
  const dataset = asDataset("bagging", data);
  const N = dataset.length;
  const seed = options.seed ?? defaultGenerator.nextUint32();
  const models: Module[] = [];
  const samples: Int32Array[] = [];
  for (let j = 0; j < k; j++) {
    const generator = new Generator(mixSeed(seed, j));
    const indices = Int32Array.from({ length: N }, () => generator.int(0, N)); // N draws with replacement
    const [x, y] = dataset.batch(indices);
    const model = makeModel(j);
    await trainFn(model, new TensorDataset(x, y), j);
    models.push(model);
    samples.push(indices);
  }
  const mode = options.mode ?? (dataset.batch([0])[1].dtype === "int32" ? "vote" : "average");
  const ensemble = new Ensemble(models, mode);
  ensemble.samples = samples;
  return ensemble;
}
