import { type FloatDType, isFloat } from "../tensor/dtype";
import { linear } from "../tensor/linear";
import type { Generator } from "../tensor/random";
import { formatShape, sizeOf } from "../tensor/shape";
import type { Tensor } from "../tensor/tensor";
import { kaimingUniform } from "./init/kaiming";
import { uniform } from "./init/uniform";
import { Module } from "./module";
import { parameterZeros } from "./parameter_zeros";

/**
 * Fully connected (affine) layer, as PyTorch's `nn.Linear`:
 *
 * $$ y = x W^\top + b $$
 *
 * Shape: `[N, inFeatures] → [N, outFeatures]` (any leading axes: `[*, in] → [*, out]`).
 * Parameters: `weight` W of shape [outFeatures, inFeatures], `bias` b of shape [outFeatures].
 *
 * Lecture mapping. Lecture 000 writes one sample as a column vector, z = W x + b, with
 * W of shape [out, in] (row j holds the weights into neuron j) — the same W as here;
 * its batch form Z = W A + B has one sample per column. nnlab puts one sample per row
 * (X = Aᵀ), and transposing gives Zᵀ = X Wᵀ + b: this layer. Lecture 004 writes
 * v = W⁽¹⁾ᵀ x + b⁽¹⁾ with its W⁽¹⁾ of shape [in, out] (w_{i,j} from input i to unit j):
 * nnlab's `weight` is lecture 004's W⁽¹⁾ᵀ (`linear.weight.assign(W1.T)`).
 *
 * Initialisation (PyTorch's default): `init.kaimingUniform(W, { a: √5 })`, i.e.
 * W, b ~ U(−1/√in, 1/√in), drawn from the default generator (`manualSeed`) or
 * `{ generator }`, weight first, then bias.
 *
 * @example const fc = new nn.Linear(784, 128);  fc.forward(x);  // [N, 784] → [N, 128]
 */
export interface LinearOptions {
  /** Learn an additive bias b (default true). */
  bias?: boolean;
  /** dtype of the parameters (default "float64"; "float32" for fast training). */
  dtype?: FloatDType;
  generator?: Generator;
}

export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** W, [outFeatures, inFeatures]. */
  readonly weight: Tensor;
  /** b, [outFeatures]; null with `{ bias: false }`. */
  readonly bias: Tensor | null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    const { bias = true, dtype = "float64", generator } = options;
    const name = this.constructor.name;
    checkPositiveInteger(name, "inFeatures", inFeatures);
    checkPositiveInteger(name, "outFeatures", outFeatures);
    if (!isFloat(dtype)) {
      throw new TypeError(
        `${name}: dtype must be "float64" or "float32", got ${JSON.stringify(dtype)}`,
      );
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.weight = this.registerParameter(
      "weight",
      parameterZeros([outFeatures, inFeatures], dtype),
    );
    this.bias = bias ? this.registerParameter("bias", parameterZeros([outFeatures], dtype)) : null;
    this.resetParameters(generator);
  }

  /** Draws W and b again: U(−1/√in, 1/√in) each (PyTorch's `reset_parameters`). */
  resetParameters(generator?: Generator): void {
    kaimingUniform(this.weight, { a: Math.sqrt(5), generator }); // g = √(2/(1+5)), bound = g·√(3/in) = 1/√in
    if (this.bias) {
      const bound = 1 / Math.sqrt(this.inFeatures);
      uniform(this.bias, { a: -bound, b: bound, generator });
    }
  }

  override forward(x: Tensor): Tensor {
    this.checkInput(x);
    return this.affine(x, this.weight);
  }

  /** y = x Wᵀ + b for a given W (DropConnect passes its masked weight): one fused op, `linear`. */
  protected affine(x: Tensor, W: Tensor): Tensor {
    const xf = x.dtype === W.dtype ? x : x.to(W.dtype); // integer inputs compute in W's dtype
    return linear(xf, W, this.bias); // [N, in]·[in, out] + b → [N, out]
  }

  /** "Linear(784 → 10)": how errors name this layer. */
  protected get label(): string {
    return `${this.constructor.name}(${this.inFeatures} → ${this.outFeatures})`;
  }

  protected checkInput(x: Tensor): void {
    const expected = `expected input [N, ${this.inFeatures}], got ${formatShape(x.shape)}`;
    if (x.ndim === 0 || x.shape[x.ndim - 1] !== this.inFeatures) {
      const flattens = x.ndim >= 3 && sizeOf(x.shape.slice(1)) === this.inFeatures;
      const hint = flattens
        ? "flatten it first (nn.Flatten)"
        : `its last axis must have ${this.inFeatures} features (check inFeatures, or the layer before)`;
      throw new RangeError(`${this.label}: ${expected}; ${hint}`);
    }
    if (isFloat(x.dtype) && x.dtype !== this.weight.dtype) {
      throw new TypeError(
        `${this.label}: input is ${x.dtype} but the weights are ${this.weight.dtype}; convert the input with x.to("${this.weight.dtype}") or build the layer with { dtype: "${x.dtype}" }`,
      );
    }
  }
}

/** Layer sizes are positive integers: `Linear: inFeatures must be a positive integer, got 0`. */
export function checkPositiveInteger(where: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${where}: ${name} must be a positive integer, got ${value}`);
  }
}
