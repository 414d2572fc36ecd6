import { describe, expect, it } from "vitest";
import { Generator, type Tensor, gradcheck, manualSeed, ones, randn, tensor } from "../../src";
import { Dropout, type DropoutMode } from "../../src/nn/dropout";
import { Linear } from "../../src/nn/linear";
import { Sequential } from "../../src/nn/sequential";
import { expectClose } from "../helpers/close";

/** The average of `forward(x)` over `n` training passes (n fresh masks). */
function averageOverMasks(layer: { forward(x: Tensor): Tensor }, x: Tensor, n: number): number[] {
  const sum = new Float64Array(x.size);
  for (let k = 0; k < n; k++) layer.forward(x).data.forEach((v, i) => (sum[i] += v));
  return Array.from(sum, (s) => s / n);
}

describe("Dropout", () => {
  it("defaults to p = 0.5 and inverted dropout (PyTorch's nn.Dropout)", () => {
    const drop = new Dropout();
    expect(drop.p).toBe(0.5);
    expect(drop.mode).toBe("inverted");
    expect(drop.parameters()).toEqual([]);
  });

  it("inverted: training keeps each activation with probability 1 − p, scaled by 1/(1 − p)", () => {
    const drop = new Dropout(0.2, { generator: new Generator(0) });
    const y = drop.forward(ones([100, 100]));
    const values = new Set(Array.from(y.data));
    expect([...values].sort((p, q) => p - q)).toEqual([0, 1.25]); // 1/(1 − 0.2)
    const dropped = y.data.filter((v) => v === 0).length / y.size;
    expect(dropped).toBeCloseTo(0.2, 1); // 10 000 draws: standard error 0.004
  });

  it("inverted: test time is the identity", () => {
    const x = randn([3, 4]);
    const drop = new Dropout(0.3).eval();
    expectClose(drop.forward(x), x, 0);
  });

  it("vanilla (lecture 002): training only zeroes, test time multiplies by 1 − p", () => {
    const drop = new Dropout(0.2, { mode: "vanilla", generator: new Generator(1) });
    const values = new Set(Array.from(drop.forward(ones([50, 50])).data));
    expect([...values].sort((p, q) => p - q)).toEqual([0, 1]);
    drop.eval();
    expectClose(drop.forward(tensor([1, -2, 4])), [0.8, -1.6, 3.2]);
  });

  for (const mode of ["inverted", "vanilla"] as DropoutMode[]) {
    it(`${mode}: the average over many masks is the test-time output (lecture 003's E[a])`, () => {
      const drop = new Dropout(0.3, { mode, generator: new Generator(2) });
      const x = tensor([1, -2, 3, 0.5]);
      const average = averageOverMasks(drop, x, 20000);
      const expected = drop.eval().forward(x);
      // per entry the standard error is |x|·√(p(1−p))/(1−p or 1)/√20000 ≤ 0.015 here
      expectClose(tensor(average), expected, 0.03);
    });
  }

  it("on lecture 003's single neuron a = w₁x + w₂y, training gives E[a] = ½(w₁x + w₂y) = the test output", () => {
    const [w1, w2, x, y] = [0.7, -0.3, 2, 5];
    const g = new Generator(3);
    const neuron = new Linear(2, 1, { bias: false });
    neuron.weight.assign(tensor([[w1, w2]]));
    const net = new Sequential(new Dropout(0.5, { mode: "vanilla", generator: g }), neuron);
    const input = tensor([[x, y]]);
    // the four masks (keep both, only x, neither, only y) each come with probability ¼
    const seen = new Map<number, number>();
    const n = 20000;
    for (let k = 0; k < n; k++) {
      const a = net.forward(input).item();
      seen.set(a, (seen.get(a) ?? 0) + 1);
    }
    const aValues = [w1 * x + w2 * y, w1 * x, 0, w2 * y];
    const byValue = (p: number, q: number) => p - q;
    expectClose(tensor([...seen.keys()].sort(byValue)), tensor(aValues.sort(byValue)), 1e-12);
    for (const count of seen.values()) expect(count / n).toBeCloseTo(0.25, 1);
    const mean = [...seen].reduce((s, [a, c]) => s + a * c, 0) / n;
    expect(mean).toBeCloseTo(0.5 * (w1 * x + w2 * y), 1);
    net.eval();
    expectClose(net.forward(input).item(), 0.5 * (w1 * x + w2 * y), 1e-12);
  });

  it("back-propagates through the mask: ∂a/∂x = m/(1 − p)", () => {
    const x = randn([4, 5], { requiresGrad: true });
    const y = new Dropout(0.5).forward(x);
    y.sum().backward();
    const expected = Array.from(y.data, (v) => (v === 0 ? 0 : 2));
    expect(Array.from(x.grad!.data)).toEqual(expected);
  });

  it("passes gradcheck when the mask is fixed by re-seeding its generator", () => {
    const g = new Generator(4);
    const drop = new Dropout(0.4, { generator: g });
    gradcheck((x) => (g.manualSeed(4), drop.forward(x)), [randn([3, 4], { requiresGrad: true })]);
  });

  it("draws the same masks after the same seed", () => {
    manualSeed(5);
    const a = new Dropout().forward(ones([20]));
    manualSeed(5);
    const b = new Dropout().forward(ones([20]));
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    const c = new Dropout(0.5, { generator: new Generator(6) }).forward(ones([20]));
    const d = new Dropout(0.5, { generator: new Generator(6) }).forward(ones([20]));
    expect(Array.from(c.data)).toEqual(Array.from(d.data));
  });

  it("keeps float32 activations float32, in training and at test time", () => {
    const x = randn([3, 3], { dtype: "float32" });
    expect(new Dropout(0.3).forward(x).dtype).toBe("float32");
    expect(new Dropout(0.3, { mode: "vanilla" }).eval().forward(x).dtype).toBe("float32");
  });

  it("refuses p outside [0, 1) and unknown modes, naming what was given", () => {
    expect(() => new Dropout(1)).toThrow("Dropout: p must be in [0, 1), got 1");
    expect(() => new Dropout(-0.1)).toThrow("Dropout: p must be in [0, 1), got -0.1");
    expect(() => new Dropout(0.5, { mode: "keep" as DropoutMode })).toThrow(
      'Dropout: mode must be "inverted" or "vanilla", got "keep"',
    );
  });
});
