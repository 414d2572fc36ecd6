import { rand } from "../../tensor/creation";
import { isFloat } from "../../tensor/dtype";
import { formatShape } from "../../tensor/shape";
import type { Generator } from "../../tensor/random";
import type { Tensor } from "../../tensor/tensor";

/**
 * Fills a tensor in place with draws from the uniform distribution U(a, b):
 *
 * $$ w = a + (b - a)\,u, \qquad u \sim U[0, 1) $$
 *
 * with mean (a + b)/2 and standard deviation (b − a)/√12. Seeded: the default
 * generator (`manualSeed`) or `{ generator }`. As PyTorch's `nn.init.uniform_`.
 *
 * @example init.uniform(w, { a: -0.1, b: 0.1 });
 */
export interface UniformOptions {
  /** Lower bound (default 0). */
  a?: number;
  /** Upper bound (default 1). */
  b?: number;
  generator?: Generator;
}

export function uniform(t: Tensor, options: UniformOptions = {}): Tensor {
  const { a = 0, b = 1, generator } = options;
  checkFloat("init.uniform", t);
  if (!(a <= b) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError(`init.uniform: need finite bounds a ≤ b, got a=${a}, b=${b}`);
  }
  const u = rand(t.shape.slice(), { generator }); // float64 draws, rounded once on assign
  return t.assign(u.mul(b - a).add(a)); // w = a + (b − a)·u
}

/** Random init only makes sense for floats (an int32 tensor would truncate the draws). */
export function checkFloat(where: string, t: Tensor): void {
  if (!isFloat(t.dtype)) {
    throw new TypeError(
      `${where}: expected a float tensor (float64 or float32), got ${t.dtype} ${formatShape(t.shape)}`,
    );
  }
}
