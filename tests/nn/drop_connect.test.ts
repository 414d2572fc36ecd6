import { describe, expect, it } from "vitest";
import { Generator, type Tensor, randn, tensor } from "../../src";
import { DropConnect } from "../../src/nn/drop_connect";
import type { DropoutMode } from "../../src/nn/dropout";
import { Linear } from "../../src/nn/linear";
import { expectClose } from "../helpers/close";
import { gradcheckModule } from "../helpers/gradcheck_module";

describe("DropConnect", () => {
  it("is a Linear: same parameters, names and initial weights for the same seed", () => {
    const dc = new DropConnect(4, 3, { p: 0.5, generator: new Generator(0) });
    const fc = new Linear(4, 3, { generator: new Generator(0) });
    expect(dc).toBeInstanceOf(Linear);
    expect(dc.namedParameters().map(([n]) => n)).toEqual(["weight", "bias"]);
    expect(Array.from(dc.weight.data)).toEqual(Array.from(fc.weight.data));
    expect(Array.from(dc.bias!.data)).toEqual(Array.from(fc.bias!.data));
  });

  it("in training drops single weights: each entry of the used W is 0 or W/(1 − p)", () => {
    const dc = new DropConnect(50, 40, { p: 0.25, generator: new Generator(1) });
    const W = dc.weight;
    const used = dc.effectiveWeight();
    let dropped = 0;
    used.data.forEach((v, i) => {
      if (v === 0) dropped++;
      else expect(v).toBeCloseTo(W.data[i] / 0.75, 14);
    });
    expect(dropped / W.size).toBeCloseTo(0.25, 1); // 2000 weights: standard error 0.01
  });

  it("does not drop the bias, and at test time is a plain Linear (inverted)", () => {
    const dc = new DropConnect(3, 2, { p: 0.9, generator: new Generator(2) }).eval();
    const x = randn([4, 3]);
    const expected = x.matmul(dc.weight.T).add(dc.bias!);
    expectClose(dc.forward(x), expected, 0);
  });

  it("vanilla: training uses M ⊙ W unscaled, test time uses (1 − p) W", () => {
    const dc = new DropConnect(20, 10, { p: 0.5, mode: "vanilla", generator: new Generator(3) });
    const used = dc.effectiveWeight();
    used.data.forEach((v, i) => expect(v === 0 || v === dc.weight.data[i]).toBe(true));
    dc.eval();
    const x = randn([2, 20]);
    expectClose(dc.forward(x), x.matmul(dc.weight.mul(0.5).T).add(dc.bias!), 1e-14);
  });

  for (const mode of ["inverted", "vanilla"] as DropoutMode[]) {
    it(`${mode}: the average output over many masks is the test-time output`, () => {
      const dc = new DropConnect(3, 2, { p: 0.4, mode, generator: new Generator(4) });
      dc.weight.assign(
        tensor([
          [1, -2, 0.5],
          [0.3, 1, -1],
        ]),
      );
      const x = tensor([[1, 2, -1]]);
      const n = 20000;
      const sum = new Float64Array(2);
      for (let k = 0; k < n; k++) dc.forward(x).data.forEach((v, i) => (sum[i] += v));
      const expected = dc.eval().forward(x);
      // E[(M ⊙ W)x] = (1 − p)Wx: the pre-activation is linear in W
      expectClose(tensor(Array.from(sum, (s) => s / n)), expected.reshape(2), 0.05);
    });
  }

  it("gives dropped weights no gradient", () => {
    const g = new Generator(5);
    const dc = new DropConnect(6, 4, { p: 0.5, generator: g });
    g.manualSeed(7);
    dc.forward(randn([3, 6]))
      .sum()
      .backward();
    g.manualSeed(7);
    const used = dc.effectiveWeight(); // the same mask: the first draws after seeding
    used.data.forEach((v, i) => {
      if (v === 0) expect(Math.abs(dc.weight.grad!.data[i])).toBe(0); // ±0
    });
    expect(dc.weight.grad!.data.some((v) => v !== 0)).toBe(true);
  });

  it("passes gradcheck with the mask fixed by re-seeding its generator", () => {
    const g = new Generator(8);
    const dc = new DropConnect(4, 3, { p: 0.3, generator: g });
    const forward = dc.forward.bind(dc);
    dc.forward = (x: Tensor) => (g.manualSeed(8), forward(x));
    gradcheckModule(dc, randn([2, 4], { requiresGrad: true }));
  });

  it("saves a state dict that a plain Linear of the same size loads", () => {
    const dc = new DropConnect(4, 3, { p: 0.5 });
    const fc = new Linear(4, 3);
    fc.loadStateDict(JSON.parse(JSON.stringify(dc.stateDict())));
    expect(Array.from(fc.weight.data)).toEqual(Array.from(dc.weight.data));
  });

  it("refuses p outside [0, 1) and keeps Linear's checks", () => {
    expect(() => new DropConnect(4, 3, { p: 1 })).toThrow(
      "DropConnect: p must be in [0, 1), got 1",
    );
    expect(() => new DropConnect(0, 3)).toThrow(
      "DropConnect: inFeatures must be a positive integer, got 0",
    );
    expect(() => new DropConnect(784, 10).forward(randn([2, 28, 28]))).toThrow(
      "DropConnect(784 → 10): expected input [N, 784], got [2, 28, 28]; flatten it first (nn.Flatten)",
    );
  });
});
