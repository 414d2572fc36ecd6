import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

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
 * `NNLAB_THREADS=1` keeps everything on the calling thread; the default uses 2 threads
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

// control words: the sequence number posted, halves claimed and finished, flags, then
// each half's arguments (ARGS words apiece)
const POSTED = 0;
const CLAIMED = 1;
const FINISHED = 2;
const READY = 3; // the helper has instantiated the module
const FAILED = 4; // the helper threw
const ASLEEP = 5; // the helper sleeps in Atomics.wait: a post must notify it
const HELPER_PACKS = 6; // the helper's scratch
const HALF = 8; // first word of half 0's arguments
const ARGS = 13; // words per half: f64, transA, transB, M, N, K, a, lda, b, ldb, c, ldc, accumulate
const SPIN = 2000; // polls before the caller sleeps in Atomics.wait
/**
 * How long the helper polls for the next call before it sleeps: waking a sleeping thread
 * costs ~50 µs here, more than the half of a W1 product it would take over (~130 µs), and
 * a training step's products come ~100 µs apart.
 */
const HELPER_SPIN_MS = 0.3;

/** The helper's code: instantiate the module on the shared memory, then claim halves. */
const HELPER = `
const { workerData } = require("node:worker_threads");
const { module, memory, control } = workerData;
const ctl = new Int32Array(control);
const k = new WebAssembly.Instance(module, { env: { memory } }).exports;
Atomics.store(ctl, ${READY}, 1);
let seen = 0;
for (;;) {
  const until = performance.now() + ${HELPER_SPIN_MS}; // stay awake for the next call a while
  while (Atomics.load(ctl, ${POSTED}) === seen && performance.now() < until);
  Atomics.store(ctl, ${ASLEEP}, 1); // from now a post notifies; one before is seen by wait
  Atomics.wait(ctl, ${POSTED}, seen);
  Atomics.store(ctl, ${ASLEEP}, 0);
  seen = Atomics.load(ctl, ${POSTED});
  for (let h; (h = Atomics.add(ctl, ${CLAIMED}, 1)) < 2; ) {
    const p = ctl.subarray(${HALF} + h * ${ARGS});
    try {
      (p[0] ? k.gemmF64 : k.gemmF32)(p[1] !== 0, p[2] !== 0, p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], ctl[${HELPER_PACKS}], p[12] !== 0);
    } catch (e) {
      Atomics.store(ctl, ${FAILED}, 1);
    }
    Atomics.add(ctl, ${FINISHED}, 1);
    Atomics.notify(ctl, ${FINISHED});
  }
}`;

let control: Int32Array | null = null;
let unavailable = false; // the helper could not be started: do not try again

/** The helper's control words, starting it on first use; null when it is not used or cannot start. */
function helper(module: object, memory: object, helperPacks: number): Int32Array | null {
  if (threads < 2 || unavailable) return null;
  if (control !== null) return control;
  try {
    const ctl = new Int32Array(new SharedArrayBuffer((HALF + 2 * ARGS) * 4));
    ctl[HELPER_PACKS] = helperPacks;
    const workerData = { module, memory, control: ctl.buffer };
    const worker = new Worker(HELPER, { eval: true, workerData });
    worker.unref();
    worker.on("error", () => Atomics.store(ctl, FAILED, 1));
    control = ctl;
  } catch {
    unavailable = true; // e.g. a runtime without worker threads: one thread it is
    return null;
  }
  return control;
}

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
  const ctl = 2 * M * N * K >= MIN_FLOPS ? helper(module, memory, helperPacks) : null;
  const up = ctl !== null && Atomics.load(ctl, READY) === 1 && !Atomics.load(ctl, FAILED);
  const parts = up ? halves(call) : null;
  if (ctl === null || parts === null) return run(call);
  post(ctl, parts);
  for (let h; (h = Atomics.add(ctl, CLAIMED, 1)) < 2;) {
    run(parts[h]);
    Atomics.add(ctl, FINISHED, 1);
  }
  waitFinished(ctl);
}

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

/** Resolves when the helper is serving (true), or false if it is not used or cannot start. */
export async function gemmHelperReady(
  module: object,
  memory: object,
  helperPacks: number,
): Promise<boolean> {
  const ctl = helper(module, memory, helperPacks);
  for (let t = 0; ctl !== null && t < 500; t++) {
    if (Atomics.load(ctl, FAILED)) return false;
    if (Atomics.load(ctl, READY) === 1) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}
