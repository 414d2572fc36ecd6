import { checkGemm } from "./check_gemm";
import type { FloatArray } from "./gemm";

/**
 * The textbook matrix product, one inner product per element of C:
 *
 * $$ C_{ij} \leftarrow \sum_{k} \operatorname{op}(A)_{ik}\, \operatorname{op}(B)_{kj} \quad (+\, C_{ij}) $$
 *
 * The reference implementation behind `gemm`: same signature and meaning (see `gemm`
 * for the shapes, offsets and flags), computed by the i-j-k triple loop with no blocking
 * or packing. Tests compare `gemm` with it and the benchmark measures against it.
 * op(X) is X, or Xᵀ when its trans flag is set; the transpose is only a choice of
 * strides, no copy is made.
 *
 * @example gemmNaive(false, false, 1, 1, 2, a, 0, b, 0, c, 0)  // c[0] = a[0]·b[0] + a[1]·b[1]
 */
export function gemmNaive(
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
  checkGemm("gemmNaive", transA, transB, M, N, K, a, aOffset, b, bOffset, c, cOffset);
  // op(A)_{ik} = a[aOffset + i·aRowStride + k·aColStride], likewise for op(B)
  const aRowStride = transA ? 1 : K;
  const aColStride = transA ? M : 1;
  const bRowStride = transB ? 1 : N;
  const bColStride = transB ? K : 1;
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0; // Σₖ op(A)_{ik} op(B)_{kj}
      for (let k = 0; k < K; k++) {
        sum +=
          a[aOffset + i * aRowStride + k * aColStride] *
          b[bOffset + k * bRowStride + j * bColStride];
      }
      const ij = cOffset + i * N + j;
      c[ij] = accumulate ? c[ij] + sum : sum;
    }
  }
}
