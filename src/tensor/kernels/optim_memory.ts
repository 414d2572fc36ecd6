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

/**
 * The memory of the optimiser kernels (`optim.wasm`, from `assembly/optim.ts`): one shared
 * WebAssembly.Memory holding the float32 state that stays there between steps (Adam's m
 * and v, SGD's momentum buffer) and a scratch block for θ and g. State arrays are views
 * of it (`float32StateBuffer`), found again by `placedAt`; a view's block is reused after
 * the view is garbage-collected (a FinalizationRegistry). Shared memory, so views stay
 * valid when it grows.
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

const PAGE = 65536;
const PAGES = { initial: 16, maximum: 32768 }; // as `npm run build:wasm` declares them
const WASM_PATHS = [
  join(__dirname, "optim.wasm"),
  join(__dirname, "..", "..", "..", "dist", "src", "tensor", "kernels", "optim.wasm"),
];

/**
 * n float32 zeros in the module's memory (where `adamWasm` finds them), or null where the
 * module is not used. Freed when the array is garbage-collected.
 */
export function float32StateBuffer(n: number): Float32Array | null {
  if (optimKernel === null) return null;
  const at = allocate(n * 4);
  const view = new Float32Array(memory!.buffer, at, n);
  view.fill(0);
  placed.set(view, at);
  release.register(view, { at, bytes: n * 4 });
  return view;
}

/** The byte address of a `float32StateBuffer` array, or undefined for any other array. */
export function placedAt(array: unknown): number | undefined {
  return placed.get(array as object);
}

/** The whole memory as float32 (a new view: it may have grown). */
export function optimHeap(): Float32Array {
  return new Float32Array(memory!.buffer);
}

const loaded = load();
/** The kernels, or null where the module does not load (the optimisers then run in JavaScript). */
export const optimKernel: OptimModule | null = loaded?.module ?? null;
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
export function scratch(n: number): [number, number] {
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
