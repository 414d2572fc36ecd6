// The part of the WebAssembly API used here (TypeScript's ES2022 lib and @types/node 20
// do not declare it; it is the DOM lib's).
declare const WebAssembly: {
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
};

/** A shared WebAssembly.Memory. */
export interface WasmMemory {
  buffer: SharedArrayBuffer;
  grow(pages: number): number;
}

/**
 * The one memory of the WebAssembly kernels: `gemm.wasm` (on both threads) and
 * `optim.wasm` are instantiated on it, so an array that lives here is read and written by
 * either in place. What lives here:
 *
 * - float32 arrays that stay between steps (`float32Resident`): the weights of `nn.Linear`
 *   and `nn.Conv2d`, the optimisers' state (momentum, Adam's m and v). The gemm reads a
 *   weight where it is, and SGD or Adam updates it where it is: nothing copied per step;
 * - the kernels' scratch blocks (packing panels, copies of operands that live elsewhere).
 *
 * Only long-lived arrays live here: a block comes back when the garbage collector has found
 * its array unreachable, which for short-lived arrays is far too late (V8 frees them only
 * in its rare full collections: 128 MiB of a W1 epoch's batches and gradients piled up
 * before one did). A resident array is a Float32Array over the memory's SharedArrayBuffer:
 * keep the array (or its tensor), not only a `subarray` of it, while you read it.
 *
 * Blocks are 64-byte aligned (a cache line) from `FIRST` on (the modules have no static
 * data: `gemm.wasm`'s heap base is below it). A resident array's block is reused once the
 * array is garbage-collected (a FinalizationRegistry). The memory is shared, so arrays keep
 * working when it grows (a shared buffer is never detached). It never shrinks.
 */
const PAGE = 65536; // bytes per page of WebAssembly memory
/** As `npm run build:wasm` declares both modules' imported memory. */
const WASM_PAGES = { initial: 64, maximum: 32768 };
/** The first byte blocks are given from. */
export const FIRST = 1024;

export const wasmMemory: WasmMemory | null = create();

function create(): WasmMemory | null {
  try {
    return typeof WebAssembly === "object"
      ? new WebAssembly.Memory({ ...WASM_PAGES, shared: true })
      : null;
  } catch {
    return null; // no shared memory here: the kernels run in JavaScript
  }
}

let top = FIRST; // the first byte never given out
const free = new Map<number, number[]>(); // block size → free addresses
const placed = new WeakMap<object, number>(); // resident array → its byte address
let residentBytes = 0; // held by resident arrays not yet collected
const release = new FinalizationRegistry<{ at: number; bytes: number }>(({ at, bytes }) => {
  freeBlock(at, bytes);
  residentBytes -= bytes;
});

/** n rounded up to a multiple of 64 (a cache line). */
export function align64(n: number): number {
  return Math.ceil(n / 64) * 64;
}

/** The byte address of a block of `bytes` (64-aligned, contents unspecified); grows the memory if needed. */
export function allocateBlock(bytes: number): number {
  const size = align64(Math.max(bytes, 1));
  const reused = free.get(size)?.pop();
  if (reused !== undefined) return reused;
  const at = top;
  top += size;
  const have = wasmMemory!.buffer.byteLength;
  if (top > have) wasmMemory!.grow(Math.ceil((top - have) / PAGE));
  return at;
}

/** Gives a block back for reuse. */
function freeBlock(at: number, bytes: number): void {
  const size = align64(Math.max(bytes, 1));
  const list = free.get(size);
  if (list) list.push(at);
  else free.set(size, [at]);
}

/** The most bytes resident arrays may hold, so that the kernels' scratch always has room (2 GiB in all). */
export const RESIDENT_BUDGET = 2 ** 29;

/**
 * n float32 zeros that live in the kernels' memory, or null where there is none or where
 * resident arrays already hold `RESIDENT_BUDGET` (the caller then uses an ordinary array).
 * Its block is given back when the array is garbage-collected.
 */
export function float32Resident(n: number): Float32Array | null {
  const bytes = align64(n * 4);
  if (wasmMemory === null || residentBytes + bytes > RESIDENT_BUDGET) return null;
  const at = allocateBlock(bytes);
  residentBytes += bytes;
  const view = new Float32Array(wasmMemory.buffer, at, n);
  view.fill(0);
  placed.set(view, at);
  release.register(view, { at, bytes });
  return view;
}

/** The byte address of a `float32Resident` array, or undefined for any other array. */
export function placedAt(array: object): number | undefined {
  return placed.get(array);
}

let f32: Float32Array | null = null;
let f64: Float64Array | null = null;

/** The whole memory as float32 (a new view after it grew: the old ones keep the old length). */
export function heapF32(): Float32Array {
  const buffer = wasmMemory!.buffer;
  if (f32 === null || f32.byteLength !== buffer.byteLength) f32 = new Float32Array(buffer);
  return f32;
}

/** The whole memory as float64. */
export function heapF64(): Float64Array {
  const buffer = wasmMemory!.buffer;
  if (f64 === null || f64.byteLength !== buffer.byteLength) f64 = new Float64Array(buffer);
  return f64;
}

/** A block that grows on demand and is reused by each call: a kernel's copy of its operands. */
export class ScratchBlock {
  private at = 0;
  private bytes = 0;

  /** The address of at least `bytes` bytes, valid until the next `reserve`. */
  reserve(bytes: number): number {
    if (bytes > this.bytes) {
      if (this.bytes > 0) freeBlock(this.at, this.bytes);
      this.bytes = align64(Math.max(bytes, this.bytes * 1.25));
      this.at = allocateBlock(this.bytes);
    }
    return this.at;
  }
}
