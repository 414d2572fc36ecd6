import { full } from "../tensor/creation";
import { type FloatDType, isFloat } from "../tensor/dtype";
import { where } from "../tensor/elementwise";
import { formatShape } from "../tensor/shape";
import type { Tensor } from "../tensor/tensor";
import { checkPositiveInteger } from "./linear";
import { Module } from "./module";

/**
 * Parametric ReLU (He et al. 2015), as PyTorch's `nn.PReLU`:
 *
 * $$ \mathrm{PReLU}(x) = \begin{cases} x, & x > 0 \\ \alpha_c\, x, & x \le 0 \end{cases} $$
 *
 * Lecture 004 (PReLU/Leaky ReLU): like Leaky ReLU's f(x) = max(αx, x), but α is
 * learned by back-propagation, one α per channel. Here α is the parameter `weight`
 * ([numParameters], initialised to `init`, PyTorch's 0.25), and the channel axis is
 * axis 1: α_c multiplies x[:, c, …]. With `numParameters = 1` one α is shared by every
 * element (and any input shape works). PyTorch's form max(0, x) + α·min(0, x) is the
 * same function; it differs from max(αx, x) once α grows above 1.
 *
 * Gradients (PyTorch's, at x = 0 too): ∂y/∂x = 1 for x > 0, α_c otherwise;
 * ∂y/∂α_c = Σ x over the entries of channel c with x ≤ 0.
 * Usually trained without weight decay (it would push α towards 0, i.e. to ReLU).
 *
 * Shape: `[N, C, *] → [N, C, *]` (C = numParameters, or any C when numParameters is 1).
 *
 * @example new nn.PReLU(64)  // after a conv with 64 output channels
 */
export interface PReLUOptions {
  /** Initial α (default 0.25). */
  init?: number;
  /** dtype of α (default "float64"). */
  dtype?: FloatDType;
}

export class PReLU extends Module {
  readonly numParameters: number;
  /** α, [numParameters]. */
  readonly weight: Tensor;

  constructor(numParameters = 1, options: PReLUOptions = {}) {
    super();
    const { init = 0.25, dtype = "float64" } = options;
    checkPositiveInteger("PReLU", "numParameters", numParameters);
    if (!Number.isFinite(init))
      throw new TypeError(`PReLU: init must be a finite number, got ${init}`);
    if (!isFloat(dtype)) {
      throw new TypeError(
        `PReLU: dtype must be "float64" or "float32", got ${JSON.stringify(dtype)}`,
      );
    }
    this.numParameters = numParameters;
    this.weight = this.registerParameter("weight", full([numParameters], init, { dtype }));
  }

  override forward(x: Tensor): Tensor {
    const alpha = this.weight.reshape(this.channelShape(x)); // α_c along axis 1
    return where(x.gt(0), x, x.mul(alpha)); // x > 0 ? x : α_c·x
  }

  /** [1, C, 1, …, 1] so that α broadcasts along axis 1; [1] when α is shared. */
  private channelShape(x: Tensor): number[] {
    const C = this.numParameters;
    if (C === 1) return [1];
    if (x.ndim < 2 || x.shape[1] !== C) {
      throw new RangeError(
        `PReLU(${C}): expected input [N, ${C}, …] (channels on axis 1), got ${formatShape(x.shape)}`,
      );
    }
    return x.shape.map((_, k) => (k === 1 ? C : 1));
  }
}
