import { checkGemm } from "./check_gemm";
import { gemmJs } from "./gemm_js";
import { GEMM_WASM_MAX_BYTES, gemmWasm, gemmWasmAvailable } from "./gemm_wasm";

/** The typed arrays a float tensor keeps its data in. */
export type FloatArray = Float32Array | Float64Array;

/**
 * Which implementation `gemm` runs: "wasm" (WebAssembly SIMD, `gemm_wasm.ts`) where its
 * module loads, else "js" (`gemm_js.ts`). `NNLAB_GEMM=js` in the environment forces "js".
 */
export const gemmBackend: "wasm" | "js" =
  gemmWasmAvailable && process.env.NNLAB_GEMM !== "js" ? "wasm" : "js";

/**
 * General matrix multiply (BLAS gemm), the kernel under `matmul` and `conv2d`:
 *
 * $$ C \leftarrow \operatorname{op}(A)\,\operatorname{op}(B) \qquad\text{or, with accumulate,}\qquad C \leftarrow C + \operatorname{op}(A)\,\operatorname{op}(B) $$
 *
 * Shapes, all row-major and contiguous from their offsets: op(A) is [M, K], stored as
 * A [M, K], or as [K, M] when `transA` (op(A) = Aᵀ); op(B) is [K, N], stored as B [K, N],
 * or as [N, K] when `transB`; C is [M, N]. a, b and c have one type (all Float32Array or
 * all Float64Array); c must not overlap a or b. The offsets let a batched matmul call
 * it per batch item.
 *
 * Three implementations share this signature and its tests:
 * - `gemmNaive` (`gemm_naive.ts`): the i-j-k triple loop, the reference;
 * - `gemmJs` (`gemm_js.ts`): packed and blocked after GotoBLAS, scalar JavaScript with
 *   float64 sums (~12 GFLOP/s on the benchmark machine);
 * - `gemmWasm` (`gemm_wasm.ts` + `assembly/gemm.ts`): the same blocking in WebAssembly
 *   SIMD, sums in the inputs' precision (float32 ~4× the lanes of gemmJs); products of
 *   ≥ 4 MFLOP are split over two threads (`gemm_threads.ts`; `NNLAB_THREADS=1` keeps one).
 * `gemm` checks its arguments and runs the one `gemmBackend` names (gemmJs for operands
 * too large for WebAssembly memory). `npm run bench -- matmul` compares all three.
 *
 * @example gemm(false, false, 2, 2, 3, a, 0, b, 0, c, 0)  // c [2,2] = a [2,3] · b [3,2]
 */
export function gemm(
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
  checkGemm("gemm", transA, transB, M, N, K, a, aOffset, b, bOffset, c, cOffset);
  const bytes = (M * K + K * N + M * N) * c.BYTES_PER_ELEMENT;
  const kernel = gemmBackend === "wasm" && bytes <= GEMM_WASM_MAX_BYTES ? gemmWasm : gemmJs;
  kernel(transA, transB, M, N, K, a, aOffset, b, bOffset, c, cOffset, accumulate);
}
