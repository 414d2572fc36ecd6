import { describe, expect, it } from "vitest";
import { type FloatArray, gemm, gemmBackend } from "../../../src/tensor/kernels/gemm";
import { gemmJs } from "../../../src/tensor/kernels/gemm_js";
import { gemmNaive } from "../../../src/tensor/kernels/gemm_naive";
import {
  gemmWasm,
  gemmWasmAvailable,
  gemmWasmMissing,
} from "../../../src/tensor/kernels/gemm_wasm";
import { mulberry32, uniformValues } from "../../helpers/rng";

type ArrayType = Float32ArrayConstructor | Float64ArrayConstructor;
type Kernel = typeof gemm;

/** The implementations behind `gemm`; each must agree with `gemmNaive`. */
const KERNELS: Kernel[] = [gemmJs, gemmWasm];

interface Case {
  M: number;
  N: number;
  K: number;
  transA: boolean;
  transB: boolean;
  accumulate: boolean;
  type: ArrayType;
  offset?: number; // elements before each matrix (and sentinels after C)
}

const SENTINEL = 12345;
const TRANSPOSES = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
] as const;

/** `n` seeded values in [−1, 1) after `offset` sentinels, followed by `offset` sentinels. */
function filled(type: ArrayType, rng: () => number, n: number, offset: number): FloatArray {
  const x = new type(offset + n + offset).fill(SENTINEL);
  x.set(uniformValues(rng, n), offset);
  return x;
}

/**
 * Runs `kernel` and `gemmNaive` on the same seeded operands and asserts they agree within
 * tol·(K + 1) (every |a|, |b|, |c₀| ≤ 1, so |C| ≤ K + 1), and that nothing outside C moved.
 * tol = 1e-5 for float32: gemmWasm sums in float32 (rounding error ~6e-8·√K·|C| on these
 * random signs), gemmJs and gemmNaive in float64; 1e-12 for float64.
 */
function expectAgreement(kernel: Kernel, cs: Case, seed = 1): void {
  const { M, N, K, transA, transB, accumulate, type, offset = 0 } = cs;
  const rng = mulberry32(seed);
  const a = filled(type, rng, M * K, offset);
  const b = filled(type, rng, K * N, offset);
  const c0 = filled(type, rng, M * N, offset);
  const run = (kernel: Kernel): FloatArray => {
    const c = c0.slice();
    kernel(transA, transB, M, N, K, a, offset, b, offset, c, offset, accumulate);
    return c;
  };
  const got = run(kernel);
  const want = run(gemmNaive);
  const tol = (type === Float32Array ? 1e-5 : 1e-12) * (K + 1);
  const where = `${kernel.name} ${type.name} M=${M} N=${N} K=${K} transA=${transA} transB=${transB} accumulate=${accumulate} offset=${offset}`;
  for (let i = 0; i < got.length; i++) {
    const inC = i >= offset && i < offset + M * N;
    if (!inC && got[i] !== SENTINEL) expect.fail(`${where}: wrote ${got[i]} outside C at ${i}`);
    if (inC && !(Math.abs(got[i] - want[i]) <= tol)) {
      expect.fail(`${where}: C[${i - offset}] expected ${want[i]} ± ${tol}, got ${got[i]}`);
    }
  }
}

describe("gemm", () => {
  it("runs gemmWasm here: Node 20 has WebAssembly SIMD and the build made gemm.wasm", () => {
    expect(gemmWasmAvailable, gemmWasmMissing).toBe(true);
    expect(gemmBackend).toBe(process.env.NNLAB_GEMM === "js" ? "js" : "wasm");
  });

  // A = [[1,2,3],[4,5,6]], B = [[7,8],[9,10],[11,12]]
  // C = [[1·7+2·9+3·11, 1·8+2·10+3·12], [4·7+5·9+6·11, 4·8+5·10+6·12]]
  //   = [[7+18+33, 8+20+36], [28+45+66, 32+50+72]] = [[58, 64], [139, 154]]
  const A = [1, 2, 3, 4, 5, 6]; // [2, 3]
  const At = [1, 4, 2, 5, 3, 6]; // Aᵀ stored as [3, 2]
  const B = [7, 8, 9, 10, 11, 12]; // [3, 2]
  const Bt = [7, 9, 11, 8, 10, 12]; // Bᵀ stored as [2, 3]

  for (const kernel of [gemm, ...KERNELS, gemmNaive]) {
    for (const type of [Float64Array, Float32Array]) {
      it(`${kernel.name} multiplies [[1,2,3],[4,5,6]] by [[7,8],[9,10],[11,12]] into [[58,64],[139,154]] (${type.name})`, () => {
        for (const [transA, transB] of TRANSPOSES) {
          const c = new type(4);
          const a = type.from(transA ? At : A);
          const b = type.from(transB ? Bt : B);
          kernel(transA, transB, 2, 2, 3, a, 0, b, 0, c, 0);
          expect(Array.from(c), `transA=${transA} transB=${transB}`).toEqual([58, 64, 139, 154]);
        }
      });
    }

    it(`${kernel.name} with accumulate adds the product to C: [[1,1],[1,1]] + [[58,64],[139,154]]`, () => {
      const c = new Float64Array([1, 1, 1, 1]);
      kernel(false, false, 2, 2, 3, Float64Array.from(A), 0, Float64Array.from(B), 0, c, 0, true);
      expect(Array.from(c)).toEqual([59, 65, 140, 155]);
    });
  }

  for (const kernel of KERNELS) {
    it(`${kernel.name} agrees with gemmNaive for every size in {1, 2, 3, 5, 7, 17}³, all transposes, both types`, () => {
      const sizes = [1, 2, 3, 5, 7, 17];
      let seed = 0;
      for (const M of sizes) {
        for (const N of sizes) {
          for (const K of sizes) {
            for (const [transA, transB] of TRANSPOSES) {
              for (const type of [Float64Array, Float32Array]) {
                const accumulate = seed % 2 === 1;
                expectAgreement(kernel, { M, N, K, transA, transB, accumulate, type }, seed++);
              }
            }
          }
        }
      }
    });

    it(`${kernel.name} agrees with gemmNaive on sizes that cross the panels and blocks (33, 65, 97, 130, 260, 515, 600)`, () => {
      const shapes = [
        [33, 65, 130],
        [130, 33, 65],
        [65, 130, 33],
        [97, 515, 9], // gemmJs: two row blocks (96 + 1); both: two column blocks (512 + 3)
        [9, 7, 600], // k blocks: gemmJs 512 + 88, gemmWasm 256 + 256 + 88
        [130, 130, 130], // gemmWasm: two row blocks (128 + 2)
        [260, 17, 515], // gemmWasm: three row blocks (128 + 128 + 4), three k blocks
        // gemmWasm, float32: panels read in place (no packing) for thin products
        [64, 128, 784], // W1's x·W1ᵀ: A in place (M % 4 = 0, N ≤ 128)
        [128, 64, 300], // A and B (not transposed: N % 8 = 0, M ≤ 128) in place, two k blocks
        [12, 24, 37], // both in place, an odd depth
        [36, 100, 20], // A in place; B packed with a partial last panel (100 = 12·8 + 4)
        [30, 40, 50], // B in place; A packed with a partial last panel (30 = 7·4 + 2)
        [8, 70, 2050], // A·Bᵀ with K > 2048: packed, not as dot products of rows
        [4, 2, 3], // A·Bᵀ as dot products: one tile, K < 4 (only the one-by-one tail)
      ];
      let seed = 100;
      for (const [M, N, K] of shapes) {
        for (const [transA, transB] of TRANSPOSES) {
          for (const type of [Float64Array, Float32Array]) {
            for (const accumulate of [false, true]) {
              expectAgreement(kernel, { M, N, K, transA, transB, accumulate, type }, seed++);
            }
          }
        }
      }
    });

    it(`${kernel.name} agrees with gemmNaive on 40 seeded random shapes, flags and offsets`, () => {
      const rng = mulberry32(7);
      const pick = (n: number) => 1 + Math.floor(rng() * n);
      for (let t = 0; t < 40; t++) {
        expectAgreement(
          kernel,
          {
            M: pick(140),
            N: pick(140),
            K: pick(140),
            transA: rng() < 0.5,
            transB: rng() < 0.5,
            accumulate: rng() < 0.5,
            type: rng() < 0.5 ? Float32Array : Float64Array,
            offset: Math.floor(rng() * 20),
          },
          1000 + t,
        );
      }
    });

    it(`${kernel.name} reads and writes only its matrices when given nonzero offsets`, () => {
      for (const type of [Float64Array, Float32Array]) {
        for (const [transA, transB] of TRANSPOSES) {
          expectAgreement(kernel, {
            M: 7,
            N: 5,
            K: 9,
            transA,
            transB,
            accumulate: true,
            type,
            offset: 11,
          });
          expectAgreement(kernel, {
            M: 40,
            N: 6,
            K: 3,
            transA,
            transB,
            accumulate: false,
            type,
            offset: 3,
          });
        }
      }
    });

    it(`${kernel.name} multiplies the items of a batch stored back to back, one call per item, like matmul`, () => {
      const [count, M, N, K] = [3, 5, 4, 6];
      const rng = mulberry32(3);
      const a = Float64Array.from(uniformValues(rng, count * M * K));
      const b = Float64Array.from(uniformValues(rng, count * K * N));
      const got = new Float64Array(count * M * N);
      const want = new Float64Array(count * M * N);
      for (let t = 0; t < count; t++) {
        kernel(false, false, M, N, K, a, t * M * K, b, t * K * N, got, t * M * N);
        gemmNaive(false, false, M, N, K, a, t * M * K, b, t * K * N, want, t * M * N);
      }
      got.forEach((g, i) => expect(g).toBeCloseTo(want[i], 12));
    });

    it(`${kernel.name} treats 0-sized dimensions as empty: K = 0 gives C = 0, or leaves C as is with accumulate`, () => {
      for (const zeroKernel of [kernel, gemmNaive]) {
        const c = new Float64Array([5, 5, 5, 5, 5, 5]);
        zeroKernel(
          false,
          false,
          2,
          3,
          0,
          new Float64Array(0),
          0,
          new Float64Array(0),
          0,
          c,
          0,
          true,
        );
        expect(Array.from(c)).toEqual([5, 5, 5, 5, 5, 5]);
        zeroKernel(true, true, 2, 3, 0, new Float64Array(0), 0, new Float64Array(0), 0, c, 0);
        expect(Array.from(c)).toEqual([0, 0, 0, 0, 0, 0]);
        const untouched = new Float32Array([7, 7]);
        zeroKernel(
          false,
          false,
          0,
          2,
          4,
          new Float32Array(0),
          0,
          new Float32Array(8),
          0,
          untouched,
          0,
        );
        zeroKernel(
          false,
          false,
          2,
          0,
          4,
          new Float32Array(8),
          0,
          new Float32Array(0),
          0,
          untouched,
          0,
        );
        expect(Array.from(untouched)).toEqual([7, 7]);
      }
    });

    it(`${kernel.name} is not affected by values a previous call left in its scratch (NaN included)`, () => {
      const nan = new Float64Array(200 * 200).fill(NaN);
      kernel(false, false, 200, 200, 200, nan, 0, nan, 0, new Float64Array(200 * 200), 0);
      for (const [transA, transB] of TRANSPOSES) {
        expectAgreement(kernel, {
          M: 3,
          N: 5,
          K: 7,
          transA,
          transB,
          accumulate: false,
          type: Float64Array,
        });
      }
    });

    it(`${kernel.name} propagates a NaN of A to its row of C only`, () => {
      for (const type of [Float64Array, Float32Array]) {
        const a = type.from([1, NaN, 2, 3]); // [[1, NaN], [2, 3]]
        const b = type.from([1, 0, 0, 1]); // identity
        const c = new type(4);
        kernel(false, false, 2, 2, 2, a, 0, b, 0, c, 0);
        expect(Array.from(c), type.name).toEqual([NaN, NaN, 2, 3]);
      }
    });
  }

  it("refuses operands of different float types, naming all three", () => {
    const f64 = new Float64Array(4);
    const f32 = new Float32Array(4);
    expect(() => gemm(false, false, 2, 2, 2, f64, 0, f32, 0, f64, 0)).toThrow(
      "gemm: a, b and c must share one float type, got Float64Array, Float32Array and Float64Array",
    );
  });

  it("refuses a matrix that does not fit in its array, naming the size, offset and length", () => {
    const x = new Float64Array(6);
    expect(() => gemm(false, false, 2, 3, 3, x, 1, new Float64Array(9), 0, x, 0)).toThrow(
      "gemm: A [2, 3] needs 6 elements from offset 1, got an array of length 6",
    );
    expect(() => gemmNaive(false, false, 2, 2, 1, x, 0, x, 0, new Float64Array(3), 0)).toThrow(
      "gemmNaive: C [2, 2] needs 4 elements from offset 0, got an array of length 3",
    );
    expect(() => gemm(true, false, 2, 2, 4, x, 0, new Float64Array(8), 0, x, 0)).toThrow(
      "gemm: A [4, 2] (stored transposed) needs 8 elements from offset 0, got an array of length 6",
    );
  });

  it("refuses a negative or fractional dimension", () => {
    const x = new Float64Array(4);
    expect(() => gemm(false, false, -1, 2, 2, x, 0, x, 0, x, 0)).toThrow(
      "gemm: M must be a non-negative integer, got -1",
    );
    expect(() => gemm(false, false, 1, 2, 1.5, x, 0, x, 0, x, 0)).toThrow(
      "gemm: K must be a non-negative integer, got 1.5",
    );
  });
});
