import type { FloatArray } from "./gemm";

/**
 * Checks the arguments of a gemm call (`gemm`, `gemmJs`, `gemmWasm`, `gemmNaive`) before
 * any loop runs, so a wrong size or offset is reported instead of silently reading
 * `undefined` (NaN) or dropping writes past the end of a typed array.
 *
 * Needs: M, N, K non-negative integers; a, b, c one float type; and, row-major,
 * A [M, K] (or [K, M] when transA) from aOffset, B [K, N] (or [N, K] when transB) from
 * bOffset, C [M, N] from cOffset, each inside its array. O(1): it reads no element.
 */
export function checkGemm(
  name: string,
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
): void {
  for (const [symbol, n] of [
    ["M", M],
    ["N", N],
    ["K", K],
  ] as const) {
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`${name}: ${symbol} must be a non-negative integer, got ${n}`);
    }
  }
  const type = c.constructor;
  if (a.constructor !== type || b.constructor !== type) {
    throw new TypeError(
      `${name}: a, b and c must share one float type, got ${a.constructor.name}, ${b.constructor.name} and ${c.constructor.name}; convert the odd one out`,
    );
  }
  checkSpan(name, "A", a, aOffset, transA ? [K, M] : [M, K], transA);
  checkSpan(name, "B", b, bOffset, transB ? [N, K] : [K, N], transB);
  checkSpan(name, "C", c, cOffset, [M, N], false);
}

/** Checks that a matrix of the stored `shape` starting at `offset` fits in `x`. */
function checkSpan(
  name: string,
  symbol: string,
  x: FloatArray,
  offset: number,
  shape: [number, number],
  transposed: boolean,
): void {
  const size = shape[0] * shape[1];
  if (!Number.isInteger(offset) || offset < 0 || offset + size > x.length) {
    const stored = `${symbol} [${shape.join(", ")}]${transposed ? " (stored transposed)" : ""}`;
    throw new RangeError(
      `${name}: ${stored} needs ${size} elements from offset ${offset}, got an array of length ${x.length}`,
    );
  }
}
