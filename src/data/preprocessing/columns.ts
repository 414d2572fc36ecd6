import { allocate, isFloat } from "../../tensor/dtype";
import { formatShape } from "../../tensor/shape";
import { Tensor } from "../../tensor/tensor";

/**
 * What the scalers share: a data matrix is [N, D] (N samples as rows, D features as
 * columns, scikit-learn's layout), and a scaler fitted on D columns only accepts D.
 */

/** [N, D] of a data matrix, or an error saying what was expected. */
export function matrixShape(where: string, x: Tensor): [number, number] {
  if (x.ndim !== 2 || x.shape[0] === 0) {
    const hint =
      x.ndim === 1 ? "; one sample is x.reshape(1, -1), one feature x.reshape(-1, 1)" : "";
    throw new RangeError(
      `${where}: expected a data matrix [N, D] with N ≥ 1 (samples × features), got ${formatShape(x.shape)}${hint}`,
    );
  }
  return [x.shape[0], x.shape[1]];
}

/** The error for using a scaler before `fit`: `StandardScaler: call fit(x) on the training data before transform(x)`. */
export function notFitted(scaler: string, use: string): Error {
  return new Error(`${scaler}: call fit(x) on the training data before ${use}`);
}

/** Throws unless `x` has the `D` columns the scaler was fitted on; the message names both shapes. */
export function checkColumns(
  scaler: string,
  method: string,
  fitShape: readonly number[],
  x: Tensor,
): void {
  const [, D] = matrixShape(`${scaler}.${method}`, x);
  if (D !== fitShape[1]) {
    throw new RangeError(
      `${scaler}: fitted on ${formatShape(fitShape)} (${fitShape[1]} features), ` +
        `${method}(x) got ${formatShape(x.shape)} (${D} features)`,
    );
  }
}

/** A new tensor with  out[i, j] = f(x[i, j], j); float inputs keep their dtype, others become float64. */
export function mapColumns(x: Tensor, f: (value: number, j: number) => number): Tensor {
  const D = x.shape[1];
  const out = allocate(isFloat(x.dtype) ? x.dtype : "float64", x.size);
  for (let k = 0; k < x.size; k++) out[k] = f(x.data[k], k % D);
  return new Tensor(out, x.shape.slice());
}

/** Per-column statistics as a float64 [D] tensor, for reading (a copy). */
export function columnTensor(values: Float64Array): Tensor {
  return new Tensor(values.slice(), [values.length]);
}
