import { type WindowOptions, conv2d, pair, windowGeometry } from "../tensor/conv";
import { type FloatDType, isFloat } from "../tensor/dtype";
import type { Generator } from "../tensor/random";
import { formatShape } from "../tensor/shape";
import type { Tensor } from "../tensor/tensor";
import { kaimingUniform } from "./init/kaiming";
import { uniform } from "./init/uniform";
import { checkPositiveInteger } from "./linear";
import { Module } from "./module";
import { parameterZeros } from "./parameter_zeros";

/**
 * 2-D convolution layer, as PyTorch's `nn.Conv2d`: each of the `outChannels` filters
 * slides over the image and takes a weighted sum of its receptive field over all input
 * channels (a cross-correlation, the kernel is not flipped):
 *
 * $$ y_{n,f,i,j} = b_f + \sum_{c,u,v} W_{f,c,u,v}\; x_{n,\,c,\; s i + u - p,\; s j + v - p} $$
 *
 * Shape: `[N, C_in, H, W] → [N, C_out, H_out, W_out]`, H_out = ⌊(H + 2p − k)/s⌋ + 1
 * (W_out likewise): a 3×3 kernel with padding 1 and stride 1 keeps 28×28.
 * Parameters: `weight` [outChannels, inChannels, kh, kw], `bias` [outChannels].
 *
 * Lecture mapping: the CONV of lecture 002's CONV-ReLU-MaxPool blocks (and lecture 003's
 * Conv-64 … network). Each filter is a Linear neuron whose inputs are one k×k patch of
 * every channel, shared across positions: the op computes it as one matrix product per
 * image, W viewed as [C_out, C_in·k·k] times the patches as columns (im2col, `conv2d`).
 *
 * Initialisation (PyTorch's default): `init.kaimingUniform(W, { a: √5 })`, i.e.
 * W, b ~ U(−1/√fanIn, 1/√fanIn) with fanIn = inChannels·kh·kw, drawn from the default
 * generator (`manualSeed`) or `{ generator }`, weight first, then bias.
 *
 * @example const conv = new nn.Conv2d(1, 8, 3, { padding: 1 });  conv.forward(x);  // [N, 1, 28, 28] → [N, 8, 28, 28]
 */
export interface Conv2dOptions extends WindowOptions {
  /** Learn a bias b per output channel (default true). */
  bias?: boolean;
  /** dtype of the parameters (default "float64"; "float32" for fast training). */
  dtype?: FloatDType;
  generator?: Generator;
}

export class Conv2d extends Module {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number];
  /** W, [outChannels, inChannels, kh, kw]. */
  readonly weight: Tensor;
  /** b, [outChannels]; null with `{ bias: false }`. */
  readonly bias: Tensor | null;

  constructor(
    inChannels: number,
    outChannels: number,
    kernelSize: number | readonly [number, number],
    options: Conv2dOptions = {},
  ) {
    super();
    const { bias = true, dtype = "float64", generator } = options;
    checkPositiveInteger("Conv2d", "inChannels", inChannels);
    checkPositiveInteger("Conv2d", "outChannels", outChannels);
    if (!isFloat(dtype)) {
      throw new TypeError(
        `Conv2d: dtype must be "float64" or "float32", got ${JSON.stringify(dtype)}`,
      );
    }
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.kernelSize = pair("Conv2d", "kernelSize", kernelSize, 1);
    this.stride = pair("Conv2d", "stride", options.stride ?? 1, 1);
    this.padding = pair("Conv2d", "padding", options.padding ?? 0, 0);
    const shape = [outChannels, inChannels, ...this.kernelSize];
    this.weight = this.registerParameter("weight", parameterZeros(shape, dtype));
    this.bias = bias ? this.registerParameter("bias", parameterZeros([outChannels], dtype)) : null;
    this.resetParameters(generator);
  }

  /** Draws W and b again: U(−1/√fanIn, 1/√fanIn) each (PyTorch's `reset_parameters`). */
  resetParameters(generator?: Generator): void {
    kaimingUniform(this.weight, { a: Math.sqrt(5), generator }); // bound = √(1/3)·√(3/fanIn) = 1/√fanIn
    if (this.bias) {
      const bound = 1 / Math.sqrt(this.inChannels * this.kernelSize[0] * this.kernelSize[1]);
      uniform(this.bias, { a: -bound, b: bound, generator });
    }
  }

  override forward(x: Tensor): Tensor {
    this.checkInput(x);
    return conv2d(x, this.weight, this.bias, { stride: this.stride, padding: this.padding });
  }

  /** "Conv2d(1 → 8, 3×3)": how errors name this layer. */
  get label(): string {
    return `Conv2d(${this.inChannels} → ${this.outChannels}, ${this.kernelSize.join("×")})`;
  }

  private checkInput(x: Tensor): void {
    const C = this.inChannels;
    if (x.ndim !== 4 || x.shape[1] !== C) {
      throw new RangeError(
        `${this.label}: expected input [N, ${C}, H, W], got ${formatShape(x.shape)}; ${inputHint(x.shape, C)}`,
      );
    }
    if (isFloat(x.dtype) && x.dtype !== this.weight.dtype) {
      throw new TypeError(
        `${this.label}: input is ${x.dtype} but the weights are ${this.weight.dtype}; convert the input with x.to("${this.weight.dtype}") or build the layer with { dtype: "${x.dtype}" }`,
      );
    }
    windowGeometry(this.label, x.shape, this.kernelSize, this.stride, this.padding);
  }
}

/** The likely fix for an input that is not [N, C, H, W]: flattened images, a missing axis, channels last. */
function inputHint(shape: readonly number[], C: number): string {
  const side = shape.length === 2 ? Math.sqrt(shape[1] / C) : NaN;
  if (Number.isInteger(side)) return `reshape it to [N, ${C}, ${side}, ${side}]`;
  if (shape.length === 3 && shape[0] === C)
    return "a single image needs a batch axis: x.unsqueeze(0)";
  if (shape.length === 3 && C === 1) return "add the channel axis: x.unsqueeze(1)";
  if (shape.length === 4 && shape[3] === C)
    return "channels come last; x.permute(0, 3, 1, 2) moves them to axis 1";
  if (shape.length === 4)
    return `axis 1 must have ${C} channels (check inChannels, or the layer before)`;
  return `a batch of images has 4 axes [N, C, H, W]`;
}
