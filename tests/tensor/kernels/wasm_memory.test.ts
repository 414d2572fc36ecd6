import { describe, expect, it } from "vitest";
import { Generator, nn, optim, randn } from "../../../src";
import { parameterZeros } from "../../../src/nn/parameter_zeros";
import { gemmWasm } from "../../../src/tensor/kernels/gemm_wasm";
import { setOptimWasm } from "../../../src/tensor/kernels/optim_wasm";
import { float32Resident, placedAt } from "../../../src/tensor/kernels/wasm_memory";
import { Tensor } from "../../../src/tensor/tensor";
import { mulberry32, uniformValues } from "../../helpers/rng";

/** n float32 values from a seeded stream, in a resident array (true) or an ordinary one. */
function values(n: number, seed: number, resident: boolean): Float32Array {
  const data = resident ? float32Resident(n)! : new Float32Array(n);
  data.set(uniformValues(mulberry32(seed), n));
  return data;
}

describe("float32Resident", () => {
  it("gives zeroed, 64-byte aligned, disjoint arrays over the kernels' shared memory", () => {
    const a = float32Resident(37)!;
    const b = float32Resident(1000)!;
    expect(Array.from(a).every((v) => v === 0)).toBe(true);
    expect(a.buffer instanceof SharedArrayBuffer).toBe(true);
    for (const x of [a, b]) expect(placedAt(x)! % 64).toBe(0);
    const [at, bt] = [placedAt(a)!, placedAt(b)!];
    expect(at + 37 * 4 <= bt || bt + 1000 * 4 <= at).toBe(true);
    b.fill(1);
    expect(Array.from(a).every((v) => v === 0)).toBe(true);
    expect(placedAt(new Float32Array(4))).toBeUndefined();
  });
});

describe("gemmWasm on resident operands", () => {
  // every combination of A, B, C resident or not, all transposes, with offsets and accumulate:
  // the same bits as with every operand copied in
  it("reads and writes them in place, giving the bits of the copying path", () => {
    let seed = 1;
    for (const [M, N, K] of [
      [5, 7, 3],
      [64, 128, 96],
      [33, 20, 70],
    ]) {
      for (let mask = 0; mask < 8; mask++) {
        for (const [tA, tB, acc] of [
          [false, true, false],
          [true, false, true],
          [false, false, false],
        ] as const) {
          const off = 3;
          const a = values(off + M * K, seed++, (mask & 1) !== 0);
          const b = values(off + K * N, seed++, (mask & 2) !== 0);
          const c = values(off + M * N, seed++, (mask & 4) !== 0);
          const [a0, b0, c0] = [a, b, c].map((x) => Float32Array.from(x));
          gemmWasm(tA, tB, M, N, K, a, off, b, off, c, off, acc);
          gemmWasm(tA, tB, M, N, K, a0, off, b0, off, c0, off, acc);
          expect(Array.from(c), `mask ${mask}, ${M}×${N}×${K}`).toEqual(Array.from(c0));
          expect(Array.from(a)).toEqual(Array.from(a0)); // inputs untouched
        }
      }
    }
  });

  it("computes C from the inputs as they were when C lies over B in the same resident array", () => {
    const [M, N, K] = [4, 6, 5];
    const r = values(K * N + M * N, 7, true); // B at 0, C from element 10: C overlaps B
    const a = values(M * K, 8, false);
    const copy = Float32Array.from(r);
    const want = new Float32Array(M * N);
    gemmWasm(false, false, M, N, K, a, 0, copy, 0, want, 0);
    gemmWasm(false, false, M, N, K, a, 0, r, 0, r, 10);
    expect(Array.from(r.subarray(10, 10 + M * N))).toEqual(Array.from(want));
  });
});

describe("resident parameters", () => {
  it("nn.Linear keeps float32 weights and biases in the kernels' memory, float64 ones not", () => {
    const f32 = new nn.Linear(4, 3, { dtype: "float32", generator: new Generator(0) });
    expect(placedAt(f32.weight.data)).toBeDefined();
    expect(placedAt(f32.bias!.data)).toBeDefined();
    const f64 = new nn.Linear(4, 3, { generator: new Generator(0) });
    expect(placedAt(f64.weight.data)).toBeUndefined();
    // the same initial values either way
    expect(Array.from(f32.weight.data)).toEqual(Array.from(f64.weight.data, Math.fround));
  });

  it("SGD with momentum updates a resident weight in place, to the JavaScript loop's bits", () => {
    const grads = [1, 2, 3].map((s) =>
      randn([257], { generator: new Generator(s), dtype: "float32" }),
    );
    const run = (resident: boolean, wasm: boolean) => {
      const w = resident
        ? parameterZeros([257], "float32")
        : new Tensor(new Float32Array(257), [257]);
      w.data.set(randn([257], { generator: new Generator(9), dtype: "float32" }).data);
      w.requiresGrad = true;
      const before = w.data;
      setOptimWasm(wasm);
      try {
        const opt = new optim.SGD([w], { lr: 0.1, momentum: 0.9, weightDecay: 0.01 });
        for (const g of grads) {
          w.grad = g;
          opt.step();
        }
      } finally {
        setOptimWasm(true);
      }
      expect(w.data).toBe(before); // updated where it is
      return Array.from(w.data);
    };
    const reference = run(false, false);
    expect(run(true, true)).toEqual(reference);
    expect(run(false, true)).toEqual(reference);
  });

  it("a model's state dict round-trips through resident parameters", () => {
    const make = (seed: number) =>
      new nn.Sequential(
        new nn.Linear(6, 5, { dtype: "float32", generator: new Generator(seed) }),
        new nn.ReLU(),
        new nn.Linear(5, 2, { dtype: "float32", generator: new Generator(seed + 1) }),
      );
    const a = make(0);
    const b = make(10);
    b.loadStateDict(JSON.parse(JSON.stringify(a.stateDict())));
    const x = randn([3, 6], { generator: new Generator(3), dtype: "float32" });
    expect(Array.from(b.forward(x).data)).toEqual(Array.from(a.forward(x).data));
    expect(placedAt(b.parameters()[0].data)).toBeDefined();
  });
});
