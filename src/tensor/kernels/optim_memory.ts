import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { ScratchBlock, float32Resident, wasmMemory } from "./wasm_memory";

// The part of the WebAssembly API used here (not in TypeScript's ES2022 lib).
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
};

/**
 * The optimiser kernels (`optim.wasm`, from `assembly/optim.ts`), instantiated on the
 * kernels' shared memory (`wasm_memory.ts`), where the float32 state that stays between
 * steps lives (Adam's m and v, SGD's momentum buffer: `float32StateBuffer`), and a
 * scratch block for θ and g when those live elsewhere.
 */

/** What `optim.wasm` (compiled from `assembly/optim.ts`) exports. */
export interface OptimModule {
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
    keep: number,
    first: boolean,
    nesterov: boolean,
  ): void;
}

const WASM_PATHS = [
  join(__dirname, "optim.wasm"),
  join(__dirname, "..", "..", "..", "dist", "src", "tensor", "kernels", "optim.wasm"),
];

/**
 * n float32 zeros in the kernels' memory (where `adamWasm` finds them), or null where the
 * module is not used. Freed when the array is garbage-collected.
 */
export function float32StateBuffer(n: number): Float32Array | null {
  return optimKernel === null ? null : float32Resident(n);
}

/** The kernels, or null where the module does not load (the optimisers then run in JavaScript). */
export const optimKernel: OptimModule | null = load();

const block = new ScratchBlock();

/** Byte addresses of room for θ and g, n float32 each (valid until the next call). */
export function scratch(n: number): [number, number] {
  const half = Math.ceil(n / 16) * 64;
  const at = block.reserve(2 * half);
  return [at, at + half];
}

function load(): OptimModule | null {
  const path = WASM_PATHS.find((p) => existsSync(p));
  if (path === undefined || wasmMemory === null) return null;
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(path)), {
      env: { memory: wasmMemory },
    });
    return instance.exports as unknown as OptimModule;
  } catch {
    return null; // e.g. a runtime without SIMD: the optimisers run in JavaScript
  }
}
