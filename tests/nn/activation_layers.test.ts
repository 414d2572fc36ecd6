import { describe, expect, it } from "vitest";
import { type Tensor, randn, tensor } from "../../src";
import {
  ELU,
  LeakyReLU,
  LogSoftmax,
  ReLU,
  Sigmoid,
  Softmax,
  Tanh,
} from "../../src/nn/activation_layers";
import type { Module } from "../../src/nn/module";
import { expectClose } from "../helpers/close";

const x = () =>
  tensor([
    [-2, -0.5, 0, 0.5],
    [1, 2, -1, 3],
  ]);

describe("activation layers", () => {
  const cases: [string, Module, (x: Tensor) => Tensor][] = [
    ["Sigmoid", new Sigmoid(), (t) => t.sigmoid()],
    ["Tanh", new Tanh(), (t) => t.tanh()],
    ["ReLU", new ReLU(), (t) => t.relu()],
    ["LeakyReLU", new LeakyReLU(0.2), (t) => t.leakyRelu(0.2)],
    ["ELU", new ELU(1.5), (t) => t.elu(1.5)],
    ["Softmax", new Softmax(1), (t) => t.softmax(1)],
    ["LogSoftmax", new LogSoftmax(1), (t) => t.logSoftmax(1)],
  ];
  for (const [name, layer, op] of cases) {
    it(`${name} applies the tensor op of the same name and has no parameters`, () => {
      expectClose(layer.forward(x()), op(x()), 0);
      expect(layer.parameters()).toEqual([]);
    });
  }

  it("follow lecture 004's formulas at a few points", () => {
    // σ(0) = ½; tanh(x) = 2σ(2x) − 1; ReLU(−2) = 0; LeakyReLU(−2) = αx; ELU(−1) = α(e⁻¹ − 1)
    const t = tensor([-2, -1, 0, 0.5]);
    expect(new Sigmoid().forward(t).get(2)).toBe(0.5);
    expectClose(new Tanh().forward(t), new Sigmoid().forward(t.mul(2)).mul(2).sub(1), 1e-15);
    expectClose(new ReLU().forward(t), [0, 0, 0, 0.5]);
    expectClose(new LeakyReLU().forward(t), [-0.02, -0.01, 0, 0.5]); // PyTorch's default α = 0.01
    expectClose(new ELU().forward(t), [Math.expm1(-2), Math.expm1(-1), 0, 0.5]); // α = 1
  });

  it("Softmax rows sum to 1, and LogSoftmax is its logarithm", () => {
    const logits = randn([4, 5]);
    const p = new Softmax(1).forward(logits);
    expectClose(p.sum(1), [1, 1, 1, 1], 1e-12);
    expectClose(new LogSoftmax(-1).forward(logits).exp(), p, 1e-12);
  });

  it("refuse hyperparameters that are not numbers, naming what was given", () => {
    expect(() => new Softmax(undefined as unknown as number)).toThrow(
      "Softmax: dim must be an integer axis (1 for [N, C], −1 for the last), got undefined",
    );
    expect(() => new LogSoftmax(0.5)).toThrow("LogSoftmax: dim must be an integer axis");
    expect(() => new LeakyReLU(NaN)).toThrow(
      "LeakyReLU: negativeSlope must be a finite number, got NaN",
    );
    expect(() => new ELU(Infinity)).toThrow("ELU: alpha must be a finite number, got Infinity");
  });
});
