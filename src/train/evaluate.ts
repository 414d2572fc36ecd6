import { noGrad } from "../autograd/grad_mode";
import { DataLoader } from "../data/data_loader";
import { type DataLike, type Dataset, asDataset } from "../data/tensor_dataset";
import type { Module } from "../nn/module";
import type { Tensor } from "../tensor/tensor";
import { type MetricFn, type MetricSpec, resolveMetrics } from "./metrics";

/** A loss function: the batch's mean loss as a scalar tensor (`nn.crossEntropy`, `nn.mseLoss`). */
export type LossFn = (output: Tensor, target: Tensor) => Tensor;

/** Options of `evaluate`. */
export interface EvaluateOptions {
  /** The loss to report as `loss`. */
  loss?: LossFn;
  /** Metrics to report by name: `["accuracy"]`, or named functions. */
  metrics?: MetricSpec[];
  /** Samples per forward pass (only memory and speed depend on it). Default 256. */
  batchSize?: number;
}

/**
 * The loss and metrics of `model` on `data`, in eval mode (dropout off, BatchNorm on its
 * running statistics) and under `noGrad`, as the validation and test sets of lecture 000
 * are scored. Each value is the mean over all N samples: batch means weighted by batch size,
 *
 * $$ \bar L = \frac{1}{N} \sum_b n_b\, L_b $$
 *
 * which is the full-data mean for losses and metrics that average over samples. Every
 * module's mode (train or eval) is restored afterwards.
 *
 * @example evaluate(net, { x: Xtest, y: yTest }, { loss: nn.crossEntropy, metrics: ["accuracy"] })
 * // { loss: 0.081, accuracy: 0.976 }
 */
export function evaluate(
  model: Module,
  data: DataLike,
  options: EvaluateOptions = {},
): Record<string, number> {
  const { loss, metrics = [], batchSize = 256 } = options;
  const resolved = resolveMetrics("evaluate", metrics);
  if (loss === undefined && resolved.length === 0) {
    throw new TypeError(
      'evaluate: nothing to compute; pass { loss } and/or { metrics: ["accuracy"] }',
    );
  }
  return evaluateDataset(model, asDataset("evaluate", data), loss, resolved, batchSize);
}

/** `evaluate` on a dataset with resolved metrics: what `fit` calls after every epoch. */
export function evaluateDataset(
  model: Module,
  dataset: Dataset,
  loss: LossFn | undefined,
  metrics: [string, MetricFn][],
  batchSize: number,
): Record<string, number> {
  const modes = model.namedModules().map(([, m]) => [m, m.training] as const);
  model.eval();
  try {
    const sums = new Map<string, number>();
    const add = (name: string, value: number, n: number) =>
      sums.set(name, (sums.get(name) ?? 0) + n * value); // Σ n_b·L_b
    noGrad(() => {
      for (const [x, y] of new DataLoader(dataset, { batchSize })) {
        const output = model.forward(x);
        const n = x.shape[0];
        if (loss !== undefined) add("loss", loss(output, y).item(), n);
        for (const [name, fn] of metrics) add(name, fn(output, y), n);
      }
    });
    const N = dataset.length;
    return Object.fromEntries([...sums].map(([name, sum]) => [name, sum / N]));
  } finally {
    for (const [m, training] of modes) m.training = training; // each module's own mode back
  }
}
