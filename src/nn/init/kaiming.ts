import type { Generator } from "../../tensor/random";
import type { Tensor } from "../../tensor/tensor";
import { type Nonlinearity, calculateGain } from "./calculate_gain";
import { type FanMode, fanOf } from "./compute_fans";
import { normal } from "./normal";
import { uniform } from "./uniform";

/**
 * Kaiming / He (He et al. 2015, "MSRA" in lecture 002) initialisation for ReLU-family
 * layers: keep the variance through one fan only, with the nonlinearity's gain:
 *
 * $$ \text{std} = \frac{g}{\sqrt{\text{fan}}}, \qquad g = \text{calculateGain}(\text{nonlinearity}, a) $$
 *
 * - `kaimingUniform`: w ~ U(−bound, bound),  bound = √3 · std = g·√(3 / fan)
 * - `kaimingNormal`:  w ~ N(0, std²)
 *
 * `mode: "fanIn"` (default) keeps the forward variance, `"fanOut"` the backward one.
 * `a` is the negative slope of the leaky ReLU that follows (0 = plain ReLU, so
 * g = √2 by default). PyTorch's defaults: a = 0, mode "fan_in", nonlinearity
 * "leaky_relu". Linear's default init is `kaimingUniform(w, { a: √5 })`, which gives
 * g = √(1/3) and bound = 1/√fanIn.  In place, seeded (`manualSeed` or `{ generator }`).
 *
 * @example init.kaimingNormal(conv.weight, { mode: "fanOut", nonlinearity: "relu" });
 */
export interface KaimingOptions {
  /** Negative slope of the leaky ReLU after this layer (default 0). */
  a?: number;
  /** Which fan to preserve (default "fanIn"). */
  mode?: FanMode;
  /** Default "leakyRelu" (with a = 0: the ReLU gain √2), as PyTorch. */
  nonlinearity?: Nonlinearity;
  generator?: Generator;
}

function kaimingStd(where: string, t: Tensor, options: KaimingOptions): number {
  const { a = 0, mode = "fanIn", nonlinearity = "leakyRelu" } = options;
  const fan = fanOf(where, t, mode);
  if (fan === 0) throw new RangeError(`${where}: cannot initialise a tensor with a zero fan`);
  return calculateGain(nonlinearity, a) / Math.sqrt(fan); // std = g / √fan
}

export function kaimingUniform(t: Tensor, options: KaimingOptions = {}): Tensor {
  const bound = Math.sqrt(3) * kaimingStd("init.kaimingUniform", t, options);
  return uniform(t, { a: -bound, b: bound, generator: options.generator });
}

export function kaimingNormal(t: Tensor, options: KaimingOptions = {}): Tensor {
  const std = kaimingStd("init.kaimingNormal", t, options);
  return normal(t, { mean: 0, std, generator: options.generator });
}
