import type { FloatArray } from "./gemm";

/**
 * Packs a block of a matrix into panels for `gemm`: `lines` lines (rows of op(A), or
 * columns of op(B)) × `depth` values of k, read through strides, are written to `dst` as
 * panels `width` lines wide, each stored k by k:
 *
 * $$ \text{dst}[p \cdot w \cdot d' + k \cdot w + l] = x[\text{at} + (p w + l)\,\text{lineStride} + k\,\text{kStride}] $$
 *
 * for panel p, line l < w = `width`, k < d' = `depth` rounded up to a multiple of
 * `kStep`. Lines past `lines` and the values of k past `depth` are written as 0, so a
 * panel is always full. Strides make a transposed matrix cost nothing: A [M, K] has
 * lineStride K, kStride 1; Aᵀ stored as [K, M] has lineStride 1, kStride M.
 */
export function packPanels(
  dst: Float64Array,
  width: number,
  kStep: number,
  x: FloatArray,
  at: number,
  lineStride: number,
  kStride: number,
  lines: number,
  depth: number,
): void {
  const depthPadded = Math.ceil(depth / kStep) * kStep;
  const panelSize = width * depthPadded;
  for (let l0 = 0, panel = 0; l0 < lines; l0 += width, panel += panelSize) {
    for (let l = 0; l < width; l++) {
      if (l0 + l < lines) {
        const from = at + (l0 + l) * lineStride;
        for (let k = 0, q = panel + l; k < depth; k++, q += width) dst[q] = x[from + k * kStride];
      } else {
        for (let k = 0, q = panel + l; k < depth; k++, q += width) dst[q] = 0; // a missing line
      }
    }
    dst.fill(0, panel + depth * width, panel + panelSize); // the values of k past depth
  }
}
