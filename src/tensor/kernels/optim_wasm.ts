import { optimKernel, scratch } from "./optim_memory";
import { heapF32, placedAt } from "./wasm_memory";

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
 * in the kernels' memory from their first step (`float32StateBuffer`); θ and g are used
 * where they are when they live there too (a layer's weight: `float32Resident`), else
 * copied in (θ back out).
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
  const [thetaRoom, gradRoom] = scratch(n);
  const heap = heapF32();
  const thetaAt = inMemory(theta, thetaRoom, heap);
  const gradAt = inMemory(grad, gradRoom, heap);
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
  if (thetaAt === thetaRoom) theta.set(heap.subarray(thetaAt / 4, thetaAt / 4 + n));
  return true;
}

/**
 * SGD's float32 step in WebAssembly SIMD, the twin of `sgdStepF32` in `optim/sgd.ts` (which
 * tries it first; the same bits): w updated where it is when it lives in the kernels'
 * memory (a layer's weight), else copied in and out; g likewise read where it is or copied
 * in; the momentum buffer b, when there is one, stays in that memory. Returns false, doing nothing, where it cannot run.
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
  const [wRoom, gradRoom] = scratch(n);
  const heap = heapF32();
  const wAt = inMemory(w, wRoom, heap);
  const gradAt = inMemory(grad, gradRoom, heap);
  const { alpha, lambda, rho, keep, first, nesterov } = k;
  optimKernel!.sgdF32(n, wAt, gradAt, bAt, alpha, lambda, rho, keep, first, nesterov);
  if (wAt === wRoom) w.set(heap.subarray(wAt / 4, wAt / 4 + n));
  return true;
}

/** The byte address of x in the kernels' memory: where it lives (resident), else a copy at `room`. */
function inMemory(x: Float32Array, room: number, heap: Float32Array): number {
  const at = placedAt(x);
  if (at !== undefined) return at;
  heap.set(x, room / 4);
  return room;
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
