import { describe, expect, it } from "vitest";
import {
  Generator,
  arange,
  eye,
  full,
  linspace,
  manualSeed,
  ones,
  rand,
  randint,
  randn,
  tensor,
  zeros,
} from "../../src";
import { expectClose, expectShape } from "../helpers/close";

describe("creating tensors", () => {
  it("tensor() infers the shape of nested arrays and defaults to float64", () => {
    const t = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expectShape(t, [2, 3]);
    expect(t.dtype).toBe("float64");
    expect(t.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expectShape(tensor(3.5), []);
    expect(tensor([true, false]).dtype).toBe("bool");
    expect(tensor([1, 2], { dtype: "int32" }).data).toBeInstanceOf(Int32Array);
  });

  it("tensor() explains a ragged nested array", () => {
    expect(() =>
      tensor([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow(
      "tensor: ragged nested array: [1] has 2 elements, expected 3 (shape [2, 3] from the first elements)",
    );
  });

  it("zeros, ones, full, eye, arange and linspace", () => {
    expectClose(zeros([2, 2]), [0, 0, 0, 0]);
    expectClose(ones(3), [1, 1, 1]);
    expectClose(full([2], 7), [7, 7]);
    expectClose(eye(2), [1, 0, 0, 1]);
    expectClose(arange(5), [0, 1, 2, 3, 4]);
    expect(arange(5).dtype).toBe("int32");
    expectClose(arange(0, 1, 0.25), [0, 0.25, 0.5, 0.75]);
    expectClose(linspace(0, 1, 5), [0, 0.25, 0.5, 0.75, 1]);
    expect(zeros([2], { dtype: "float32" }).dtype).toBe("float32");
  });

  it("the same seed gives the same numbers", () => {
    manualSeed(42);
    const a = randn([5]);
    const u = rand([3]);
    manualSeed(42);
    expect(Array.from(randn([5]).data)).toEqual(Array.from(a.data));
    expect(Array.from(rand([3]).data)).toEqual(Array.from(u.data));
    const g1 = new Generator(3);
    const g2 = new Generator(3);
    expect(Array.from(randint(0, 10, [20], { generator: g1 }).data)).toEqual(
      Array.from(randint(0, 10, [20], { generator: g2 }).data),
    );
  });

  it("the generator's numbers are pinned: seed 0 always starts with these values", () => {
    // Values produced by xoshiro128** seeded through splitmix32 (src/tensor/random.ts);
    // a change here changes every seeded notebook, so it must be deliberate.
    const g = new Generator(0);
    const first = [g.nextUint32(), g.nextUint32(), g.nextUint32()];
    expect(first).toEqual(PINNED_UINT32);
  });

  it("rand is uniform on [0,1) and randn has mean 0 and variance 1 (10,000 draws)", () => {
    const g = new Generator(1);
    const u = rand([10000], { generator: g });
    expect(u.min().item()).toBeGreaterThanOrEqual(0);
    expect(u.max().item()).toBeLessThan(1);
    expect(Math.abs(u.mean().item() - 0.5)).toBeLessThan(0.01);
    const z = randn([10000], { generator: g });
    expect(Math.abs(z.mean().item())).toBeLessThan(0.03);
    expect(Math.abs(z.var().item() - 1)).toBeLessThan(0.05);
    const k = randint(0, 3, [3000], { generator: g });
    for (const c of [0, 1, 2]) expect(Math.abs(k.eq(c).mean().item() - 1 / 3)).toBeLessThan(0.03);
  });
});

// Checked against Blackman & Vigna's reference C code of xoshiro128** compiled with gcc,
// its state seeded by the same splitmix32 steps (seed 0).
const PINNED_UINT32 = [3809008728, 1133695204, 53579671];
