import { noGrad } from "../autograd/grad_mode";
import { formatShape } from "../tensor/shape";
import { Tensor } from "../tensor/tensor";

/**
 * Metrics: numbers that say how good a model's outputs are, computed from the data only
 * (no graph). Each takes the model's output and the targets of a batch and returns the
 * batch's mean, so `fit` and `evaluate` average batches weighted by their size.
 */

/** A metric function: the mean over the batch of a per-sample score. Its `name` names it in the history. */
export type MetricFn = (output: Tensor, target: Tensor) => number;

/** A metric as `fit` and `evaluate` accept it: a built-in by name, or a named function. */
export type MetricSpec = "accuracy" | "mse" | MetricFn;

/**
 * Classification accuracy, the fraction of samples whose predicted class is the target:
 *
 * $$ \mathrm{acc} = \frac{1}{N} \sum_i [\hat y_i = y_i], \qquad \hat y_i = \arg\max_c z_{ic} $$
 *
 * Shapes: output `[N, C]` scores (logits or probabilities) or `[N]` predicted labels;
 * target `[N]` labels or `[N, C]` one-hot (its argmax is the label).
 *
 * @example accuracy(net.forward(X), y)   // 0.97
 */
export function accuracy(output: Tensor, target: Tensor): number {
  const yHat = labels("accuracy", "output", output);
  const y = labels("accuracy", "target", target);
  sameCount("accuracy", "samples", yHat.length, y.length);
  let correct = 0;
  for (let i = 0; i < y.length; i++) if (yHat[i] === y[i]) correct++;
  return correct / y.length;
}

/**
 * The confusion matrix M `[C, C]` (int32): M[i][j] counts samples of true class i predicted
 * as class j, as scikit-learn's `confusion_matrix` (rows are the truth). Its diagonal holds
 * the correct predictions: accuracy = trace(M) / N.
 *
 * @example confusionMatrix(tensor([0, 1, 1]), tensor([0, 1, 0]), 2)   // [[1, 1], [0, 1]]
 */
export function confusionMatrix(pred: Tensor, target: Tensor, numClasses: number): Tensor {
  const where = "confusionMatrix";
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new RangeError(`${where}: numClasses must be a positive integer, got ${numClasses}`);
  }
  const yHat = labels(where, "pred", pred);
  const y = labels(where, "target", target);
  sameCount(where, "samples", yHat.length, y.length);
  const M = new Int32Array(numClasses * numClasses);
  for (let n = 0; n < y.length; n++) {
    for (const [name, c] of [
      ["target", y[n]],
      ["pred", yHat[n]],
    ] as const) {
      if (!(Number.isInteger(c) && c >= 0 && c < numClasses)) {
        throw new RangeError(
          `${where}: ${name} label ${c} (sample ${n}) is outside 0…${numClasses - 1}; is numClasses (${numClasses}) right?`,
        );
      }
    }
    M[y[n] * numClasses + yHat[n]] += 1; // row = true class, column = predicted
  }
  return new Tensor(M, [numClasses, numClasses]);
}

/**
 * Mean squared error, (1/n) Σ (ŷ − y)² over all n elements, as a number (a metric for
 * regression; `nn.mseLoss` is the differentiable loss). Output and target must have the same
 * number of elements; `[N, 1]` against `[N]` compares element by element (no broadcasting).
 */
export function mse(output: Tensor, target: Tensor): number {
  sameCount("mse", "elements", output.size, target.size);
  let sum = 0;
  for (let i = 0; i < output.size; i++) {
    const d = output.data[i] - target.data[i];
    sum += d * d; // (ŷ − y)²
  }
  return sum / output.size;
}

/** `specs` as named functions, checking names are usable and distinct. */
export function resolveMetrics(
  where: string,
  specs: readonly MetricSpec[] = [],
): [string, MetricFn][] {
  const out: [string, MetricFn][] = specs.map((spec) => {
    if (spec === "accuracy") return ["accuracy", accuracy];
    if (spec === "mse") return ["mse", mse];
    if (typeof spec !== "function") {
      throw new TypeError(
        `${where}: a metric is "accuracy", "mse" or a function (output, target) => number, got ${JSON.stringify(spec)}`,
      );
    }
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(spec.name) || spec.name === "loss") {
      throw new TypeError(
        `${where}: a metric function needs a name of letters and digits other than "loss" (it names the history's series), got "${spec.name}"; define it as \`const top3 = (out, y) => …\``,
      );
    }
    return [spec.name, spec];
  });
  const names = out.map(([name]) => name);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new TypeError(`${where}: metric "${repeated}" is given twice`);
  return out;
}

/** Class labels from `[N]` labels or the argmax of `[N, C]` scores. */
function labels(where: string, name: string, t: Tensor): ArrayLike<number> {
  if (t.ndim === 1) return t.data;
  if (t.ndim === 2 && t.shape[1] > 1) return noGrad(() => t.argmax(1)).data;
  throw new RangeError(
    `${where}: ${name} must be [N] labels or [N, C] scores with C ≥ 2, got ${formatShape(t.shape)}` +
      (t.ndim === 2
        ? "; threshold a one-output binary classifier first (output.gt(0).flatten())"
        : ""),
  );
}

function sameCount(where: string, what: string, nOut: number, nTarget: number): void {
  if (nOut !== nTarget) {
    throw new RangeError(
      `${where}: output and target must have the same number of ${what}, got ${nOut} and ${nTarget}`,
    );
  }
}
