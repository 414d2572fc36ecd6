import type { Generator } from "../tensor/random";
import type { Tensor } from "../tensor/tensor";
import { type DropoutMode, checkDropout, keepMask } from "./dropout";
import { Linear, type LinearOptions } from "./linear";

/**
 * DropConnect (Wan et al. 2013; lecture 003 §正则化): a Linear layer that, in training,
 * drops WEIGHTS instead of activations — each connection wᵢⱼ is cut with probability p
 * ("在输入值乘以权重值的全连接阶段就去选择连接的活性"). Dropout zeroes a whole row of
 * outputs' inputs at once; DropConnect zeroes single connections.
 *
 * With a mask M of W's shape, Mᵢⱼ ~ Bernoulli(1 − p) (1 = keep), p = drop probability
 * (as `nn.Dropout`), and the same two conventions as `Dropout` (lecture 002):
 *
 * - `mode: "inverted"` (default): training  y = x (M ⊙ W)ᵀ / (1 − p) + b,  test  y = x Wᵀ + b.
 * - `mode: "vanilla"`:             training  y = x (M ⊙ W)ᵀ + b,            test  y = x ((1 − p) W)ᵀ + b.
 *
 * The pre-activation is linear in W, so the test output is exactly the expectation of
 * the training output over masks: E[M ⊙ W] = (1 − p) W. (Wan et al. approximate the
 * expectation after the nonlinearity by sampling at test time; nnlab uses this mean
 * network, as lecture 003 does for dropout.) The bias is not dropped: it is not a
 * connection between two neurons. One mask is drawn per forward call and shared by the
 * samples of the mini-batch (the paper draws one per sample). Masks and the initial
 * weights come from the default generator (`manualSeed`) or `{ generator }`.
 *
 * Parameters, their names ("weight", "bias") and initialisation are Linear's, so a state
 * dict trained with DropConnect loads into a plain `Linear` of the same size.
 *
 * Shape: `[N, inFeatures] → [N, outFeatures]`.
 *
 * @example new nn.Sequential(new nn.DropConnect(784, 256, { p: 0.5 }), new nn.ReLU(), new nn.Linear(256, 10));
 */
export interface DropConnectOptions extends LinearOptions {
  /** Probability of dropping a weight, in [0, 1) (default 0.5). */
  p?: number;
  /** "inverted" (default: scale by 1/(1−p) in training) or "vanilla" (scale W by 1−p at test). */
  mode?: DropoutMode;
}

export class DropConnect extends Linear {
  /** Probability of dropping a weight. */
  readonly p: number;
  readonly mode: DropoutMode;
  private readonly generator: Generator | undefined;

  constructor(inFeatures: number, outFeatures: number, options: DropConnectOptions = {}) {
    super(inFeatures, outFeatures, options);
    const { p = 0.5, mode = "inverted", generator } = options;
    checkDropout("DropConnect", p, mode);
    this.p = p;
    this.mode = mode;
    this.generator = generator;
  }

  override forward(x: Tensor): Tensor {
    this.checkInput(x);
    return this.affine(x, this.effectiveWeight());
  }

  /** The weight this forward pass uses: M ⊙ W (/ (1 − p)) in training; W or (1 − p) W at test. */
  effectiveWeight(): Tensor {
    const { p, mode, weight: W } = this;
    if (!this.training) return mode === "vanilla" ? W.mul(1 - p) : W;
    const M = keepMask(W.shape, p, this.generator); // Mᵢⱼ ~ Bernoulli(1 − p)
    const WM = W.mul(M); // M ⊙ W
    return mode === "inverted" ? WM.div(1 - p) : WM;
  }
}
