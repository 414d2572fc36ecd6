import type { Tensor } from "../../tensor/tensor";
import { Module } from "../module";
import { checkSameShape, requireTarget } from "./checks";
import { type Reduction, checkReduction, reduce } from "./reduction";

/** The reductions of `mseLoss`: PyTorch's three and lecture 004's ½Σ. */
export type MSEReduction = Reduction | "halfSum";

export interface MSELossOptions {
  /** "mean" (default), "sum", "halfSum" (½Σ, lecture 004) or "none". */
  reduction?: MSEReduction;
}

const MSE_REDUCTIONS: readonly MSEReduction[] = ["mean", "sum", "halfSum", "none"];

/**
 * Mean squared error between predictions ŷ (`input`) and targets y, as PyTorch's
 * `F.mse_loss` / `nn.MSELoss`:
 *
 * $$ \ell_i = (\hat y_i - y_i)^2, \qquad L_{\text{mean}} = \frac{1}{N}\sum_i \ell_i,\quad L_{\text{sum}} = \sum_i \ell_i,\quad L_{\text{halfSum}} = \frac{1}{2}\sum_i (y_i - \hat y_i)^2 $$
 *
 * i runs over every element (all samples and all outputs).
 *
 * Convention: default "mean", as PyTorch. `reduction: "halfSum"` is lecture 004's
 * L = ½Σ‖yᵢ − ŷᵢ‖² (its worked example: ŷ = [0.7609, 0.7760], y = [0.9, 0.5] → L = 0.0478);
 * the ½ cancels the 2 of the derivative: ∂L/∂ŷᵢ = ŷᵢ − yᵢ.
 *
 * With a sigmoid output ŷ = σ(z), ∂L/∂z = (ŷ − y)·σ′(z) for "halfSum": the σ′(z) factor
 * is ~0 where the sigmoid saturates, even for a wrong answer ("MSE + sigmoid learns
 * slowly", lecture 004; cross-entropy's ∂L/∂z = ŷ − y has no σ′). Lecture 004 writes
 * this gradient as (y − ŷ)σ′(z)x: that drops a minus sign; ∂L/∂w = (ŷ − y)σ′(z)x.
 *
 * Shapes: input and target the same shape `[*]`; the result is a scalar, or `[*]` for "none".
 *
 * @example nn.mseLoss(yHat, y, { reduction: "halfSum" });   // lecture 004's ½Σ(y − ŷ)²
 */
export function mseLoss(input: Tensor, target: Tensor, options: MSELossOptions = {}): Tensor {
  const reduction = checkReduction("mseLoss", options.reduction ?? "mean", MSE_REDUCTIONS);
  checkSameShape("mseLoss", input, target);
  const diff = input.sub(target); // ŷ − y
  const loss = diff.mul(diff); // ℓᵢ = (ŷᵢ − yᵢ)²
  if (reduction === "halfSum") return loss.sum().mul(0.5); // L = ½Σ(y − ŷ)²
  return reduce(loss, reduction);
}

/** `mseLoss` as a module: `new nn.MSELoss({ reduction: "halfSum" }).forward(yHat, y)`. */
export class MSELoss extends Module {
  readonly reduction: MSEReduction;

  constructor(options: MSELossOptions = {}) {
    super();
    this.reduction = checkReduction("MSELoss", options.reduction ?? "mean", MSE_REDUCTIONS);
  }

  override forward(input: Tensor, target?: Tensor): Tensor {
    return mseLoss(input, requireTarget("MSELoss", target), { reduction: this.reduction });
  }
}
