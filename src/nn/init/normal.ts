import { randn } from "../../tensor/creation";
import type { Generator } from "../../tensor/random";
import type { Tensor } from "../../tensor/tensor";
import { checkFloat } from "./uniform";

/**
 * Fills a tensor in place with draws from the normal distribution N(mean, std²):
 *
 * $$ w = \mu + \sigma z, \qquad z \sim N(0, 1) $$
 *
 * Seeded: the default generator (`manualSeed`) or `{ generator }`. As PyTorch's
 * `nn.init.normal_` (`std` is the standard deviation, not the variance).
 *
 * @example init.normal(w, { std: 0.01 });
 */
export interface NormalOptions {
  /** μ (default 0). */
  mean?: number;
  /** σ ≥ 0 (default 1). */
  std?: number;
  generator?: Generator;
}

export function normal(t: Tensor, options: NormalOptions = {}): Tensor {
  const { mean = 0, std = 1, generator } = options;
  checkFloat("init.normal", t);
  if (!(std >= 0) || !Number.isFinite(std) || !Number.isFinite(mean)) {
    throw new RangeError(
      `init.normal: need a finite mean and std ≥ 0, got mean=${mean}, std=${std}`,
    );
  }
  const z = randn(t.shape.slice(), { generator }); // float64 draws, rounded once on assign
  return t.assign(z.mul(std).add(mean)); // w = μ + σz
}
