import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

// The part of the WebAssembly API used here (not in TypeScript's ES2022 lib).
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => {
    buffer: SharedArrayBuffer;
    grow(pages: number): number;
  };
};

/** What `optim.wasm` (compiled from `assembly/optim.ts`) exports. */
interface OptimModule {
  adamF32(
    n: number,
    theta: number,
    grad: number,
    m: number,
    v: number,
    vMax: number,
    shrink: number,
    lambda: number,
    beta1: number,
    beta2: number,
    stepSize: number,
    sqrtC2: number,
    eps: number,
  ): void;
  sgdF32(
    n: number,
    w: number,
    grad: number,
    b: number,
    alpha: number,
    lambda: number,
    rho: number,
    tau: number,
    ewa: boolean,
    first: boolean,
    nesterov: boolean,
  ): void;
}

/** The options of one SGD step (`optim/sgd.ts`); `first`: b₁ = g on this step. */
export interface SGDCoefficients {
  alpha: number;
  lambda: number;
  rho: number;
  tau: number;
  ewa: boolean;
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

const PAGE = 65536;
const PAGES = { initial: 16, maximum: 32768 }; // as `npm run build:wasm` declares them
const WASM_PATHS = [
  join(__dirname, "optim.wasm"),
  join(__dirname, "..", "..", "..", "dist", "src", "tensor", "kernels", "optim.wasm"),
];

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
  const [mAt, vAt] = [placed.get(m as object), placed.get(v as object)];
  const vMaxAt = vMax === null ? 0 : placed.get(vMax as object);
  if (mAt === undefined || vAt === undefined || vMaxAt === undefined) return false;
  const n = theta.length;
  const [thetaAt, gradAt] = scratch(n);
  const heap = new Float32Array(memory!.buffer);
  heap.set(theta, thetaAt / 4);
  heap.set(grad, gradAt / 4);
  const { shrink, lambda, beta1, beta2, stepSize, sqrtC2, eps } = k;
  kernel!.adamF32(
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
 * SGD's float32 step in WebAssembly SIMD, the twin of the loop in `optim/sgd.ts` (which
 * tries it first): w and g copied in, w out; the momentum buffer b, when there is one,
 * stays in the module's memory. Returns false, doing nothing, where it cannot run.
 */
export function sgdWasm(
  w: Float32Array | Float64Array,
  grad: Float32Array | Float64Array,
  b: ArrayLike<number> | null,
  k: SGDCoefficients,
): boolean {
  if (!usable || !(w instanceof Float32Array) || !(grad instanceof Float32Array)) {
    return false;
  }
  const bAt = b === null ? 0 : placed.get(b as object);
  if (bAt === undefined) return false;
  const n = w.length;
  const [wAt, gradAt] = scratch(n);
  const heap = new Float32Array(memory!.buffer);
  heap.set(w, wAt / 4);
  heap.set(grad, gradAt / 4);
  const { alpha, lambda, rho, tau, ewa, first, nesterov } = k;
  kernel!.sgdF32(n, wAt, gradAt, bAt, alpha, lambda, rho, tau, ewa, first, nesterov);
  w.set(heap.subarray(wAt / 4, wAt / 4 + n));
  return true;
}

/**
 * n float32 zeros in the module's memory (where `adamWasm` finds them), or null where the
 * module is not used. Freed when the array is garbage-collected.
 */
export function float32StateBuffer(n: number): Float32Array | null {
  if (kernel === null) return null;
  const at = allocate(n * 4);
  const view = new Float32Array(memory!.buffer, at, n);
  view.fill(0);
  placed.set(view, at);
  release.register(view, { at, bytes: n * 4 });
  return view;
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
  usable = on && kernel !== null;
}

// ── the module's memory: blocks by size, reused when their arrays are collected ──────
const loaded = load();
const kernel = loaded?.module ?? null; // (not `module`: CommonJS has one)
let usable = kernel !== null && process.env.NNLAB_OPTIM !== "js";
const memory = loaded?.memory ?? null;
const placed = new WeakMap<object, number>(); // array → its byte address
const free = new Map<number, number[]>(); // block size → free addresses
const release = new FinalizationRegistry<{ at: number; bytes: number }>(({ at, bytes }) => {
  free.set(bytes, [...(free.get(bytes) ?? []), at]);
});
let top = 1024; // the first free byte (the module has no static data)
let scratchBlock = { at: 0, n: 0 };

function allocate(bytes: number): number {
  const reused = free.get(bytes)?.pop();
  if (reused !== undefined) return reused;
  const at = top;
  top += Math.ceil(bytes / 64) * 64;
  const have = memory!.buffer.byteLength;
  if (top > have) memory!.grow(Math.ceil((top - have) / PAGE));
  return at;
}

/** Byte addresses of θ and g for n parameters: one block, grown when a larger one comes. */
function scratch(n: number): [number, number] {
  if (n > scratchBlock.n) scratchBlock = { at: allocate(2 * Math.ceil(n / 16) * 64), n };
  return [scratchBlock.at, scratchBlock.at + Math.ceil(n / 16) * 64];
}

function load(): {
  module: OptimModule;
  memory: { buffer: SharedArrayBuffer; grow(pages: number): number };
} | null {
  const path = WASM_PATHS.find((p) => existsSync(p));
  if (path === undefined || typeof WebAssembly !== "object") return null;
  try {
    const memory = new WebAssembly.Memory({ ...PAGES, shared: true });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(path)), {
      env: { memory },
    });
    return { module: instance.exports as unknown as OptimModule, memory };
  } catch {
    return null; // e.g. a runtime without SIMD: the optimisers run in JavaScript
  }
}
