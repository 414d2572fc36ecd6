import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FloatArray } from "../../../src/tensor/kernels/gemm";
import { gemmNaive } from "../../../src/tensor/kernels/gemm_naive";
import { MIN_FLOPS, gemmThreads, setGemmThreads } from "../../../src/tensor/kernels/gemm_threads";
import { gemmWasm, gemmWasmThreadsReady } from "../../../src/tensor/kernels/gemm_wasm";
import { mulberry32, uniformValues } from "../../helpers/rng";

type ArrayType = Float32ArrayConstructor | Float64ArrayConstructor;

/** Shapes of ≥ MIN_FLOPS (so they are split): wide C (split by columns), tall C (by rows), odd sizes. */
const SHAPES: [number, number, number][] = [
  [64, 128, 784], // W1 forward x·W1ᵀ
  [128, 784, 64], // W1's ∂W = Gᵀ·x
  [67, 131, 301], // odd everywhere, split by columns
  [401, 7, 1000], // tall and narrow: split by rows
  [9, 2003, 150], // wide with a ragged last tile
];

function operands(type: ArrayType, M: number, N: number, K: number, seed: number) {
  const rng = mulberry32(seed);
  const a = type.from(uniformValues(rng, M * K));
  const b = type.from(uniformValues(rng, K * N));
  const c0 = type.from(uniformValues(rng, M * N));
  return { a, b, c0 };
}

describe("gemmWasm on two threads", () => {
  const started = threadsOn();
  beforeAll(async () => {
    setGemmThreads(2);
    await started;
  });
  afterAll(() => setGemmThreads(gemmThreadsAtStart));

  it("has a helper thread serving (2 threads are the default on ≥ 2 cores)", async () => {
    expect(await started).toBe(true);
    for (const [M, N, K] of SHAPES) expect(2 * M * N * K).toBeGreaterThanOrEqual(MIN_FLOPS);
  });

  for (const type of [Float32Array, Float64Array]) {
    it(`gives the single-thread result bit for bit, and agrees with gemmNaive (${type.name}, all transposes, accumulate)`, () => {
      let seed = 1;
      for (const [M, N, K] of SHAPES) {
        for (const [transA, transB, accumulate] of [
          [false, false, false],
          [true, false, true],
          [false, true, false],
          [true, true, true],
        ]) {
          const { a, b, c0 } = operands(type, M, N, K, seed++);
          const run = (threads: number, kernel = gemmWasm): FloatArray => {
            setGemmThreads(threads);
            const c = c0.slice();
            kernel(transA, transB, M, N, K, a, 0, b, 0, c, 0, accumulate);
            return c;
          };
          const split = run(2);
          const single = run(1);
          const naive = run(2, gemmNaive);
          const where = `${type.name} M=${M} N=${N} K=${K} transA=${transA} transB=${transB} accumulate=${accumulate}`;
          expect(Array.from(split), where).toEqual(Array.from(single));
          const tol = (type === Float32Array ? 1e-5 : 1e-12) * (K + 1);
          const worst = Array.from(split).reduce(
            (m, v, i) => Math.max(m, Math.abs(v - naive[i])),
            0,
          );
          expect(worst, where).toBeLessThanOrEqual(tol);
        }
      }
    });
  }

  it("refuses a thread count other than 1 or 2, naming it", () => {
    expect(() => setGemmThreads(3)).toThrow("setGemmThreads: expected 1 or 2, got 3");
  });
});

const gemmThreadsAtStart = gemmThreads();

async function threadsOn(): Promise<boolean> {
  setGemmThreads(2);
  return gemmWasmThreadsReady();
}
