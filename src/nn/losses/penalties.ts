import { Tensor } from "../../tensor/tensor";
import { checkNonNegative } from "./checks";

export interface L2PenaltyOptions {
  /** true (default): (λ/2)Σw², lectures 001 and 004; false: λΣw², lecture 002. */
  half?: boolean;
}

/**
 * L1 (Lasso) penalty, added to a loss to push weights to exactly 0 (sparsity):
 *
 * $$ \Omega_1 = \lambda \sum_i |w_i|, \qquad \frac{\partial \Omega_1}{\partial w_i} = \lambda\, \mathrm{sign}(w_i) $$
 *
 * Lectures 002 (λR(W), R = ‖W‖₁) and 004 (θ‖w‖₁, update w ← w − ηθ sign(w) − η∇L) write
 * the same λΣ|w|. The subgradient at w = 0 is 0 (sign(0) = 0, as PyTorch's abs).
 * Penalise weights only, not biases (lecture 004: 正则化过程仅对权重 w 进行惩罚).
 *
 * @example
 * const weights = net.namedParameters().filter(([n]) => n.endsWith("weight")).map(([, w]) => w);
 * const loss = nn.crossEntropy(net.forward(x), y).add(nn.l1Penalty(weights, 1e-4));
 */
export function l1Penalty(params: Tensor | Iterable<Tensor>, lambda: number): Tensor {
  checkNonNegative("l1Penalty", "lambda", lambda);
  return sumOver("l1Penalty", params, (w) => w.abs().sum()).mul(lambda); // λΣ|w|
}

/**
 * L2 (Ridge) penalty, "weight decay":
 *
 * $$ \Omega_2 = \frac{\lambda}{2} \sum_i w_i^2, \qquad \frac{\partial \Omega_2}{\partial w_i} = \lambda\, w_i $$
 *
 * Convention: the ½ of lecture 004 (θΩ(w) with Ω = ½‖w‖₂², gradient ∇L + θw, so
 * w ← (1 − ηθ)w − η∇L) and lecture 001 (λ/(2m)Σ‖w⁽ˡ⁾‖²_F for a batch of m: pass λ/m here).
 * Lecture 002 writes λR(W) with R = Σ W² and no ½: `{ half: false }` (or λ twice as large).
 *
 * Relation to optimisers: coupled weight decay, SGD's `weightDecay: λ` (g ← g + λw, as
 * torch.optim.SGD's weight_decay), is exactly this penalty with the same λ: adding
 * `l2Penalty(params, λ)` to the loss and using `weightDecay: λ` give the same plain-SGD
 * step (don't use both). With momentum or Adam they still agree (both add λw to g);
 * AdamW's decoupled decay does not. Penalise weights only, not biases (see `l1Penalty`).
 *
 * @example const loss = nn.mseLoss(yHat, y).add(nn.l2Penalty(weights, 5e-4));
 */
export function l2Penalty(
  params: Tensor | Iterable<Tensor>,
  lambda: number,
  options: L2PenaltyOptions = {},
): Tensor {
  checkNonNegative("l2Penalty", "lambda", lambda);
  const { half = true } = options;
  const sumOfSquares = sumOver("l2Penalty", params, (w) => w.mul(w).sum()); // Σw²
  return sumOfSquares.mul(half ? lambda / 2 : lambda); // (λ/2)Σw²  or  λΣw²
}

/** Σ over the tensors of f(w), a 0-d tensor (0 for no tensors). */
function sumOver(
  where: string,
  params: Tensor | Iterable<Tensor>,
  f: (w: Tensor) => Tensor,
): Tensor {
  const list = params instanceof Tensor ? [params] : [...params];
  let total: Tensor | null = null;
  for (const [k, w] of list.entries()) {
    if (!(w instanceof Tensor)) {
      throw new TypeError(
        `${where}: params must be tensors (e.g. net.parameters()), got ${typeof w} at position ${k}`,
      );
    }
    total = total === null ? f(w) : total.add(f(w));
  }
  return total ?? new Tensor(new Float64Array(1), []);
}
