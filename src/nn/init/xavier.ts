import type { Generator } from "../../tensor/random";
import type { Tensor } from "../../tensor/tensor";
import { computeFans } from "./compute_fans";
import { normal } from "./normal";
import { uniform } from "./uniform";

/**
 * Xavier (Glorot & Bengio 2010) initialisation: keep the variance of activations and of
 * gradients the same from layer to layer by averaging the two fans (lecture 002:
 * "Xavier 均匀/标准初始化"):
 *
 * $$ \operatorname{Var}(w) = g^2 \cdot \frac{2}{\text{fanIn} + \text{fanOut}} $$
 *
 * - `xavierUniform`: w ~ U(−bound, bound),  bound = g·√(6 / (fanIn + fanOut))
 * - `xavierNormal`:  w ~ N(0, std²),        std = g·√(2 / (fanIn + fanOut))
 *
 * g = `gain` (default 1; `init.calculateGain("tanh")` for tanh layers). Fans from
 * `computeFans`: [out, in] → fanIn = in, fanOut = out. As PyTorch's `xavier_uniform_`
 * and `xavier_normal_`; in place, seeded (`manualSeed` or `{ generator }`).
 *
 * @example init.xavierUniform(linear.weight, { gain: init.calculateGain("tanh") });
 */
export interface XavierOptions {
  /** g (default 1). */
  gain?: number;
  generator?: Generator;
}

export function xavierUniform(t: Tensor, options: XavierOptions = {}): Tensor {
  const { gain = 1, generator } = options;
  const { fanIn, fanOut } = computeFans(t);
  const bound = gain * Math.sqrt(6 / (fanIn + fanOut)); // = √3 · std
  return uniform(t, { a: -bound, b: bound, generator });
}

export function xavierNormal(t: Tensor, options: XavierOptions = {}): Tensor {
  const { gain = 1, generator } = options;
  const { fanIn, fanOut } = computeFans(t);
  const std = gain * Math.sqrt(2 / (fanIn + fanOut));
  return normal(t, { mean: 0, std, generator });
}
