import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkGemm } from "./check_gemm";
import type { FloatArray } from "./gemm";
import { gemmHelperReady } from "./gemm_helper";
import { type WasmGemmCall, gemmThreads, splitGemm } from "./gemm_threads";

// The part of the WebAssembly API used here (TypeScript's ES2022 lib and @types/node 20
// do not declare it; it is the DOM lib's).
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => {
    buffer: SharedArrayBuffer;
    grow(pages: number): number;
  };
};

/** What `gemm.wasm` (compiled from `assembly/gemm.ts`) exports. */
interface GemmModule {
  memory: { buffer: SharedArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  scratchBytes(): number;
  gemmF32: WasmGemm;
  gemmF64: WasmGemm;
}

type WasmGemm = (
  transA: boolean,
  transB: boolean,
  M: number,
  N: number,
  K: number,
  a: number,
  lda: number,
  b: number,
  ldb: number,
  c: number,
  ldc: number,
  packs: number,
  accumulate: boolean,
) => void;

/** Where the build puts the module: beside this file in `dist/`; from `src/` (vitest), there. */
const WASM_PATHS = [
  join(__dirname, "gemm.wasm"),
  join(__dirname, "..", "..", "..", "dist", "src", "tensor", "kernels", "gemm.wasm"),
];
/** The most bytes of A, B and C one call may copy into the module (its memory: 2 GiB in all). */
export const GEMM_WASM_MAX_BYTES = 2 ** 30;
const PAGE = 65536; // bytes per page of WebAssembly memory
const PAGES = { initial: 64, maximum: 32768 }; // as `npm run build:wasm` declares them

const loaded = load();
/** Whether `gemmWasm` can run here; if not, `gemmWasmMissing` says why. */
export const gemmWasmAvailable = loaded.module !== undefined;
export const gemmWasmMissing = loaded.why;

/**
 * `gemm` in WebAssembly SIMD (`assembly/gemm.ts`): the kernel `gemm` selects where the
 * module loads. Same signature and meaning as `gemm` (see `gemm.ts`):
 *
 * $$ C \leftarrow \operatorname{op}(A)\,\operatorname{op}(B) \quad (+\, C \text{ with accumulate}) $$
 *
 * A and B (and C, with accumulate) are copied into the module's memory, multiplied
 * there, and C is copied back: O(MK + KN + MN) copying for O(MNK) arithmetic. Sums are
 * formed in the inputs' precision, 4 float32 or 2 float64 lanes at a time, so float32
 * results differ from `gemmJs`'s (float64 sums) by rounding: ~6e-8·√K relative to |C|
 * for random signs, up to ~6e-8·K when the products share a sign pattern (the benchmark's
 * sine inputs: 3e-5 at K = 512), like any float32 BLAS.
 *
 * Memory, one shared WebAssembly.Memory, 64-byte aligned pieces from the module's heap
 * base: this thread's packing scratch (`scratchBytes()`, 1.25 MiB) | the helper thread's |
 * A | B | C. It grows when a call needs more than any before (never shrinks), so steady
 * training reuses it. Products of ≥ 4 MFLOP are split over two threads (`gemm_threads.ts`).
 *
 * @example gemmWasm(false, false, 2, 2, 3, a, 0, b, 0, c, 0)  // c [2,2] = a [2,3] · b [3,2]
 */
export function gemmWasm(
  transA: boolean,
  transB: boolean,
  M: number,
  N: number,
  K: number,
  a: FloatArray,
  aOffset: number,
  b: FloatArray,
  bOffset: number,
  c: FloatArray,
  cOffset: number,
  accumulate = false,
): void {
  checkGemm("gemmWasm", transA, transB, M, N, K, a, aOffset, b, bOffset, c, cOffset);
  const wasm = loaded.module;
  if (wasm === undefined) throw new Error(`gemmWasm: unavailable: ${loaded.why}`);
  if (M === 0 || N === 0) return;
  if (K === 0) {
    if (!accumulate) c.fill(0, cOffset, cOffset + M * N); // an empty sum is 0
    return;
  }
  const bytes = c.BYTES_PER_ELEMENT;
  if ((M * K + K * N + M * N) * bytes > GEMM_WASM_MAX_BYTES) {
    throw new RangeError(
      `gemmWasm: [${M}, ${K}]·[${K}, ${N}] needs more than ${GEMM_WASM_MAX_BYTES} bytes of WebAssembly memory; use gemmJs`,
    );
  }
  const packs = wasm.heapBase(); // byte addresses in the module's memory
  const helperPacks = packs + align(wasm.scratchBytes());
  const aAt = helperPacks + align(wasm.scratchBytes());
  const bAt = aAt + align(M * K * bytes);
  const cAt = bAt + align(K * N * bytes);
  const end = cAt + M * N * bytes;
  if (end > wasm.memory.buffer.byteLength) {
    wasm.memory.grow(Math.ceil((end - wasm.memory.buffer.byteLength) / PAGE));
  }
  const memory = view(wasm, c instanceof Float32Array);
  memory.set(a.subarray(aOffset, aOffset + M * K), aAt / bytes);
  memory.set(b.subarray(bOffset, bOffset + K * N), bAt / bytes);
  if (accumulate) memory.set(c.subarray(cOffset, cOffset + M * N), cAt / bytes);
  const [lda, ldb] = [transA ? M : K, transB ? K : N]; // elements per stored row
  const call = {
    f64: bytes === 8,
    transA,
    transB,
    M,
    N,
    K,
    a: aAt,
    lda,
    b: bAt,
    ldb,
    c: cAt,
    ldc: N,
    packs,
    accumulate,
  };
  splitGemm(call, helperPacks, loaded.compiled!, wasm.memory, runHere);
  c.set(memory.subarray(cAt / bytes, cAt / bytes + M * N), cOffset);
}

let views: { f32: Float32Array; f64: Float64Array } | null = null;

/** The whole memory as float32 or float64 (new views after a grow: the old ones keep the old length). */
function view(wasm: GemmModule, f32: boolean): Float32Array | Float64Array {
  const buffer = wasm.memory.buffer;
  if (views === null || views.f32.byteLength !== buffer.byteLength) {
    views = { f32: new Float32Array(buffer), f64: new Float64Array(buffer) };
  }
  return f32 ? views.f32 : views.f64;
}

/** Runs one call of the module on this thread. */
function runHere(p: WasmGemmCall): void {
  const wasm = loaded.module!;
  const kernel = p.f64 ? wasm.gemmF64 : wasm.gemmF32;
  kernel(
    p.transA,
    p.transB,
    p.M,
    p.N,
    p.K,
    p.a,
    p.lda,
    p.b,
    p.ldb,
    p.c,
    p.ldc,
    p.packs,
    p.accumulate,
  );
}

/** Resolves when products can use the second thread (true), or false where they cannot. */
export function gemmWasmThreadsReady(): Promise<boolean> {
  const { compiled, module } = loaded;
  if (!compiled || !module || gemmThreads() < 2) return Promise.resolve(false);
  const helperPacks = module.heapBase() + align(module.scratchBytes());
  return gemmHelperReady(compiled, module.memory, helperPacks);
}

/** n rounded up to a multiple of 64 (a cache line). */
function align(n: number): number {
  return Math.ceil(n / 64) * 64;
}

/** Instantiates gemm.wasm synchronously on a fresh shared memory, or says why it cannot. */
function load(): { module?: GemmModule; compiled?: object; why: string } {
  if (typeof WebAssembly !== "object") return { why: "this runtime has no WebAssembly" };
  const path = WASM_PATHS.find((p) => existsSync(p));
  if (path === undefined) {
    return { why: `gemm.wasm not found at ${WASM_PATHS.join(" or ")}; run npm run build` };
  }
  try {
    const compiled = new WebAssembly.Module(readFileSync(path));
    const memory = new WebAssembly.Memory({ ...PAGES, shared: true });
    const instance = new WebAssembly.Instance(compiled, { env: { memory } });
    return { module: instance.exports as unknown as GemmModule, compiled, why: "" };
  } catch (err) {
    // e.g. a runtime without SIMD: "invalid value type 'v128'"
    return { why: `${path} does not load: ${err instanceof Error ? err.message : err}` };
  }
}
