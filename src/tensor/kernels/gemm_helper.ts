import { Worker } from "node:worker_threads";

/**
 * The helper thread of `gemm_threads.ts`: a `worker_threads` Worker that instantiates the
 * gemm module on the caller's shared WebAssembly memory, then serves products through
 * the control words below (a small SharedArrayBuffer): it waits for a new sequence
 * number, claims halves (`Atomics.add` on CLAIMED) until none is left, runs each with its
 * own scratch, and counts it in FINISHED. It polls for the next call for a while before
 * it sleeps in `Atomics.wait`, and says so in ASLEEP, so a caller notifies (a futex call)
 * only a sleeping helper. It never keeps the process alive (`unref`).
 */

// control words: the sequence number posted, halves claimed and finished, flags, then
// each half's arguments (ARGS words apiece)
export const POSTED = 0;
export const CLAIMED = 1;
export const FINISHED = 2;
export const READY = 3; // the helper has instantiated the module
export const FAILED = 4; // the helper threw
export const ASLEEP = 5; // the helper sleeps in Atomics.wait: a post must notify it
const HELPER_PACKS = 6; // the helper's scratch
export const HALF = 8; // first word of half 0's arguments
export const ARGS = 13; // words per half: f64, transA, transB, M, N, K, a, lda, b, ldb, c, ldc, accumulate
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
  for (let i = 1; Atomics.load(ctl, ${POSTED}) === seen; i++) {
    if ((i & 255) === 0 && performance.now() > until) break; // (each now() allocates a number)
  }
  Atomics.store(ctl, ${ASLEEP}, 1); // from now a post notifies; one before is seen by wait
  Atomics.wait(ctl, ${POSTED}, seen);
  Atomics.store(ctl, ${ASLEEP}, 0);
  seen = Atomics.load(ctl, ${POSTED});
  for (let h; (h = Atomics.add(ctl, ${CLAIMED}, 1)) < 2; ) {
    const p = ${HALF} + h * ${ARGS}; // this half's arguments: ctl[p], ctl[p + 1], …
    try {
      (ctl[p] ? k.gemmF64 : k.gemmF32)(ctl[p + 1] !== 0, ctl[p + 2] !== 0, ctl[p + 3], ctl[p + 4], ctl[p + 5], ctl[p + 6], ctl[p + 7], ctl[p + 8], ctl[p + 9], ctl[p + 10], ctl[p + 11], ctl[${HELPER_PACKS}], ctl[p + 12] !== 0);
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
export function helper(module: object, memory: object, helperPacks: number): Int32Array | null {
  if (unavailable) return null;
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
