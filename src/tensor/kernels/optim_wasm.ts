import { optimHeap, optimKernel, placedAt, scratch } from "./optim_memory";

export { float32StateBuffer } from "./optim_memory";

let usable = optimKernel !== null && process.env.NNLAB_OPTIM !== "js"; // see setOptimWasm

/** One float32 SGD step's coefficients, rounded to float32 (`optim/sgd.ts`); `first`: b₁ = g on this step. */
export interface SGDCoefficients {
  alpha: number;
  lambda: number;
  rho: number;
  /** g's weight in the new b: 1 − τ, or 1 − β with ewa. */
  keep: number;
  first: boolean;
  nesterov: boolean;
}

/** The coefficients of one Adam step, as `optim/adam.ts` computes them. */
export interface AdamCoefficients {
  shrink: number; // 1 − αλ (AdamW), else 1
  lambda: number; // Adam's L2 term
  beta1: number;
  beta2: number;
  stepSize: number; // α / (1 − β₁^t)
  sqrtC2: number; // √(1 − β₂^t)
  eps: number;
}

/**
 * Adam's float32 step in WebAssembly SIMD (`assembly/optim.ts`), the accelerated twin of the
 * loop in `optim/adam.ts`, which `adamStep` tries first. The moments m, v (and v_max) live
 * in the module's memory from their first step (`float32StateBuffer`), so a step copies
 * only θ and g in and θ out (memcpy: cheaper than the scalar loop's reads and writes).
 * It computes what the loop computes, in float64 rounded to float32 where the loop stores,
 * so the two give the same bits. `NNLAB_OPTIM=js` keeps every step in JavaScript.
 *
 * Returns false, doing nothing, where it cannot run: no module, float64 data, or state
 * buffers that are not the module's (e.g. restored by `loadStateDict`).
 */
export function adamWasm(
  theta: Float32Array | Float64Array,
  grad: Float32Array | Float64Array,
  m: ArrayLike<number>,
  v: ArrayLike<number>,
  vMax: ArrayLike<number> | null,
  k: AdamCoefficients,
): boolean {
  if (!usable || !(theta instanceof Float32Array) || !(grad instanceof Float32Array)) {
    return false;
  }
  const [mAt, vAt] = [placedAt(m), placedAt(v)];
  const vMaxAt = vMax === null ? 0 : placedAt(vMax);
  if (mAt === undefined || vAt === undefined || vMaxAt === undefined) return false;
  const n = theta.length;
  const [thetaAt, gradAt] = scratch(n);
  const heap = optimHeap();
  heap.set(theta, thetaAt / 4);
  heap.set(grad, gradAt / 4);
  const { shrink, lambda, beta1, beta2, stepSize, sqrtC2, eps } = k;
  optimKernel!.adamF32(
    n,
    thetaAt,
    gradAt,
    mAt,
    vAt,
    vMaxAt,
    shrink,
    lambda,
    beta1,
    beta2,
    stepSize,
    sqrtC2,
    eps,
  );
  theta.set(heap.subarray(thetaAt / 4, thetaAt / 4 + n));
  return true;
}

/**
 * SGD's float32 step in WebAssembly SIMD, the twin of `sgdStepF32` in `optim/sgd.ts` (which
 * tries it first; the same bits): w and g copied in, w out; the momentum buffer b, when
 * there is one, stays in the module's memory. Returns false, doing nothing, where it cannot run.
 */
export function sgdWasm(
  w: Float32Array,
  grad: Float32Array,
  b: Float32Array | null,
  k: SGDCoefficients,
): boolean {
  if (!usable) return false;
  const bAt = b === null ? 0 : placedAt(b);
  if (bAt === undefined) return false;
  const n = w.length;
  const [wAt, gradAt] = scratch(n);
  const heap = optimHeap();
  heap.set(w, wAt / 4);
  heap.set(grad, gradAt / 4);
  const { alpha, lambda, rho, keep, first, nesterov } = k;
  optimKernel!.sgdF32(n, wAt, gradAt, bAt, alpha, lambda, rho, keep, first, nesterov);
  w.set(heap.subarray(wAt / 4, wAt / 4 + n));
  return true;
}

/** Whether float32 optimiser steps run in WebAssembly (the module loaded, not turned off). */
export function optimWasmEnabled(): boolean {
  return usable;
}

/**
 * Turns the kernels on or off (`NNLAB_OPTIM=js` starts with them off): off, every step
 * runs the JavaScript loop, which gives the same bits; for tests and benchmarks.
 */
export function setOptimWasm(on: boolean): void {
  usable = on && optimKernel !== null;
}
