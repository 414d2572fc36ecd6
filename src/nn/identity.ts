import type { Tensor } from "../tensor/tensor";
import { Module } from "./module";

/**
 * y = x: a placeholder layer, as PyTorch's `nn.Identity` — e.g. to remove a layer from
 * a model without changing its structure (transfer learning: `net.fc = new nn.Identity()`).
 *
 * Shape: `[*] → [*]`.
 */
export class Identity extends Module {
  override forward(x: Tensor): Tensor {
    return x;
  }
}
