import { availableParallelism } from "node:os";
import {
  ARGS,
  ASLEEP,
  CLAIMED,
  FAILED,
  FINISHED,
  HALF,
  POSTED,
  READY,
  helper,
} from "./gemm_helper";

/**
 * The second core for `gemmWasm`: one helper thread (a `worker_threads` Worker) running
 * the same WebAssembly module on the same shared memory, so a product is split in two
 * halves computed at once, with nothing copied between threads:
 *
 * $$ C = \operatorname{op}(A)\,\operatorname{op}(B) = \big[\, \operatorname{op}(A)\,\operatorname{op}(B)_{:,\,<n_1} \;\big|\; \operatorname{op}(A)\,\operatorname{op}(B)_{:,\,\ge n_1} \big] $$
 *
 * (columns, when C is wider than tall), or likewise by rows of op(A). Each half is a block
 * given by a pointer and the full matrix's leading dimension; each thread packs into
 * its own scratch. The threads meet through a small SharedArrayBuffer: the caller writes
 * both halves' arguments and bumps a sequence number; then each thread claims halves
 * (`Atomics.add` on a counter) until none is left, and the caller waits until both are
 * finished. So a helper that is late (asleep, or its core busy with another process)
 * costs nothing: the caller claims and computes the second half itself. A round trip
 * costs ~13 µs, so only products of ≥ `MIN_FLOPS` are split; the helper polls for 0.3 ms
 * after each call before it sleeps, as waking it costs ~50 µs.
 *
 * The helper's side is `gemm_helper.ts`. `NNLAB_THREADS=1` keeps everything on the calling thread; the default uses 2 threads
 * where the machine has 2 cores or more. The helper starts on the first large product
 * and does not keep the process alive (`unref`); until it has started, products run on
 * one thread.
 */

let threads = initialThreads(process.env.NNLAB_THREADS);

/** NNLAB_THREADS if it says 1 or more (2 at most are used), else 2 on a machine with ≥ 2 cores. */
function initialThreads(env: string | undefined): number {
  const wanted = env === undefined || !(Number(env) >= 1) ? availableParallelism() : Number(env);
  return wanted >= 2 ? 2 : 1;
}

/** Threads a large product uses: 1 or 2. */
export function gemmThreads(): number {
  return threads;
}

/** Sets the threads large products use (1 or 2; more are not used): what `NNLAB_THREADS` sets at start. */
export function setGemmThreads(n: number): void {
  if (n !== 1 && n !== 2) throw new RangeError(`setGemmThreads: expected 1 or 2, got ${n}`);
  threads = n;
}

/** Products of fewer flops (2MNK) run on one thread: the split costs ~13 µs. */
export const MIN_FLOPS = 4e6;

/** One call of the module's gemmF32/gemmF64 (pointers in bytes, ld in elements). */
export interface WasmGemmCall {
  f64: boolean;
  transA: boolean;
  transB: boolean;
  M: number;
  N: number;
  K: number;
  a: number;
  lda: number;
  b: number;
  ldb: number;
  c: number;
  ldc: number;
  packs: number;
  accumulate: boolean;
}

/** The module's two kernels, as `gemm_wasm.ts` calls them. */
export type RunGemm = (call: WasmGemmCall) => void;

/**
 * Runs `call` split over the two threads when it is large enough and the helper is up,
 * else on this thread (`run`). `helperPacks` is the helper's scratch.
 */
export function splitGemm(
  call: WasmGemmCall,
  helperPacks: number,
  module: object,
  memory: object,
  run: RunGemm,
): void {
  const { M, N, K } = call;
  const ctl =
    threads > 1 && 2 * M * N * K >= MIN_FLOPS ? helper(module, memory, helperPacks) : null;
  const up = ctl !== null && Atomics.load(ctl, READY) === 1 && !Atomics.load(ctl, FAILED);
  const parts = up ? halves(call) : null;
  if (ctl === null || parts === null) return run(call);
  post(ctl, parts);
  try {
    for (let h; (h = Atomics.add(ctl, CLAIMED, 1)) < 2;) {
      run(parts[h]);
      Atomics.add(ctl, FINISHED, 1);
    }
  } catch (error) {
    // a half failed here: count it and any unclaimed one as done, so the helper is idle
    // (never still writing into memory the next call reuses) before the error goes on
    Atomics.add(ctl, FINISHED, 1);
    while (Atomics.add(ctl, CLAIMED, 1) < 2) Atomics.add(ctl, FINISHED, 1);
    waitFinished(ctl);
    throw error;
  }
  waitFinished(ctl);
}

const SPIN = 2000; // polls before the caller sleeps in Atomics.wait

/** Returns when both halves are finished: polls a little, then sleeps. */
function waitFinished(ctl: Int32Array): void {
  for (let spins = 0; Atomics.load(ctl, FINISHED) !== 2 && spins < SPIN; spins++);
  for (let v; (v = Atomics.load(ctl, FINISHED)) !== 2;) Atomics.wait(ctl, FINISHED, v, 50);
  if (Atomics.load(ctl, FAILED)) throw new Error("gemm: the helper thread failed");
}

/** The two blocks of C: by columns (8 a side at least) when N ≥ M, else by rows; null if too small. */
function halves(call: WasmGemmCall): [WasmGemmCall, WasmGemmCall] | null {
  const { M, N, transA, transB, lda, ldb, ldc } = call;
  const bytes = call.f64 ? 8 : 4;
  if (N >= M && N >= 16) {
    const n1 = Math.ceil(N / 16) * 8; // a multiple of the widest tile (8 columns)
    const bColStride = transB ? ldb : 1; // op(B)[0, j] = b[j·bColStride]
    const right = { N: N - n1, b: call.b + n1 * bColStride * bytes, c: call.c + n1 * bytes };
    return [
      { ...call, N: n1 },
      { ...call, ...right },
    ];
  }
  if (M < 8) return null;
  const m1 = Math.ceil(M / 8) * 4; // a multiple of the tile height (4 rows)
  const aRowStride = transA ? 1 : lda; // op(A)[i, 0] = a[i·aRowStride]
  const lower = { M: M - m1, a: call.a + m1 * aRowStride * bytes, c: call.c + m1 * ldc * bytes };
  return [
    { ...call, M: m1 },
    { ...call, ...lower },
  ];
}

/** Writes both halves' arguments, resets the counters and wakes the helper. */
function post(ctl: Int32Array, parts: [WasmGemmCall, WasmGemmCall]): void {
  parts.forEach((c, h) => {
    const at = HALF + h * ARGS;
    ctl[at] = c.f64 ? 1 : 0;
    ctl[at + 1] = c.transA ? 1 : 0;
    ctl[at + 2] = c.transB ? 1 : 0;
    ctl[at + 3] = c.M;
    ctl[at + 4] = c.N;
    ctl[at + 5] = c.K;
    ctl[at + 6] = c.a;
    ctl[at + 7] = c.lda;
    ctl[at + 8] = c.b;
    ctl[at + 9] = c.ldb;
    ctl[at + 10] = c.c;
    ctl[at + 11] = c.ldc;
    ctl[at + 12] = c.accumulate ? 1 : 0;
  });
  Atomics.store(ctl, FINISHED, 0);
  Atomics.store(ctl, CLAIMED, 0); // publishes the arguments: a claim reads them after this
  Atomics.add(ctl, POSTED, 1);
  if (Atomics.load(ctl, ASLEEP) === 1) Atomics.notify(ctl, POSTED); // a futex call only when needed
}
