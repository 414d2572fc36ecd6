/**
 * C ← op(A)·op(B) (+ C when `accumulate`): provisional i-k-j kernel, replaced by the
 * blocked kernel of the kernels task. Same signature.
 */
export type FloatArray = Float32Array | Float64Array;

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
  if (!accumulate) c.fill(0, cOffset, cOffset + M * N);
  for (let i = 0; i < M; i++) {
    const ci = cOffset + i * N;
    for (let k = 0; k < K; k++) {
      const aik = a[aOffset + (transA ? k * M + i : i * K + k)];
      if (transB) for (let j = 0; j < N; j++) c[ci + j] += aik * b[bOffset + j * K + k];
      else {
        const bk = bOffset + k * N;
        for (let j = 0; j < N; j++) c[ci + j] += aik * b[bk + j];
      }
    }
  }
}
