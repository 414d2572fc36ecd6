import { formatShape } from "../../tensor/shape";
import type { Tensor } from "../../tensor/tensor";

/**
 * fan in and fan out of a weight: how many inputs feed one output unit, and how many
 * outputs one input unit feeds (PyTorch's `_calculate_fan_in_and_fan_out`).
 *
 * - Linear weight [out, in]:              fanIn = in,          fanOut = out
 * - Conv weight [out, in, kh, kw]:        fanIn = in·kh·kw,    fanOut = out·kh·kw
 *
 * In general the axes after the first two are the receptive field, whose size
 * multiplies both fans. A bias ([out]) has no fans: Linear draws it from U(−1/√in, 1/√in)
 * with the fan in of its weight.
 *
 * @example init.computeFans(new nn.Linear(784, 128).weight)  // { fanIn: 784, fanOut: 128 }
 */
export interface Fans {
  fanIn: number;
  fanOut: number;
}

export function computeFans(t: Tensor): Fans {
  if (t.ndim < 2) {
    throw new RangeError(
      `computeFans: fans need a weight with at least 2 axes ([out, in] or [out, in, kh, kw]), got ${formatShape(t.shape)}`,
    );
  }
  const receptiveField = t.shape.slice(2).reduce((n, k) => n * k, 1); // kh·kw for a conv
  return { fanIn: t.shape[1] * receptiveField, fanOut: t.shape[0] * receptiveField };
}

/** The fan that `mode` names: fanIn keeps the forward variance, fanOut the backward one. */
export type FanMode = "fanIn" | "fanOut";

export function fanOf(where: string, t: Tensor, mode: FanMode): number {
  if (mode !== "fanIn" && mode !== "fanOut") {
    throw new RangeError(`${where}: mode must be "fanIn" or "fanOut", got ${JSON.stringify(mode)}`);
  }
  return computeFans(t)[mode];
}
