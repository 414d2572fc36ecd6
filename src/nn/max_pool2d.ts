import { pair } from "../tensor/conv";
import { maxPool2d } from "../tensor/pooling";
import { formatShape } from "../tensor/shape";
import type { Tensor } from "../tensor/tensor";
import { Module } from "./module";

/**
 * 2-D max pooling layer, as PyTorch's `nn.MaxPool2d`: keeps the largest value of each
 * k×k window, per channel; no parameters.
 *
 * $$ y_{n,c,i,j} = \max_{0 \le u, v < k} x_{n,\,c,\; s i + u - p,\; s j + v - p} $$
 *
 * Shape: `[N, C, H, W] → [N, C, H_out, W_out]`, H_out = ⌊(H + 2p − k)/s⌋ + 1
 * (W_out likewise): the default stride s = k halves 28×28 to 14×14 for k = 2.
 * Padding counts as −∞ and may be at most k/2.
 *
 * Backward: each output's gradient goes to the input that was the maximum of its window
 * (the "switch"); the others get 0.
 *
 * Lecture mapping: the MaxPool of lecture 002's CONV-ReLU-MaxPool blocks.
 *
 * @example new nn.MaxPool2d(2).forward(x);  // [N, 8, 28, 28] → [N, 8, 14, 14]
 */
export interface MaxPool2dOptions {
  /** Step s between windows (default: the kernel size, so windows tile the image). */
  stride?: number | readonly [number, number];
  /** −∞ padding p on each side (default 0), at most half the kernel. */
  padding?: number | readonly [number, number];
}

export class MaxPool2d extends Module {
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number];

  constructor(kernelSize: number | readonly [number, number], options: MaxPool2dOptions = {}) {
    super();
    this.kernelSize = pair("MaxPool2d", "kernelSize", kernelSize, 1);
    this.stride = pair("MaxPool2d", "stride", options.stride ?? this.kernelSize, 1);
    this.padding = pair("MaxPool2d", "padding", options.padding ?? 0, 0);
    const [kh, kw] = this.kernelSize;
    const [ph, pw] = this.padding;
    if (2 * ph > kh || 2 * pw > kw) {
      throw new RangeError(
        `MaxPool2d: padding must be at most half the kernel size, got padding ${ph === pw ? ph : `[${ph}, ${pw}]`} for a ${kh}×${kw} kernel`,
      );
    }
  }

  override forward(x: Tensor): Tensor {
    if (x.ndim !== 4) {
      const hint =
        x.ndim === 3
          ? "a single image needs a batch axis: x.unsqueeze(0)"
          : "pooling works on images [N, C, H, W]; apply it before nn.Flatten";
      throw new RangeError(
        `${this.label}: expected input [N, C, H, W], got ${formatShape(x.shape)}; ${hint}`,
      );
    }
    return maxPool2d(x, this.kernelSize, { stride: this.stride, padding: this.padding });
  }

  /** "MaxPool2d(2×2, stride 2)": how errors name this layer. */
  get label(): string {
    return `MaxPool2d(${this.kernelSize.join("×")}, stride ${this.stride[0] === this.stride[1] ? this.stride[0] : this.stride.join("×")})`;
  }
}
