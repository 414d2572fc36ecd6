import type { Tensor } from "../../tensor/tensor";
import { checkColumns, columnTensor, mapColumns, matrixShape, notFitted } from "./columns";

/** Options of `MinMaxScaler` (scikit-learn's names). */
export interface MinMaxScalerOptions {
  /** [a, b], the range every column is mapped to. Default [0, 1]. */
  featureRange?: [number, number];
  /** Clamp transformed values to [a, b] (unseen data can fall outside). Default false. */
  clip?: boolean;
}

interface Fitted {
  shape: number[];
  dataMin: Float64Array;
  dataMax: Float64Array;
  scale: Float64Array;
  min: Float64Array;
}

/**
 * Min–max normalisation (lecture 002 "数据归一化"): map each column's training range
 * [min_j, max_j] linearly onto `featureRange` [a, b]:
 *
 *     s_j = (b − a) / (max_j − min_j),   m_j = a − min_j · s_j,   z_ij = x_ij · s_j + m_j
 *
 * as scikit-learn's `MinMaxScaler` (`scale_` = s, `min_` = m). A constant column
 * (max_j − min_j ≈ 0) gets s_j = b − a instead of a division by zero.
 * Fit on the training data only; test data may then land outside [a, b] (`clip: true`
 * clamps it). MNIST's x/255 is this scaler with min 0, max 255 fixed in advance.
 *
 * @example const z = new MinMaxScaler({ featureRange: [-1, 1] }).fitTransform(xTrain);
 */
export class MinMaxScaler {
  readonly featureRange: [number, number];
  readonly clip: boolean;
  private fitted: Fitted | null = null;

  constructor(options: MinMaxScalerOptions = {}) {
    const [a, b] = options.featureRange ?? [0, 1];
    if (!(a < b) || !Number.isFinite(a) || !Number.isFinite(b)) {
      throw new RangeError(
        `MinMaxScaler: featureRange must be [a, b] with a < b, got [${a}, ${b}]`,
      );
    }
    this.featureRange = [a, b];
    this.clip = options.clip ?? false;
  }

  /** Learns min_j and max_j of each column of the training data x [N, D]. */
  fit(x: Tensor): this {
    const [N, D] = matrixShape("MinMaxScaler.fit", x);
    const dataMin = new Float64Array(D).fill(Infinity);
    const dataMax = new Float64Array(D).fill(-Infinity);
    for (let k = 0; k < x.size; k++) {
      dataMin[k % D] = Math.min(dataMin[k % D], x.data[k]);
      dataMax[k % D] = Math.max(dataMax[k % D], x.data[k]);
    }
    const [a, b] = this.featureRange;
    const scale = dataMax.map((hi, j) => {
      const range = hi - dataMin[j];
      return (b - a) / (range < 10 * Number.EPSILON ? 1 : range); // s_j = (b − a) / (max_j − min_j)
    });
    const min = scale.map((s, j) => a - dataMin[j] * s); // m_j = a − min_j · s_j
    this.fitted = { shape: [N, D], dataMin, dataMax, scale, min };
    return this;
  }

  /** z = x·s + m, column by column (clamped to [a, b] with `clip`). */
  transform(x: Tensor): Tensor {
    const { scale, min } = this.use("transform", x);
    const [a, b] = this.featureRange;
    return mapColumns(x, (v, j) => {
      const z = v * scale[j] + min[j];
      return this.clip ? Math.min(Math.max(z, a), b) : z;
    });
  }

  /** `fit(x)` then `transform(x)`: for the training data only. */
  fitTransform(x: Tensor): Tensor {
    return this.fit(x).transform(x);
  }

  /** x = (z − m) / s: back to the original units. */
  inverseTransform(z: Tensor): Tensor {
    const { scale, min } = this.use("inverseTransform", z);
    return mapColumns(z, (v, j) => (v - min[j]) / scale[j]);
  }

  /** min_j, float64 [D]. */
  get dataMin(): Tensor {
    return columnTensor(this.stats("reading dataMin").dataMin);
  }
  /** max_j, float64 [D]. */
  get dataMax(): Tensor {
    return columnTensor(this.stats("reading dataMax").dataMax);
  }
  /** s_j (scikit-learn's `scale_`), float64 [D]. */
  get scale(): Tensor {
    return columnTensor(this.stats("reading scale").scale);
  }
  /** m_j (scikit-learn's `min_`), float64 [D]. */
  get min(): Tensor {
    return columnTensor(this.stats("reading min").min);
  }
  /** D, the number of columns seen by `fit`. */
  get nFeaturesIn(): number {
    return this.stats("reading nFeaturesIn").shape[1];
  }

  private stats(use: string): Fitted {
    if (this.fitted === null) throw notFitted("MinMaxScaler", use);
    return this.fitted;
  }

  private use(method: string, x: Tensor): Fitted {
    const fitted = this.stats(`${method}(x)`);
    checkColumns("MinMaxScaler", method, fitted.shape, x);
    return fitted;
  }
}
