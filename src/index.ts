/**
 * nnlab: learn how neural networks are trained, in TypeScript notebooks.
 * This file only re-exports; see docs/architecture.md for the layers.
 */
export { Tensor } from "./tensor/tensor";
export type { TensorLike, ReduceOptions } from "./tensor/tensor";
export type { DType, FloatDType, TypedArray } from "./tensor/dtype";
export type { Shape } from "./tensor/shape";
export {
  tensor,
  zeros,
  ones,
  full,
  zerosLike,
  onesLike,
  eye,
  arange,
  linspace,
  rand,
  randn,
  randint,
} from "./tensor/creation";
export type { TensorOptions, RandomOptions, NestedArray } from "./tensor/creation";
export { Generator, manualSeed, defaultGenerator } from "./tensor/random";
export {
  add,
  sub,
  mul,
  div,
  pow,
  neg,
  exp,
  log,
  sqrt,
  abs,
  sign,
  maximum,
  minimum,
  clamp,
  where,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
} from "./tensor/elementwise";
export { sigmoid, tanh, relu, leakyRelu, elu, softmax, logSoftmax } from "./tensor/activations";
export { sum, mean, max, min, argmax, argmin, variance } from "./tensor/reduce";
export { matmul } from "./tensor/matmul";
export {
  reshape,
  flatten,
  squeeze,
  unsqueeze,
  permute,
  transpose,
  broadcastTo,
} from "./tensor/shape_ops";
export { concat, stack, oneHot, indexSelect, gather, slice, select } from "./tensor/indexing";
export { conv2d } from "./tensor/conv";
export type { WindowOptions } from "./tensor/conv";
export { maxPool2d } from "./tensor/pooling";
export type { LatexOptions } from "./tensor/format";
export { noGrad, enableGrad, isGradEnabled } from "./autograd/grad_mode";
export { gradcheck } from "./autograd/gradcheck";
export type { GradcheckOptions, GradcheckResult, GradcheckInputReport } from "./autograd/gradcheck";
export { record } from "./autograd/function";
export type { GradFn } from "./autograd/function";
export * as nn from "./nn";
export * as optim from "./optim";
export { assertClose } from "./testing/assert_close";
export type { AssertCloseOptions } from "./testing/assert_close";
export * as data from "./data";
export * from "./train";
export * as tune from "./tune";
export * as homework from "./homework";
export { check } from "./homework/check";
