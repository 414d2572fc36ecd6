import { cpus } from "node:os";
import { type FloatArray, gemm, gemmBackend } from "../src/tensor/kernels/gemm";
import { gemmJs } from "../src/tensor/kernels/gemm_js";
import { gemmNaive } from "../src/tensor/kernels/gemm_naive";
import { gemmThreads, setGemmThreads } from "../src/tensor/kernels/gemm_threads";
import {
  gemmWasm,
  gemmWasmAvailable,
  gemmWasmMissing,
  gemmWasmThreadsReady,
} from "../src/tensor/kernels/gemm_wasm";

type ArrayType = Float32ArrayConstructor | Float64ArrayConstructor;

const SIZES = [128, 256, 512, 1024];
const TYPES: [string, ArrayType][] = [
  ["float32", Float32Array],
  ["float64", Float64Array],
];
const BUDGET_MS = 500; // timed runs per cell stop after this much time…
const MAX_RUNS = 200; // …or this many runs
const TARGET = { n: 512, dtype: "float32", ratio: 10 }; // gemm (the selected kernel) vs naive

/**
 * Matrix-multiply benchmark: GFLOP/s of `gemmNaive` (the i-j-k loop, the reference),
 * `gemmJs` (packed, blocked, scalar JavaScript) and `gemmWasm` (the same in WebAssembly
 * SIMD) on one thread and, where the machine has 2 cores, on two (`gemm_threads.ts`), for
 * C = A·B with A, B, C n×n, n = 128…1024, float32 and float64; ratios to the naive loop.
 * `gemm` runs the one `gemmBackend` names (on `gemmThreads()` threads); the target line
 * measures that one.
 *
 * A product costs 2n³ flops (n³ multiplies, n³ adds): GFLOP/s = 2n³ / seconds / 10⁹.
 * Each cell makes one untimed warm-up call (JIT, caches, scratch), then keeps the best
 * of up to 200 timed calls within 0.5 s; a call slower than that (the naive loop at
 * n = 1024, ~3 s) is timed once. The last column is the largest |gemmWasm − naive| over
 * C, relative to the largest |C| (float32 sums in gemmWasm, float64 in the naive loop).
 */
export async function run(): Promise<void> {
  console.log(`node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"}`);
  const threads = gemmThreads();
  const helper = gemmWasmAvailable && (await gemmWasmThreadsReady());
  console.log(`gemm runs gemm${gemmBackend === "wasm" ? "Wasm" : "Js"} on ${threads} thread(s)`);
  if (!gemmWasmAvailable) console.log(`gemmWasm unavailable: ${gemmWasmMissing}`);
  const twoThreads = threads > 1 && helper;
  console.log("C = A·B, A and B n×n; GFLOP/s = 2n³ / time of the best timed run (runs)\n");
  console.log(
    "dtype     n     naive GFLOP/s   gemmJs GFLOP/s gemmWasm GFLOP/s  Wasm 2 threads  Js/naive  Wasm/naive  Wasm2/naive  Wasm/Js  max rel |Δ|",
  );
  let targetRatio = NaN;
  for (const [dtype, type] of TYPES) {
    for (const n of SIZES) {
      const a = filled(type, n * n, 1);
      const b = filled(type, n * n, 2);
      const naive = measure(gemmNaive, n, a, b);
      const js = measure(gemmJs, n, a, b);
      setGemmThreads(1);
      const wasm = gemmWasmAvailable ? measure(gemmWasm, n, a, b) : undefined;
      setGemmThreads(threads);
      const wasm2 = twoThreads ? measure(gemmWasm, n, a, b) : undefined;
      const selected = gemmBackend === "wasm" && wasm !== undefined ? (wasm2 ?? wasm) : js;
      if (n === TARGET.n && dtype === TARGET.dtype) targetRatio = selected.gflops / naive.gflops;
      const ratio = (x: Measurement | undefined, y: Measurement, width: number): string =>
        `${x === undefined ? "–" : (x.gflops / y.gflops).toFixed(1)}×`.padStart(width);
      const gap = wasm === undefined ? "–" : relativeGap(wasm.c, naive.c).toExponential(1);
      console.log(
        `${dtype}  ${String(n).padStart(4)} ${cell(naive)} ${cell(js)} ${wasm === undefined ? "–".padStart(16) : cell(wasm)} ${wasm2 === undefined ? "–".padStart(15) : cell(wasm2).padStart(15)} ${ratio(js, naive, 9)} ${ratio(wasm, naive, 11)} ${ratio(wasm2, naive, 12)} ${ratio(wasm, js, 8)}  ${gap.padStart(11)}`,
      );
    }
  }
  const met = targetRatio >= TARGET.ratio ? "met" : "not met";
  console.log(
    `\ntarget: gemm (gemm${gemmBackend === "wasm" ? "Wasm" : "Js"}, ${twoThreads ? 2 : 1} thread(s)) ≥ ${TARGET.ratio}× naive at n = ${TARGET.n}, ${TARGET.dtype}: ${targetRatio.toFixed(1)}× (${met})`,
  );
}

interface Measurement {
  gflops: number;
  runs: number;
  c: FloatArray;
}

/** Best-of timing of kernel(A·B) for n×n operands, after one warm-up call. */
function measure(kernel: typeof gemm, n: number, a: FloatArray, b: FloatArray): Measurement {
  const c = a.constructor === Float32Array ? new Float32Array(n * n) : new Float64Array(n * n);
  const once = (): number => {
    const start = performance.now();
    kernel(false, false, n, n, n, a, 0, b, 0, c, 0);
    return performance.now() - start;
  };
  let best = once(); // warm-up; also the only run when it alone exceeds the budget
  let runs = 1;
  if (best < BUDGET_MS) {
    best = Infinity;
    runs = 0;
    for (let spent = 0; spent < BUDGET_MS && runs < MAX_RUNS; runs++) {
      const ms = once();
      best = Math.min(best, ms);
      spent += ms;
    }
  }
  return { gflops: (2 * n ** 3) / (best * 1e6), runs, c };
}

/** `n` deterministic values in [−1, 1]: sin(seed·n + i). */
function filled(type: ArrayType, n: number, seed: number): FloatArray {
  const x = new type(n);
  for (let i = 0; i < n; i++) x[i] = Math.sin(seed * n + i);
  return x;
}

/** max |x − y| / max |y|. */
function relativeGap(x: FloatArray, y: FloatArray): number {
  let gap = 0;
  let scale = 0;
  for (let i = 0; i < x.length; i++) {
    gap = Math.max(gap, Math.abs(x[i] - y[i]));
    scale = Math.max(scale, Math.abs(y[i]));
  }
  return gap / scale;
}

function cell(m: Measurement): string {
  return `${m.gflops.toFixed(2).padStart(6)} (${String(m.runs).padStart(3)})`.padStart(16);
}
