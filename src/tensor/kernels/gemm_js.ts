import { checkGemm } from "./check_gemm";
import type { FloatArray } from "./gemm";
import { packPanels } from "./pack_panels";

const MR = 32; // rows of an A panel: the tile's height
const NR = 4; // columns of a B panel: the tile's width
const KU = 4; // values of k per step of the micro-kernel
const KC = 512; // values of k in a packed block (a multiple of KU)
const MC = 96; // rows of op(A) in a packed block (a multiple of MR)
const NC = 512; // columns of op(B) in a packed block (a multiple of NR)

// Module-level `const`s, read into locals once per call: V8 then compiles them in as
// constants (no type check or length reload per row; one bounds check per row serves all
// four tile columns). Used directly inside a loop, or as a grown `let`, they cost 15–35%.
const packedA = new Float64Array(MC * KC); // 384 KiB, allocated once
const tile = new Float64Array(NR * MR); // the tile of C, column by column
const tile0 = tile.subarray(0, MR);
const tile1 = tile.subarray(MR, 2 * MR);
const tile2 = tile.subarray(2 * MR, 3 * MR);
const tile3 = tile.subarray(3 * MR, 4 * MR);
let packedB = new Float64Array(0); // grown to the largest block seen (≤ 2 MiB), reused

/**
 * `gemm` in plain JavaScript: the portable kernel, used where WebAssembly SIMD is not
 * (and by the tests, beside `gemmWasm`). Same signature and meaning as `gemm` (see
 * `gemm.ts` for the shapes, offsets and flags):
 *
 * $$ C \leftarrow \operatorname{op}(A)\,\operatorname{op}(B) \qquad\text{or, with accumulate,}\qquad C \leftarrow C + \operatorname{op}(A)\,\operatorname{op}(B) $$
 *
 * Sums are formed in float64; a float32 C is rounded as it is stored (once per block of
 * KC = 512 values of k).
 *
 * Blocking, after GotoBLAS/BLIS (Goto & van de Geijn 2008), outer to inner:
 * 1. KC = 512 values of k × NC = 512 columns of op(B) are packed into panels NR = 4
 *    columns wide, k by k; a panel (16 KiB) stays in L1 while all of A's rows pass it.
 * 2. MC = 96 rows × KC of op(A) are packed into panels MR = 32 rows high, k by k
 *    (384 KiB: stays in L2 while all B panels stream past it; 1 MiB L2 here).
 * 3. The micro-kernel computes a 32×4 tile of C, KU = 4 values of k per step: it holds
 *    the step's 4×4 values of op(B) in locals, then for each row loads 4 values of op(A)
 *    and adds 4 four-term dot products to the tile's columns.
 * Packing reads either layout through strides, so transposes cost nothing, and zero-pads
 * the last panels to full width and k to a multiple of 4, so the micro-kernel has no
 * edge cases in k or j; it loops over the rows present only (M = 1 costs 1 row, not 32).
 * The tile is clipped when it is written to C.
 *
 * Why this shape (V8 compiles JavaScript to scalar float64 code: ~15 float registers, a
 * bounds check per array read, arithmetic scheduled after a block's loads): the usual
 * 2×4…4×4 tile of sums in local variables spills them to the stack and reached only
 * ~7.5 GFLOP/s on the benchmark machine (Zen 5, Node 20). Keeping the tile in a
 * constant Float64Array and streaming A row by row costs ~4 instructions per
 * multiply-add, ~12.5 GFLOP/s: near the scalar limit of 2 multiply-adds per cycle.
 * 4 columns × 4 values of k was best (6 or 8 columns, or 2 or 8 values of k: 8–25%
 * slower); MR = 16 or 32, KC = 256 or 512, MC and NC change little (≤ 5%). The scratch
 * is Float64Array for both input types, so the micro-kernel sees one array type.
 *
 * @example gemmJs(false, false, 2, 2, 3, a, 0, b, 0, c, 0)  // c [2,2] = a [2,3] · b [3,2]
 */
export function gemmJs(
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
  checkGemm("gemmJs", transA, transB, M, N, K, a, aOffset, b, bOffset, c, cOffset);
  if (M === 0 || N === 0) return;
  if (K === 0) {
    if (!accumulate) c.fill(0, cOffset, cOffset + M * N); // an empty sum is 0
    return;
  }
  // op(A)_{ik} = a[aOffset + i·aRowStride + k·aColStride], likewise for op(B)
  const aRowStride = transA ? 1 : K;
  const aColStride = transA ? M : 1;
  const bRowStride = transB ? 1 : N;
  const bColStride = transB ? K : 1;
  reservePackedB(Math.min(N, NC), Math.min(K, KC));
  for (let j0 = 0; j0 < N; j0 += NC) {
    const nc = Math.min(NC, N - j0);
    for (let k0 = 0; k0 < K; k0 += KC) {
      const kc = Math.min(KC, K - k0);
      const bAt = bOffset + k0 * bRowStride + j0 * bColStride; // op(B)[k0, j0]
      packPanels(packedB, NR, KU, b, bAt, bColStride, bRowStride, nc, kc);
      const add = accumulate || k0 > 0; // later k blocks add onto C's partial sums
      for (let i0 = 0; i0 < M; i0 += MC) {
        const mc = Math.min(MC, M - i0);
        const aAt = aOffset + i0 * aRowStride + k0 * aColStride; // op(A)[i0, k0]
        packPanels(packedA, MR, KU, a, aAt, aRowStride, aColStride, mc, kc);
        multiplyBlock(c, cOffset + i0 * N + j0, N, mc, nc, kc, add);
      }
    }
  }
}

/** Grows packedB to hold kc values of k × nc columns in full panels. */
function reservePackedB(nc: number, kc: number): void {
  const size = Math.ceil(nc / NR) * NR * Math.ceil(kc / KU) * KU;
  if (packedB.length < size) packedB = new Float64Array(size);
}

/** C[mc, nc] at cAt (+)= packed A block · packed B block, one MR×NR tile at a time. */
function multiplyBlock(
  c: FloatArray,
  cAt: number,
  ldc: number,
  mc: number,
  nc: number,
  kc: number,
  add: boolean,
): void {
  const steps = Math.ceil(kc / KU);
  for (let j = 0; j < nc; j += NR) {
    for (let i = 0; i < mc; i += MR) {
      const rows = Math.min(MR, mc - i);
      microKernel(steps, i * steps * KU, j * steps * KU, rows);
      storeTile(c, cAt + i * ldc + j, ldc, rows, Math.min(NR, nc - j), add);
    }
  }
}

/**
 * tile ← op(A) panel · op(B) panel, for the first `rows` rows of the A panel at aAt and
 * the B panel at bAt, KU = 4 values of k per step:
 *
 * $$ t_{ij} \mathrel{+}= \sum_{u=0}^{3} a_i(k+u)\, b_j(k+u), \qquad j = 0, 1, 2, 3 $$
 */
function microKernel(steps: number, aAt: number, bAt: number, rows: number): void {
  const A = packedA;
  const B = packedB;
  const t0 = tile0;
  const t1 = tile1;
  const t2 = tile2;
  const t3 = tile3;
  tile.fill(0);
  let ia = aAt;
  let ib = bAt;
  for (let s = 0; s < steps; s++) {
    // buj = b_j(k+u): this step's 4×4 values of op(B)
    // prettier-ignore
    const b00 = B[ib], b01 = B[ib + 1], b02 = B[ib + 2], b03 = B[ib + 3],
          b10 = B[ib + 4], b11 = B[ib + 5], b12 = B[ib + 6], b13 = B[ib + 7],
          b20 = B[ib + 8], b21 = B[ib + 9], b22 = B[ib + 10], b23 = B[ib + 11],
          b30 = B[ib + 12], b31 = B[ib + 13], b32 = B[ib + 14], b33 = B[ib + 15];
    const end = ia + rows;
    for (let q = ia, i = 0; q < end; q++, i++) {
      // au = a_i(k+u); `| 0` tells V8 the index is an int32 (no overflow check)
      const a0 = A[q];
      const a1 = A[(q + MR) | 0];
      const a2 = A[(q + 2 * MR) | 0];
      const a3 = A[(q + 3 * MR) | 0];
      t0[i] += a0 * b00 + a1 * b10 + (a2 * b20 + a3 * b30);
      t1[i] += a0 * b01 + a1 * b11 + (a2 * b21 + a3 * b31);
      t2[i] += a0 * b02 + a1 * b12 + (a2 * b22 + a3 * b32);
      t3[i] += a0 * b03 + a1 * b13 + (a2 * b23 + a3 * b33);
    }
    ia += KU * MR;
    ib += KU * NR;
  }
}

/** C[rows, cols] at cAt (+)= the tile's top-left rows×cols (clipped at C's edges). */
function storeTile(
  c: FloatArray,
  cAt: number,
  ldc: number,
  rows: number,
  cols: number,
  add: boolean,
): void {
  const T = tile; // a local: see microKernel
  for (let s = 0; s < cols; s++) {
    const column = s * MR; // the tile is stored column by column
    if (add) {
      for (let r = 0, at = cAt + s; r < rows; r++, at += ldc) c[at] += T[column + r];
    } else {
      for (let r = 0, at = cAt + s; r < rows; r++, at += ldc) c[at] = T[column + r];
    }
  }
}
