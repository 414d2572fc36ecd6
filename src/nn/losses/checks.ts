import type { FloatDType } from "../../tensor/dtype";
import { type Shape, broadcastShapes, formatShape, sameShape } from "../../tensor/shape";
import { Tensor } from "../../tensor/tensor";

/**
 * Argument checks shared by the losses: each names the loss, what was expected and what
 * was got, and the likely fix.
 */

/** Elementwise losses compare like with like: `[32, 1]` against `[32]` would broadcast to [32, 32]. */
export function checkSameShape(where: string, input: Tensor, target: Tensor): void {
  if (sameShape(input.shape, target.shape)) return;
  const hint =
    input.size === target.size
      ? `; reshape one to match (e.g. target.reshape(${input.shape.join(", ")}))`
      : "";
  throw new RangeError(
    `${where}: input ${formatShape(input.shape)} and target ${formatShape(target.shape)} must have the same shape${hint}`,
  );
}

/** A loss module's `forward(input, target)`: Module's signature makes `target` optional. */
export function requireTarget(where: string, target: Tensor | undefined): Tensor {
  if (!(target instanceof Tensor)) {
    throw new TypeError(
      `${where}.forward: expected (input, target), got no target tensor; call lossFn.forward(output, target)`,
    );
  }
  return target;
}

/** A hyperparameter that must be a finite number ≥ 0 (a penalty's λ). */
export function checkNonNegative(where: string, name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${where}: ${name} must be a finite number ≥ 0, got ${value}`);
  }
}

/** A weight given as a tensor, or as plain numbers made into a float tensor of `dtype`. */
export function asWeight(
  weight: Tensor | number | number[],
  dtype: FloatDType = "float64",
): Tensor {
  if (weight instanceof Tensor) return weight;
  const data = typeof weight === "number" ? [weight] : weight;
  const array = dtype === "float32" ? Float32Array.from(data) : Float64Array.from(data);
  return new Tensor(array, typeof weight === "number" ? [] : [data.length]);
}

/** Where flat element `i` of a `shape` tensor is, for messages: "position 3" (1-D) or "[1, 2]". */
export function positionOf(i: number, shape: Shape): string {
  if (shape.length <= 1) return `position ${i}`;
  const at: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    at.unshift(i % shape[d]);
    i = Math.floor(i / shape[d]);
  }
  return formatShape(at);
}

/** A weight must broadcast to the input's shape without enlarging it: `[3]` against `[2, 3]`. */
export function checkWeightShape(where: string, name: string, w: Tensor, input: Tensor): Tensor {
  if (!sameShape(broadcastShapes(where, input.shape, w.shape), input.shape)) {
    throw new RangeError(
      `${where}: ${name} ${formatShape(w.shape)} must broadcast to the input's shape ${formatShape(input.shape)}`,
    );
  }
  return w;
}
