import { describe, expect, it } from "vitest";
import { type TypedArray } from "../../../src/tensor/dtype";
import {
  type BinaryOp,
  type UnaryOp,
  binaryLoop,
  reluBackwardLoop,
  unaryLoop,
} from "../../../src/tensor/kernels/elementwise_loops";
import { Tensor } from "../../../src/tensor/tensor";
import { mulberry32, uniformValues } from "../../helpers/rng";

/** The closure-per-element form each loop replaces: the reference. */
const BINARY: Record<BinaryOp, (x: number, y: number) => number> = {
  add: (x, y) => x + y,
  sub: (x, y) => x - y,
  mul: (x, y) => x * y,
  div: (x, y) => x / y,
  pow: Math.pow,
  maximum: Math.max,
  minimum: Math.min,
};
const UNARY: Record<UnaryOp, (x: number) => number> = {
  neg: (x) => -x,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  relu: (x) => (x > 0 || Number.isNaN(x) ? x : 0),
};
const TYPES = [Float32Array, Float64Array] as const;

function random(type: (typeof TYPES)[number], n: number, seed: number): TypedArray {
  const values = uniformValues(mulberry32(seed), n).map((v) => 3 * v);
  values[0] = 0; // the edge of relu, sign and division
  if (n > 2) values[2] = NaN; // NaN propagates (max/min as NumPy)
  return type.from(values);
}

describe("binaryLoop", () => {
  for (const type of TYPES) {
    for (const op of Object.keys(BINARY) as BinaryOp[]) {
      it(`${op} on ${type.name} agrees with the closure form for strides 1, 0, 3 and odd n`, () => {
        for (const [n, sx, sy, seed] of [
          [1, 1, 1, 1],
          [7, 1, 1, 2],
          [33, 1, 0, 3],
          [65, 0, 1, 4],
          [13, 3, 1, 5],
          [11, 2, 3, 6],
        ]) {
          const x = random(type, 1 + (n - 1) * sx + 2, seed);
          const y = random(type, 1 + (n - 1) * sy + 2, seed + 100);
          const out = new type(n + 4).fill(7); // 2 sentinels each side
          binaryLoop(op, out, 2, x, 1, sx, y, 2, sy, n);
          const expected = new type(n + 4).fill(7);
          for (let i = 0; i < n; i++) expected[2 + i] = BINARY[op](x[1 + i * sx], y[2 + i * sy]);
          expect(Array.from(out)).toEqual(Array.from(expected));
        }
      });
    }
  }
});

describe("unaryLoop and reluBackwardLoop", () => {
  for (const type of TYPES) {
    for (const op of Object.keys(UNARY) as UnaryOp[]) {
      it(`${op} on ${type.name} agrees with the closure form`, () => {
        const x = random(type, 37, 9);
        const out = new type(37);
        unaryLoop(op, out, x);
        expect(Array.from(out)).toEqual(Array.from(type.from(x, UNARY[op])));
      });
    }
    it(`reluBackward on ${type.name} passes g where x > 0 or NaN, and 0 elsewhere`, () => {
      const x = random(type, 29, 11);
      const g = random(type, 29, 12);
      const out = new type(29);
      reluBackwardLoop(out, g, x);
      expect(Array.from(out)).toEqual(
        Array.from(x, (v, i) => (v > 0 || Number.isNaN(v) ? g[i] : 0)),
      );
    });
    it(`relu and its backward on ${type.name} at the edges: ±0, ±tiny, ±∞, NaNs of either sign`, () => {
      const bits = new Float32Array(new Uint32Array([0x7fc00000, 0xffc00000, 0x7f800001]).buffer);
      const edges = [0, -0, 1e-40, -1e-40, 1.5e-45, Infinity, -Infinity, 3, -3, ...bits];
      const x = type.from(edges);
      const out = new type(x.length);
      unaryLoop("relu", out, x);
      const expected = edges.map((v) => (Number.isNaN(v) ? NaN : v > 0 ? Math.fround(v) : 0));
      if (type === Float64Array) expected[2] = 1e-40; // not rounded to float32
      if (type === Float64Array) expected[4] = 1.5e-45;
      expect(Array.from(out)).toEqual(expected);
      expect(Object.is(out[1], 0) && Object.is(out[3], 0)).toBe(true); // −0 and −tiny give +0
      const g = type.from(edges.map((_, i) => i + 1));
      reluBackwardLoop(out, g, x);
      expect(Array.from(out)).toEqual([0, 0, 3, 0, 5, 6, 0, 8, 0, 10, 11, 12]);
    });
  }
});

describe("tensor ops on the loops", () => {
  /** out[i, j, k] of a broadcast op written out with explicit indices: the reference. */
  function broadcastReference(a: Tensor, b: Tensor, f: (x: number, y: number) => number) {
    const [I, J, K] = [0, 1, 2].map((k) => Math.max(a.shape[k], b.shape[k]));
    const at = (t: Tensor, i: number, j: number, k: number) =>
      t.get(t.shape[0] === 1 ? 0 : i, t.shape[1] === 1 ? 0 : j, t.shape[2] === 1 ? 0 : k);
    const out: number[] = [];
    for (let i = 0; i < I; i++)
      for (let j = 0; j < J; j++)
        for (let k = 0; k < K; k++) out.push(f(at(a, i, j, k), at(b, i, j, k)));
    return out;
  }

  const SHAPES: [number[], number[]][] = [
    [
      [3, 5, 7],
      [3, 5, 7],
    ],
    [
      [3, 5, 7],
      [1, 1, 7],
    ],
    [
      [3, 1, 7],
      [1, 5, 1],
    ],
    [
      [1, 5, 1],
      [4, 5, 3],
    ],
    [
      [2, 3, 1],
      [2, 3, 9],
    ],
  ];
  for (const type of TYPES) {
    for (const [sa, sb] of SHAPES) {
      it(`add, sub, mul, div, maximum on ${type.name} [${sa}] and [${sb}] match explicit indexing`, () => {
        const a = new Tensor(random(type, sa[0] * sa[1] * sa[2], 21), sa);
        const b = new Tensor(random(type, sb[0] * sb[1] * sb[2], 22), sb);
        for (const op of ["add", "sub", "mul", "div", "maximum"] as const) {
          const expected = type.from(broadcastReference(a, b, BINARY[op]));
          expect(Array.from(a[op](b).data)).toEqual(Array.from(expected));
        }
      });
    }
  }
});
