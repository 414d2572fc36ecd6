import type { FloatArray } from "./gemm";
import { ScratchBlock, align64, heapF32, heapF64, placedAt } from "./wasm_memory";

/** One matrix of a gemm call: its array, the offset of its first element, its element count. */
export interface Operand {
  array: FloatArray;
  offset: number;
  size: number;
}

/** Byte addresses of A, B and C in the kernels' memory for one call; `finish()` after the call. */
export interface Placed {
  a: number;
  b: number;
  c: number;
  /** Copies C out when it was computed in the scratch block. */
  finish(): void;
}

/** The scratch block of operands copied in. */
const operands = new ScratchBlock();

/**
 * Where `gemmWasm`'s kernel finds A, B and C: an operand that lives in the kernels' memory
 * (`float32Resident`: a layer's weight) is used where it is; any other is copied into the
 * scratch block (A and B now; C now only with `accumulate`, and out in `finish()`). C that
 * lies over A or B in memory is computed in the scratch block too, so it is written only
 * after both are read.
 */
export function placeOperands(A: Operand, B: Operand, C: Operand, accumulate: boolean): Placed {
  const bytes = C.array.BYTES_PER_ELEMENT;
  let a = residentAt(A, bytes);
  let b = residentAt(B, bytes);
  let c = residentAt(C, bytes);
  if (c >= 0 && (overlaps(c, C.size, a, A.size, bytes) || overlaps(c, C.size, b, B.size, bytes)))
    c = -1; // C over A or B: write it elsewhere first
  const copied = (a < 0 ? align64(A.size * bytes) : 0) + (b < 0 ? align64(B.size * bytes) : 0);
  let next =
    copied + (c < 0 ? C.size * bytes : 0) > 0 ? operands.reserve(copied + C.size * bytes) : 0;
  const heap = bytes === 4 ? heapF32() : heapF64();
  const copyIn = (x: Operand): number => {
    heap.set(x.array.subarray(x.offset, x.offset + x.size), next / bytes);
    const at = next;
    next += align64(x.size * bytes);
    return at;
  };
  if (a < 0) a = copyIn(A);
  if (b < 0) b = copyIn(B);
  if (c >= 0) return { a, b, c, finish: () => {} };
  const at = accumulate ? copyIn(C) : next;
  const finish = () => C.array.set(heap.subarray(at / bytes, at / bytes + C.size), C.offset);
  return { a, b, c: at, finish };
}

/** Where the operand's first element is in the kernels' memory, for a resident float32 array; else −1. */
function residentAt(x: Operand, bytes: number): number {
  const at = bytes === 4 ? placedAt(x.array) : undefined;
  return at === undefined ? -1 : at + x.offset * bytes;
}

/** Whether [x, x + n) and [y, y + m) elements overlap (y < 0: not resident). */
function overlaps(x: number, n: number, y: number, m: number, bytes: number): boolean {
  return y >= 0 && x < y + m * bytes && y < x + n * bytes;
}
