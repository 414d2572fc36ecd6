/**
 * The WebAssembly SIMD gemm, in AssemblyScript (compiled by `npm run build:wasm` to
 * `dist/src/tensor/kernels/gemm.wasm`; `../gemm_wasm.ts` loads it and documents the
 * memory layout). Not TypeScript: `f32`, `v128`, `usize` and `load<T>` are
 * AssemblyScript's; `tsconfig.json` excludes this folder.
 *
 * The same algorithm as the JavaScript kernel (`../gemm_js.ts`, after GotoBLAS/BLIS),
 * computing in the inputs' own precision, 128 bits at a time:
 *
 * $$ C \leftarrow \operatorname{op}(A)\,\operatorname{op}(B) \quad (+\, C) $$
 *
 * 1. KC = 256 values of k × NC = 512 columns of op(B) are packed into panels NR columns
 *    wide, k by k (NR = 8 float32 or 4 float64: two v128 registers; 8 KiB per panel).
 * 2. MC = 128 rows × KC of op(A) are packed into panels MR = 4 rows high, k by k.
 * 3. The micro-kernel keeps a 4×NR tile of C in 8 v128 registers; per k it loads the
 *    panel's two vectors of op(B), broadcasts each of the 4 values of op(A), and adds
 *    a·b to the tile: 4·NR multiply-adds per 6 loads.
 * Panels are zero-padded to full width; the tile is clipped when it is stored to C.
 * Float32 A·Bᵀ (a layer's forward x·Wᵀ) runs as dot products of rows (`gemm_rows.ts`).
 * Other thin float32 products (a training step's batch of 64) skip packing where every panel
 * would be full and read in place instead (`microKernelF32InPlace`): A when C has at most
 * 128 columns, B when it is not transposed and C has at most 128 rows. Packing an A
 * panel pays off only over many B panels (and the reverse); reading A in place gave W1's
 * x·W1ᵀ +4% on one thread and +12% on two (each thread had packed all of A) before the
 * dot products took that product over; W1's ∂W1 = Gᵀx now reads x in place.
 * All pointers are byte addresses in this module's memory; a, b and c are row-major with
 * leading dimensions lda, ldb, ldc (elements per stored row), so a block of a larger
 * matrix is a pointer and the larger matrix's ld: `gemm_threads.ts` gives each thread one.
 * The memory is imported and shared between threads: each thread passes its own scratch.
 */

import { gemmRowsF32 } from "./gemm_rows";

const MR = 4; // rows of an A panel
const KC = 256; // values of k in a packed block
const MC = 128; // rows of op(A) in a packed block (a multiple of MR)
const NC = 512; // columns of op(B) in a packed block (a multiple of NR)
const DIRECT = 128; // A (B) is read in place when C has at most this many columns (rows)

const TILE_BYTES = 4 * 8 * 4; // a clipped tile, MR × NR, row by row
let tile: usize = 0; // this thread's tile, at the end of its scratch

/** The first free byte after this module's static data, 64-aligned. */
export function heapBase(): usize {
  return (__heap_base + 63) & ~(<usize>63);
}

/** Bytes one thread's scratch needs (both types): MC×KC of A, NC×KC of B, a tile. */
export function scratchBytes(): usize {
  return <usize>(MC + NC) * KC * 8 + TILE_BYTES;
}

/** C (+)= op(A)·op(B) on float32 matrices at a, b, c; scratch at `packs`. */
export function gemmF32(
  transA: bool,
  transB: bool,
  M: i32,
  N: i32,
  K: i32,
  a: usize,
  lda: i32,
  b: usize,
  ldb: i32,
  c: usize,
  ldc: i32,
  packs: usize,
  accumulate: bool,
): void {
  gemm<f32>(transA, transB, M, N, K, a, lda, b, ldb, c, ldc, packs, accumulate);
}

/** C (+)= op(A)·op(B) on float64 matrices at a, b, c; scratch at `packs`. */
export function gemmF64(
  transA: bool,
  transB: bool,
  M: i32,
  N: i32,
  K: i32,
  a: usize,
  lda: i32,
  b: usize,
  ldb: i32,
  c: usize,
  ldc: i32,
  packs: usize,
  accumulate: bool,
): void {
  gemm<f64>(transA, transB, M, N, K, a, lda, b, ldb, c, ldc, packs, accumulate);
}

function gemm<T>(
  transA: bool,
  transB: bool,
  M: i32,
  N: i32,
  K: i32,
  a: usize,
  lda: i32,
  b: usize,
  ldb: i32,
  c: usize,
  ldc: i32,
  packs: usize,
  accumulate: bool,
): void {
  const NR: i32 = (16 / sizeof<T>()) * 2; // two v128 of columns
  const packA = packs;
  const packB = packs + <usize>MC * KC * 8;
  tile = packs + <usize>(MC + NC) * KC * 8;
  if (sizeof<T>() == 4 && !transA && transB && M % 4 == 0 && N % 2 == 0 && K <= 2048) {
    // A·Bᵀ (a layer's x·Wᵀ): dot products of rows, nothing packed
    return gemmRowsF32(M, N, K, a, lda, b, ldb, c, ldc, accumulate);
  }
  // op(A)_{ik} = a[i·aRowStride + k·aColStride], likewise for op(B)
  const aRowStride = transA ? 1 : lda;
  const aColStride = transA ? lda : 1;
  const bRowStride = transB ? 1 : ldb;
  const bColStride = transB ? ldb : 1;
  // Packing only pays for itself on large products. A's panels are read in place when
  // every panel is full (M a multiple of MR): the micro-kernel loads MR values of k from
  // MR rows, whatever the strides. B's are read in place when op(B)'s rows are contiguous
  // (B not transposed) and every panel is full (N a multiple of NR). A training step's
  // thin products (batch 64) then pack little or nothing.
  const f32 = sizeof<T>() == 4;
  const directA = f32 && M % MR == 0 && N <= DIRECT;
  const directB = f32 && bColStride == 1 && N % NR == 0 && M <= DIRECT;
  const size = <usize>sizeof<T>();
  const aRow: usize = directA ? <usize>aRowStride * size : size; // bytes between A's rows
  const aK: usize = directA ? <usize>aColStride * size : <usize>MR * size; // … between k's
  for (let j0 = 0; j0 < N; j0 += NC) {
    const nc = min(NC, N - j0);
    for (let k0 = 0; k0 < K; k0 += KC) {
      const kc = min(KC, K - k0);
      const bAt = k0 * bRowStride + j0 * bColStride; // op(B)[k0, j0]
      if (!directB) pack<T>(packB, NR, b, bAt, bColStride, bRowStride, nc, kc);
      const bK: usize = directB ? <usize>bRowStride * size : <usize>NR * size; // bytes between k's
      const add = accumulate || k0 > 0; // later k blocks add onto C's partial sums
      for (let i0 = 0; i0 < M; i0 += MC) {
        const mc = min(MC, M - i0);
        const aAt = i0 * aRowStride + k0 * aColStride; // op(A)[i0, k0]
        if (!directA) pack<T>(packA, MR, a, aAt, aRowStride, aColStride, mc, kc);
        const cAt = c + ((<usize>(i0 * ldc + j0)) << alignof<T>());
        for (let j = 0; j < nc; j += NR) {
          const pb = directB
            ? b + ((<usize>(bAt + j)) << alignof<T>())
            : packB + ((<usize>(j * kc)) << alignof<T>());
          for (let i = 0; i < mc; i += MR) {
            const pa = directA
              ? a + ((<usize>(aAt + i * aRowStride)) << alignof<T>())
              : packA + ((<usize>(i * kc)) << alignof<T>());
            const at = cAt + ((<usize>(i * ldc + j)) << alignof<T>());
            const rows = min(MR, mc - i);
            const cols = min(NR, nc - j);
            if (directA || directB)
              microKernelF32InPlace(kc, pa, aRow, aK, pb, bK, at, ldc, rows, cols, add);
            else if (f32) microKernelF32(kc, pa, pb, at, ldc, rows, cols, add);
            else microKernelF64(kc, pa, pb, at, ldc, rows, cols, add);
          }
        }
      }
    }
  }
}

/**
 * Packs `lines` lines × `depth` values of k of x (element index `at`, strides in
 * elements) into panels `width` lines wide, k by k: dst[p·w·depth + k·w + l]; missing
 * lines of the last panel are written as 0.
 */
function pack<T>(
  dst: usize,
  width: i32,
  x: usize,
  at: i32,
  lineStride: i32,
  kStride: i32,
  lines: i32,
  depth: i32,
): void {
  let q = dst;
  for (let l0 = 0; l0 < lines; l0 += width) {
    const present = min(width, lines - l0);
    for (let k = 0; k < depth; k++) {
      let from = at + l0 * lineStride + k * kStride;
      for (let l = 0; l < present; l++, from += lineStride) {
        store<T>(q + ((<usize>l) << alignof<T>()), load<T>(x + ((<usize>from) << alignof<T>())));
      }
      for (let l = present; l < width; l++) store<T>(q + ((<usize>l) << alignof<T>()), 0);
      q += (<usize>width) << alignof<T>();
    }
  }
}

/** C[rows, cols] at c (+)= the 4×8 float32 tile of A panel pa · B panel pb. */
function microKernelF32(
  kc: i32,
  pa: usize,
  pb: usize,
  c: usize,
  ldc: i32,
  rows: i32,
  cols: i32,
  add: bool,
): void {
  let c00 = f32x4.splat(0),
    c01 = f32x4.splat(0),
    c10 = f32x4.splat(0),
    c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0),
    c21 = f32x4.splat(0),
    c30 = f32x4.splat(0),
    c31 = f32x4.splat(0);
  for (let k = 0; k < kc; k++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = f32x4.add(c00, f32x4.mul(a, b0));
    c01 = f32x4.add(c01, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 4);
    c10 = f32x4.add(c10, f32x4.mul(a, b0));
    c11 = f32x4.add(c11, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 8);
    c20 = f32x4.add(c20, f32x4.mul(a, b0));
    c21 = f32x4.add(c21, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 12);
    c30 = f32x4.add(c30, f32x4.mul(a, b0));
    c31 = f32x4.add(c31, f32x4.mul(a, b1));
    pa += 16;
    pb += 32;
  }
  storeTileF32(c, ldc, rows, cols, add, c00, c01, c10, c11, c20, c21, c30, c31);
}

/**
 * microKernelF32 on panels read in place: A's 4 rows aRow bytes apart and its k's aK bytes
 * apart (a packed panel is aRow = 4, aK = 16), B's 8 contiguous values per k with k's bK
 * bytes apart (packed: bK = 32). A separate function, so the packed kernel keeps its
 * constant offsets (variable ones cost it ~4% on large products).
 */
function microKernelF32InPlace(
  kc: i32,
  pa: usize,
  aRow: usize,
  aK: usize,
  pb: usize,
  bK: usize,
  c: usize,
  ldc: i32,
  rows: i32,
  cols: i32,
  add: bool,
): void {
  let c00 = f32x4.splat(0),
    c01 = f32x4.splat(0),
    c10 = f32x4.splat(0),
    c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0),
    c21 = f32x4.splat(0),
    c30 = f32x4.splat(0),
    c31 = f32x4.splat(0);
  const aRow2 = aRow + aRow;
  const aRow3 = aRow2 + aRow;
  for (let k = 0; k < kc; k++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = f32x4.add(c00, f32x4.mul(a, b0));
    c01 = f32x4.add(c01, f32x4.mul(a, b1));
    a = v128.load32_splat(pa + aRow);
    c10 = f32x4.add(c10, f32x4.mul(a, b0));
    c11 = f32x4.add(c11, f32x4.mul(a, b1));
    a = v128.load32_splat(pa + aRow2);
    c20 = f32x4.add(c20, f32x4.mul(a, b0));
    c21 = f32x4.add(c21, f32x4.mul(a, b1));
    a = v128.load32_splat(pa + aRow3);
    c30 = f32x4.add(c30, f32x4.mul(a, b0));
    c31 = f32x4.add(c31, f32x4.mul(a, b1));
    pa += aK;
    pb += bK;
  }
  storeTileF32(c, ldc, rows, cols, add, c00, c01, c10, c11, c20, c21, c30, c31);
}

/** C[rows, cols] at c (+)= the 4×4 float64 tile of A panel pa · B panel pb. */
function microKernelF64(
  kc: i32,
  pa: usize,
  pb: usize,
  c: usize,
  ldc: i32,
  rows: i32,
  cols: i32,
  add: bool,
): void {
  let c00 = f64x2.splat(0),
    c01 = f64x2.splat(0),
    c10 = f64x2.splat(0),
    c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0),
    c21 = f64x2.splat(0),
    c30 = f64x2.splat(0),
    c31 = f64x2.splat(0);
  for (let k = 0; k < kc; k++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load64_splat(pa);
    c00 = f64x2.add(c00, f64x2.mul(a, b0));
    c01 = f64x2.add(c01, f64x2.mul(a, b1));
    a = v128.load64_splat(pa, 8);
    c10 = f64x2.add(c10, f64x2.mul(a, b0));
    c11 = f64x2.add(c11, f64x2.mul(a, b1));
    a = v128.load64_splat(pa, 16);
    c20 = f64x2.add(c20, f64x2.mul(a, b0));
    c21 = f64x2.add(c21, f64x2.mul(a, b1));
    a = v128.load64_splat(pa, 24);
    c30 = f64x2.add(c30, f64x2.mul(a, b0));
    c31 = f64x2.add(c31, f64x2.mul(a, b1));
    pa += 32;
    pb += 32;
  }
  const ldcBytes = (<usize>ldc) << 3;
  if (rows == 4 && cols == 4) {
    storeRow(c, c00, c01, add, true);
    storeRow(c + ldcBytes, c10, c11, add, true);
    storeRow(c + 2 * ldcBytes, c20, c21, add, true);
    storeRow(c + 3 * ldcBytes, c30, c31, add, true);
  } else {
    storeRow(tile, c00, c01, false, true);
    storeRow(tile + 32, c10, c11, false, true);
    storeRow(tile + 64, c20, c21, false, true);
    storeRow(tile + 96, c30, c31, false, true);
    storeClipped<f64>(c, ldcBytes, rows, cols, 4, add);
  }
}

/** C[rows, cols] at c (+)= a 4×8 float32 tile held as rows [c00 c01], …, [c30 c31]. */
function storeTileF32(
  c: usize,
  ldc: i32,
  rows: i32,
  cols: i32,
  add: bool,
  c00: v128,
  c01: v128,
  c10: v128,
  c11: v128,
  c20: v128,
  c21: v128,
  c30: v128,
  c31: v128,
): void {
  const ldcBytes = (<usize>ldc) << 2;
  if (rows == 4 && cols == 8) {
    storeRow(c, c00, c01, add, false);
    storeRow(c + ldcBytes, c10, c11, add, false);
    storeRow(c + 2 * ldcBytes, c20, c21, add, false);
    storeRow(c + 3 * ldcBytes, c30, c31, add, false);
  } else {
    storeRow(tile, c00, c01, false, false);
    storeRow(tile + 32, c10, c11, false, false);
    storeRow(tile + 64, c20, c21, false, false);
    storeRow(tile + 96, c30, c31, false, false);
    storeClipped<f32>(c, ldcBytes, rows, cols, 8, add);
  }
}

/** 32 bytes at p (+)= [v0, v1], in float32 or float64 lanes. */
function storeRow(p: usize, v0: v128, v1: v128, add: bool, f64: bool): void {
  if (add) {
    v0 = f64 ? f64x2.add(v128.load(p), v0) : f32x4.add(v128.load(p), v0);
    v1 = f64 ? f64x2.add(v128.load(p, 16), v1) : f32x4.add(v128.load(p, 16), v1);
  }
  v128.store(p, v0);
  v128.store(p, v1, 16);
}

/** C[rows, cols] at c (+)= the tile's top-left rows × cols (the tile is MR × NR). */
function storeClipped<T>(
  c: usize,
  ldcBytes: usize,
  rows: i32,
  cols: i32,
  NR: i32,
  add: bool,
): void {
  for (let r = 0; r < rows; r++) {
    const from = tile + ((<usize>(r * NR)) << alignof<T>());
    const to = c + <usize>r * ldcBytes;
    for (let s = 0; s < cols; s++) {
      const at = to + ((<usize>s) << alignof<T>());
      const t = load<T>(from + ((<usize>s) << alignof<T>()));
      store<T>(at, add ? load<T>(at) + t : t);
    }
  }
}
