/**
 * Layer-level forward and backward functions written out by hand, without the autograd
 * graph: each `xForward` returns `{ out, cache }`, each `xBackward(dout, cache)` the
 * gradients. Notebooks use them to derive back-propagation step by step and compare
 * with `backward()`. Re-exports only.
 */
export { linearForward, linearBackward } from "./linear_manual";
export type { LinearCache } from "./linear_manual";
export {
  sigmoidForward,
  sigmoidBackward,
  tanhForward,
  tanhBackward,
  reluForward,
  reluBackward,
} from "./activation_manual";
export type { ActivationCache } from "./activation_manual";
export { batchNormForward, batchNormBackward } from "./batch_norm_manual";
export type { BatchNormCache, BatchNormGrads } from "./batch_norm_manual";
export { dropoutForward, dropoutBackward } from "./dropout_manual";
export type { DropoutCache } from "./dropout_manual";
export {
  softmaxCrossEntropyForward,
  softmaxCrossEntropyBackward,
} from "./softmax_cross_entropy_manual";
export type { SoftmaxCrossEntropyCache } from "./softmax_cross_entropy_manual";
