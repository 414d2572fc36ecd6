import type { Tensor } from "../../tensor/tensor";
import { checkColumns, columnTensor, mapColumns, matrixShape, notFitted } from "./columns";

/** Options of `StandardScaler` (scikit-learn's names). */
export interface StandardScalerOptions {
  /** Subtract the mean μ. Default true. */
  withMean?: boolean;
  /** Divide by the standard deviation σ. Default true. */
  withStd?: boolean;
}

interface Fitted {
  shape: number[];
  mean: Float64Array;
  variance: Float64Array;
  scale: Float64Array;
}

/**
 * Standardisation (lecture 002 "数据归一化", lecture 003 normalisation): give every
 * feature mean 0 and variance 1, so no weight needs a step size of its own.
 *
 *     μ_j = (1/N) Σᵢ x_ij,   σ_j² = (1/N) Σᵢ (x_ij − μ_j)²,   z_ij = (x_ij − μ_j) / σ_j
 *
 * σ is the population standard deviation (1/N), as scikit-learn's `StandardScaler`.
 * A constant column (σ_j = 0 up to rounding, scikit-learn's test) keeps σ_j := 1 in
 * `scale`, so it becomes 0 instead of NaN: MNIST's always-black border pixels.
 *
 * Fit on the training data only, then transform training, validation and test data with
 * the same μ and σ: fitting on all of it leaks the test set into training.
 * Statistics are computed in float64; outputs keep a float input's dtype.
 *
 * @example
 * const scaler = new StandardScaler().fit(xTrain);
 * const zTrain = scaler.transform(xTrain), zTest = scaler.transform(xTest);
 */
export class StandardScaler {
  readonly withMean: boolean;
  readonly withStd: boolean;
  private fitted: Fitted | null = null;

  constructor(options: StandardScalerOptions = {}) {
    this.withMean = options.withMean ?? true;
    this.withStd = options.withStd ?? true;
  }

  /** Learns μ and σ of each column of the training data x [N, D]. */
  fit(x: Tensor): this {
    const [N, D] = matrixShape("StandardScaler.fit", x);
    const mean = new Float64Array(D);
    const variance = new Float64Array(D);
    for (let k = 0; k < x.size; k++) mean[k % D] += x.data[k];
    for (let j = 0; j < D; j++) mean[j] /= N; // μ_j = (1/N) Σᵢ x_ij
    for (let k = 0; k < x.size; k++) variance[k % D] += (x.data[k] - mean[k % D]) ** 2;
    for (let j = 0; j < D; j++) variance[j] /= N; // σ_j² = (1/N) Σᵢ (x_ij − μ_j)²
    const scale = variance.map((v, j) => (isConstant(v, mean[j], N) ? 1 : Math.sqrt(v)));
    this.fitted = { shape: [N, D], mean, variance, scale };
    return this;
  }

  /** z = (x − μ) / σ, column by column, with the μ and σ of `fit`. */
  transform(x: Tensor): Tensor {
    const { mean, scale } = this.use("transform", x);
    return mapColumns(x, (v, j) => (v - mean[j]) / scale[j]);
  }

  /** `fit(x)` then `transform(x)`: for the training data only. */
  fitTransform(x: Tensor): Tensor {
    return this.fit(x).transform(x);
  }

  /** x = z·σ + μ: back to the original units (predictions of a regression, for example). */
  inverseTransform(z: Tensor): Tensor {
    const { mean, scale } = this.use("inverseTransform", z);
    return mapColumns(z, (v, j) => v * scale[j] + mean[j]);
  }

  /** μ, float64 [D]. */
  get mean(): Tensor {
    return columnTensor(this.stats("reading mean").mean);
  }
  /** σ² (population), float64 [D]. */
  get var(): Tensor {
    return columnTensor(this.stats("reading var").variance);
  }
  /** σ (population), float64 [D]. */
  get std(): Tensor {
    return columnTensor(this.stats("reading std").variance.map(Math.sqrt));
  }
  /** What `transform` divides by: σ, with 1 for constant columns (scikit-learn's `scale_`). */
  get scale(): Tensor {
    return columnTensor(this.stats("reading scale").scale);
  }
  /** D, the number of columns seen by `fit`. */
  get nFeaturesIn(): number {
    return this.stats("reading nFeaturesIn").shape[1];
  }

  private stats(use: string): Fitted {
    if (this.fitted === null) throw notFitted("StandardScaler", use);
    return this.fitted;
  }

  /** The shift and divisor that `withMean` and `withStd` ask for, after checking x. */
  private use(method: string, x: Tensor): { mean: Float64Array; scale: Float64Array } {
    const fitted = this.stats(`${method}(x)`);
    checkColumns("StandardScaler", method, fitted.shape, x);
    const D = fitted.shape[1];
    return {
      mean: this.withMean ? fitted.mean : new Float64Array(D),
      scale: this.withStd ? fitted.scale : new Float64Array(D).fill(1),
    };
  }
}

/**
 * scikit-learn's test for a constant column: its variance is within the rounding error
 * of the two-pass algorithm (Chan, Golub & LeVeque):  σ² ≤ Nεσ² + (Nμε)².
 */
function isConstant(variance: number, mean: number, N: number): boolean {
  const eps = Number.EPSILON;
  return variance <= N * eps * variance + (N * mean * eps) ** 2;
}
