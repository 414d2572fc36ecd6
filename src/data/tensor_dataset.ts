import { formatShape } from "../tensor/shape";
import { Tensor } from "../tensor/tensor";

/**
 * What a `DataLoader` reads: a number of samples and a way to fetch a batch of them by index.
 * `TensorDataset` is one; a dataset that augments on the fly implements the same two members.
 */
export interface Dataset {
  /** N, the number of samples. */
  readonly length: number;
  /** Samples `indices` (in that order) as `[xBatch, yBatch]`, stacked along a new first axis. */
  batch(indices: ArrayLike<number>): [Tensor, Tensor];
}

/** Data as `fit` and `evaluate` accept it: a `TensorDataset`, or inputs and targets as they are. */
export type DataLike = Dataset | { x: Tensor; y: Tensor };

/**
 * Inputs x and targets y whose first axis indexes the samples, as PyTorch's
 * `torch.utils.data.TensorDataset(x, y)`: sample i is `(x[i], y[i])`.
 *
 * Shapes: x `[N, …]` (`[N, 784]` for flattened MNIST), y `[N]` class labels or `[N, …]`
 * targets; both must have the same N. A mini-batch of indices B is `x.indexSelect(0, B)`:
 * the rows of lecture 000's batch matrix X, one sample per row.
 *
 * @example
 * const ds = new TensorDataset(X, y);     // X [300, 2], y [300]
 * ds.length;                              // 300
 * const [x0, y0] = ds.get(0);             // x0 [2], y0 [] (a 0-d label)
 */
export class TensorDataset implements Dataset {
  constructor(
    readonly x: Tensor,
    readonly y: Tensor,
  ) {
    for (const [name, t] of [
      ["x", x],
      ["y", y],
    ] as const) {
      if (!(t instanceof Tensor)) {
        throw new TypeError(`TensorDataset: ${name} must be a Tensor, got ${describe(t)}`);
      }
      if (t.ndim === 0) {
        throw new RangeError(
          `TensorDataset: ${name} must have a first axis of samples, got a 0-d tensor; reshape it to [N, …]`,
        );
      }
    }
    if (x.shape[0] !== y.shape[0]) {
      throw new RangeError(
        `TensorDataset: x and y must have the same number of samples (first dimension), got x ${formatShape(x.shape)} (${x.shape[0]} samples) and y ${formatShape(y.shape)} (${y.shape[0]} samples)`,
      );
    }
  }

  /** N, the number of samples. */
  get length(): number {
    return this.x.shape[0];
  }

  /** Sample i as `[x[i], y[i]]` (negative i counts from the end). */
  get(i: number): [Tensor, Tensor] {
    const n = this.length;
    if (!Number.isInteger(i) || i < -n || i >= n) {
      throw new RangeError(
        `TensorDataset.get: index ${i} is out of range for ${n} samples (expected an integer in [${-n}, ${n - 1}])`,
      );
    }
    return [this.x.select(0, i), this.y.select(0, i)];
  }

  /** Samples `indices` as `[x[indices], y[indices]]`: `[B, …]` each. */
  batch(indices: ArrayLike<number>): [Tensor, Tensor] {
    return [this.x.indexSelect(0, indices), this.y.indexSelect(0, indices)];
  }
}

/** `data` as a `Dataset`: `{ x, y }` becomes a `TensorDataset`; `where` names the caller in errors. */
export function asDataset(where: string, data: DataLike): Dataset {
  if (data instanceof TensorDataset) return data;
  if (data !== null && typeof data === "object") {
    if ("batch" in data && typeof data.batch === "function" && "length" in data) return data;
    if ("x" in data && "y" in data) return new TensorDataset(data.x, data.y);
  }
  throw new TypeError(
    `${where}: expected a TensorDataset or { x, y } tensors, got ${describe(data)}`,
  );
}

function describe(value: unknown): string {
  if (value === null || typeof value !== "object") return String(value);
  const keys = Object.keys(value).slice(0, 5);
  return `an object with keys [${keys.join(", ")}]`;
}
