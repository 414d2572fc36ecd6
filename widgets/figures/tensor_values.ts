import { Tensor } from "../../src/index";

/**
 * Reading tensors into the plain arrays a figure holds, and naming shapes in errors the way
 * src/ does (`[8, 1, 3, 3]`). Tensors are contiguous row-major (`data` is laid out as
 * `shape` says), so rows are slices of `data`.
 */

/** `[3, 4]` → "[3, 4]"; how every error message writes a shape. */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

/** What a value is, for an error message: "a [3, 4] tensor", "an array of 5", "number". */
export function describe(value: unknown): string {
  if (value instanceof Tensor) return `a ${shapeText(value.shape)} tensor`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return value === null ? "null" : typeof value;
}

/** A 2-D tensor `[H, W]` as H rows of W numbers: z[row][column], as a plotly heatmap wants it. */
export function matrixRows(t: Tensor): number[][] {
  const [H, W] = t.shape;
  return Array.from({ length: H }, (_, r) => Array.from(t.data.subarray(r * W, (r + 1) * W)));
}

/** Integer class labels from a `[N]` tensor or an array: checked to be integers ≥ 0. */
export function classLabels(where: string, name: string, y: Tensor | ArrayLike<number>): number[] {
  if (y instanceof Tensor && y.ndim !== 1) {
    throw new RangeError(
      `${where}: ${name} must be a [N] tensor of class indices, got ${shapeText(y.shape)}; pass argmax(1) of [N, C] scores`,
    );
  }
  const labels = Array.from(y instanceof Tensor ? y.data : y, Number);
  const bad = labels.findIndex((c) => !(Number.isInteger(c) && c >= 0));
  if (bad >= 0) {
    throw new RangeError(
      `${where}: ${name} must hold class indices 0, 1, 2, …, got ${labels[bad]} at ${bad}; map ±1 labels to 0/1 first (y.add(1).div(2))`,
    );
  }
  return labels;
}
