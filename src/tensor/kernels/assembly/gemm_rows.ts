/**
 * Float32 C (+)= A·Bᵀ as dot products of rows, for `gemm.ts` (AssemblyScript, compiled
 * into gemm.wasm with it): the path of a layer's forward x·Wᵀ, where both operands run
 * along k in memory and nothing needs packing.
 */

/**
 * C (+)= A·Bᵀ for float32 A [M, K] and B [N, K], both row-major: every C[i, j] is the dot
 * product of row i of A with row j of B, two contiguous runs of k, so nothing is packed
 * (a layer's forward x·Wᵀ with W stored [out, in], as PyTorch stores it). A tile of
 * 4 rows of A × 2 rows of B keeps 8 sums of 4 lanes (k, k+1, k+2, k+3) in registers, adds
 * the lanes at the end, and finishes k = K − K mod 4 … K − 1 one at a time. B is swept
 * in blocks of 32 rows (100 KiB at K = 784: they stay in L2) under each 4 rows of A (L1:
 * K ≤ 2048). For M a multiple of 4 and N of 2. Against packing B and broadcasting A
 * (below), on one thread: 40 vs 30 GFLOP/s at W1's [64, 784]·[784, 128], 40 vs 35 at 512³.
 */
export function gemmRowsF32(
  M: i32,
  N: i32,
  K: i32,
  a: usize,
  lda: i32,
  b: usize,
  ldb: i32,
  c: usize,
  ldc: i32,
  accumulate: bool,
): void {
  const K4 = K & ~3;
  const aRow = (<usize>lda) << 2;
  const bRow = (<usize>ldb) << 2;
  for (let j0 = 0; j0 < N; j0 += 32) {
    const j1 = min(N, j0 + 32);
    for (let i = 0; i < M; i += 4) {
      const a0 = a + <usize>i * aRow;
      const a1 = a0 + aRow;
      const a2 = a1 + aRow;
      const a3 = a2 + aRow;
      for (let j = j0; j < j1; j += 2) {
        const b0 = b + <usize>j * bRow;
        const b1 = b0 + bRow;
        let s00 = f32x4.splat(0),
          s01 = f32x4.splat(0),
          s10 = f32x4.splat(0),
          s11 = f32x4.splat(0);
        let s20 = f32x4.splat(0),
          s21 = f32x4.splat(0),
          s30 = f32x4.splat(0),
          s31 = f32x4.splat(0);
        for (let k: usize = 0; k < (<usize>K4) << 2; k += 16) {
          const w0 = v128.load(b0 + k);
          const w1 = v128.load(b1 + k);
          let x = v128.load(a0 + k);
          s00 = f32x4.add(s00, f32x4.mul(x, w0));
          s01 = f32x4.add(s01, f32x4.mul(x, w1));
          x = v128.load(a1 + k);
          s10 = f32x4.add(s10, f32x4.mul(x, w0));
          s11 = f32x4.add(s11, f32x4.mul(x, w1));
          x = v128.load(a2 + k);
          s20 = f32x4.add(s20, f32x4.mul(x, w0));
          s21 = f32x4.add(s21, f32x4.mul(x, w1));
          x = v128.load(a3 + k);
          s30 = f32x4.add(s30, f32x4.mul(x, w0));
          s31 = f32x4.add(s31, f32x4.mul(x, w1));
        }
        const at = c + ((<usize>(i * ldc + j)) << 2);
        const ldcBytes = (<usize>ldc) << 2;
        storeDot(at, s00, a0, b0, K4, K, accumulate);
        storeDot(at + 4, s01, a0, b1, K4, K, accumulate);
        storeDot(at + ldcBytes, s10, a1, b0, K4, K, accumulate);
        storeDot(at + ldcBytes + 4, s11, a1, b1, K4, K, accumulate);
        storeDot(at + 2 * ldcBytes, s20, a2, b0, K4, K, accumulate);
        storeDot(at + 2 * ldcBytes + 4, s21, a2, b1, K4, K, accumulate);
        storeDot(at + 3 * ldcBytes, s30, a3, b0, K4, K, accumulate);
        storeDot(at + 3 * ldcBytes + 4, s31, a3, b1, K4, K, accumulate);
      }
    }
  }
}

/** C at `at` (+)= the 4 lanes of s added, plus x[k]·y[k] for the last k = k4 … K − 1. */
function storeDot(at: usize, s: v128, x: usize, y: usize, k4: i32, K: i32, accumulate: bool): void {
  let t =
    f32x4.extract_lane(s, 0) +
    f32x4.extract_lane(s, 1) +
    (f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3));
  for (let k = k4; k < K; k++) {
    t += load<f32>(x + ((<usize>k) << 2)) * load<f32>(y + ((<usize>k) << 2));
  }
  store<f32>(at, accumulate ? load<f32>(at) + t : t);
}
