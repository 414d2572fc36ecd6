import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkGemm } from "./check_gemm";
import type { FloatArray } from "./gemm";
import { gemmHelperReady } from "./gemm_helper";
import { type WasmGemmCall, gemmThreads, splitGemm } from "./gemm_threads";
import { placeOperands } from "./gemm_operands";
import { FIRST, allocateBlock, wasmMemory } from "./wasm_memory";

// The part of the WebAssembly API used here (TypeScript's ES2022 lib and @types/node 20
// do not declare it; it is the DOM lib's).
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
};

/** What `gemm.wasm` (compiled from `assembly/gemm.ts`) exports. */
interface GemmModule {
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

const loaded = load();
/** The packing scratch of this thread and of the helper thread, given once. */
const scratch = loaded.module
  ? {
      mine: allocateBlock(loaded.module.scratchBytes()),
      helper: allocateBlock(loaded.module.scratchBytes()),
    }
  : { mine: 0, helper: 0 };
/** Whether `gemmWasm` can run here; if not, `gemmWasmMissing` says why. */
export const gemmWasmAvailable = loaded.module !== undefined;
export const gemmWasmMissing = loaded.why;

/**
 * `gemm` in WebAssembly SIMD (`assembly/gemm.ts`): the kernel `gemm` selects where the
 * module loads. Same signature and meaning as `gemm` (see `gemm.ts`):
 *
 * $$ C \leftarrow \operatorname{op}(A)\,\operatorname{op}(B) \quad (+\, C \text{ with accumulate}) $$
 *
 * An operand that lives in the kernels' memory (`float32Resident`: a layer's weight) is read
 * (C: written) where it is; any other is copied in (C: out) through a scratch block that
 * grows when a call needs more than any before, so steady training reuses it
 * (`gemm_operands.ts`): O(MK + KN + MN) copying at most for O(MNK) arithmetic. Sums are
 * formed in the inputs' precision, 4 float32 or 2 float64 lanes at a time, so float32
 * results differ from `gemmJs`'s (float64 sums) by rounding: ~6e-8·√K relative to |C|
 * for random signs, up to ~6e-8·K when the products share a sign pattern (the benchmark's
 * sine inputs: 3e-5 at K = 512), like any float32 BLAS.
 *
 * Memory (`wasm_memory.ts`): this thread's packing scratch (`scratchBytes()`, 1.25 MiB)
 * and the helper thread's, given once; the operands' scratch block. Products of ≥ 4 MFLOP
 * are split over two threads (`gemm_threads.ts`).
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
  const placed = placeOperands(
    { array: a, offset: aOffset, size: M * K },
    { array: b, offset: bOffset, size: K * N },
    { array: c, offset: cOffset, size: M * N },
    accumulate,
  );
  const [lda, ldb] = [transA ? M : K, transB ? K : N]; // elements per stored row
  const call = {
    f64: bytes === 8,
    transA,
    transB,
    M,
    N,
    K,
    a: placed.a,
    lda,
    b: placed.b,
    ldb,
    c: placed.c,
    ldc: N,
    packs: scratch.mine,
    accumulate,
  };
  splitGemm(call, scratch.helper, loaded.compiled!, wasmMemory!, runHere);
  placed.finish();
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
  return gemmHelperReady(compiled, wasmMemory!, scratch.helper);
}

/** Instantiates gemm.wasm synchronously on the kernels' shared memory, or says why it cannot. */
function load(): { module?: GemmModule; compiled?: object; why: string } {
  if (wasmMemory === null) return { why: "this runtime has no shared WebAssembly memory" };
  const path = WASM_PATHS.find((p) => existsSync(p));
  if (path === undefined) {
    return { why: `gemm.wasm not found at ${WASM_PATHS.join(" or ")}; run npm run build` };
  }
  try {
    const compiled = new WebAssembly.Module(readFileSync(path));
    const instance = new WebAssembly.Instance(compiled, { env: { memory: wasmMemory } });
    const module = instance.exports as unknown as GemmModule;
    if (module.heapBase() > FIRST) return { why: `gemm.wasm has static data past byte ${FIRST}` };
    return { module, compiled, why: "" };
  } catch (err) {
    // e.g. a runtime without SIMD: "invalid value type 'v128'"
    return { why: `${path} does not load: ${err instanceof Error ? err.message : err}` };
  }
}
