import { Generator, type Tensor, oneHot, randn } from "../../src";
import { type Stepper } from "./optim_problems";
import { spiral } from "./spiral";

/**
 * A 2-layer MLP on the spiral, in plain tensors: logits = relu(X W1 + b1) W2 + b2 with
 * 2 → 16 → 3, the cross-entropy L = −(1/N) Σ_n log softmax(logits_n)[y_n], full batch.
 * The start is seeded (W ~ N(0, 1)·0.5, b = 0), so every optimiser starts from the same net.
 */
export function spiralMlp(seed = 1): { params: Tensor[]; loss: () => Tensor } {
  const { X, y } = spiral();
  const Y = oneHot(y, 3);
  const generator = new Generator(seed);
  const init = (shape: number[], scale: number): Tensor => {
    const p = randn(shape, { generator }).mul(scale).detach();
    p.requiresGrad = true;
    return p;
  };
  const [W1, b1, W2, b2] = [init([2, 16], 0.5), init([16], 0), init([16, 3], 0.5), init([3], 0)];
  const loss = () => {
    const logits = X.matmul(W1).add(b1).relu().matmul(W2).add(b2);
    return logits.logSoftmax(1).mul(Y).sum().div(-X.shape[0]); // −(1/N) Σ log p(y_n)
  };
  return { params: [W1, b1, W2, b2], loss };
}

/**
 * Trains the spiral MLP for `steps` full-batch steps and returns the loss before each step
 * and after the last. The usual loop (`zeroGrad(); loss.backward(); step()`), or with
 * `useClosure` `step(closure)` (what LBFGS needs).
 */
export function trainSpiral(
  make: (params: Tensor[]) => Stepper,
  steps = 100,
  useClosure = false,
): number[] {
  const { params, loss } = spiralMlp();
  const opt = make(params);
  const closure = () => {
    opt.zeroGrad();
    const L = loss();
    L.backward();
    return L;
  };
  const losses: number[] = [];
  for (let k = 0; k < steps; k++) {
    if (useClosure) losses.push(opt.step(closure) as number);
    else {
      losses.push(closure().item());
      opt.step();
    }
  }
  losses.push(loss().item());
  return losses;
}
