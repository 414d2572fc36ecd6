import { formatShape } from "../tensor/shape";
import type { Tensor } from "../tensor/tensor";
import { Module } from "./module";

/**
 * Merges axes startDim…endDim into one, as PyTorch's `nn.Flatten`: images to the
 * vectors a Linear layer takes. Defaults keep the batch axis: startDim 1, endDim −1.
 * Values are not moved (row-major order), only the shape changes.
 *
 * Shape: `[N, C, H, W] → [N, C·H·W]` (with the defaults).
 *
 * @example new nn.Sequential(new nn.Flatten(), new nn.Linear(784, 10));  // [N, 1, 28, 28] in
 */
export class Flatten extends Module {
  constructor(
    readonly startDim = 1,
    readonly endDim = -1,
  ) {
    super();
    for (const [name, d] of [
      ["startDim", startDim],
      ["endDim", endDim],
    ] as const) {
      if (!Number.isInteger(d))
        throw new TypeError(`Flatten: ${name} must be an integer, got ${d}`);
    }
  }

  override forward(x: Tensor): Tensor {
    const n = x.ndim;
    const s = this.startDim < 0 ? this.startDim + n : this.startDim;
    const e = this.endDim < 0 ? this.endDim + n : this.endDim;
    if (s < 0 || e >= n || e < 0 || s >= n || s > e) {
      const hint = n === 1 && s >= 1 ? "; a single sample needs a batch axis: x.unsqueeze(0)" : "";
      throw new RangeError(
        `Flatten(${this.startDim}, ${this.endDim}): cannot merge axes ${this.startDim}…${this.endDim} of a ${n}-d input ${formatShape(x.shape)}${hint}`,
      );
    }
    return x.flatten(s, e);
  }
}
