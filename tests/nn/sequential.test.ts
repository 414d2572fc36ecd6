import { describe, expect, it } from "vitest";
import { Generator, randn, tensor, zeros } from "../../src";
import { ReLU, Sigmoid, Softmax, Tanh } from "../../src/nn/activation_layers";
import { Dropout } from "../../src/nn/dropout";
import { Flatten } from "../../src/nn/flatten";
import { Linear } from "../../src/nn/linear";
import type { Module } from "../../src/nn/module";
import { Sequential } from "../../src/nn/sequential";
import { expectClose } from "../helpers/close";
import { gradcheckModule } from "../helpers/gradcheck_module";

describe("Sequential", () => {
  it("chains its modules: forward(x) = f₃(f₂(f₁(x)))", () => {
    const g = new Generator(0);
    const fc1 = new Linear(4, 3, { generator: g });
    const fc2 = new Linear(3, 2, { generator: g });
    const net = new Sequential(fc1, new Tanh(), fc2);
    const x = randn([5, 4]);
    expectClose(net.forward(x), fc2.forward(fc1.forward(x).tanh()), 0);
  });

  it("names sub-modules 0, 1, … and parameters 0.weight, 0.bias, … as PyTorch", () => {
    const net = new Sequential(new Flatten(), new Linear(4, 3), new ReLU(), new Linear(3, 2));
    expect(net.namedParameters().map(([n]) => n)).toEqual([
      "1.weight",
      "1.bias",
      "3.weight",
      "3.bias",
    ]);
    expect(net.namedChildren().map(([n]) => n)).toEqual(["0", "1", "2", "3"]);
    const nested = new Sequential(new Sequential(new Linear(2, 2)), new Linear(2, 1));
    expect(nested.namedParameters().map(([n]) => n)).toEqual([
      "0.0.weight",
      "0.0.bias",
      "1.weight",
      "1.bias",
    ]);
  });

  it("gives its length and its modules by index, negative from the end", () => {
    const last = new Linear(3, 2);
    const net = new Sequential(new Linear(4, 3), new ReLU(), last);
    expect(net.length).toBe(3);
    expect(net.at(2)).toBe(last);
    expect(net.at(-1)).toBe(last);
    expect(() => net.at(3)).toThrow(
      "Sequential.at: index 3 is out of range for 3 modules (expected an integer in [-3, 2])",
    );
  });

  it("reproduces lecture 004's worked example: ŷ = [0.7609, 0.7760]", () => {
    // lecture 004 writes v = W⁽¹⁾ᵀx + b⁽¹⁾ with W⁽¹⁾ of shape [in, out]: nnlab's weight is W⁽¹⁾ᵀ
    const W1 = tensor([
      [0.25, 0.15, 0.3],
      [0.25, 0.2, 0.35],
      [0.1, 0.25, 0.15],
    ]);
    const W2 = tensor([
      [0.4, 0.25],
      [0.35, 0.3],
      [0.01, 0.35],
    ]);
    const net = new Sequential(new Linear(3, 3), new Sigmoid(), new Linear(3, 2), new Sigmoid());
    const [fc1, fc2] = [net.at(0) as Linear, net.at(2) as Linear];
    fc1.weight.assign(W1.T);
    fc1.bias!.assign(0.4);
    fc2.weight.assign(W2.T);
    fc2.bias!.assign(0.7);
    const yHat = net.forward(tensor([[0.02, 0.04, 0.01]]));
    expectClose(yHat, [[0.7609, 0.776]], 1e-4);
    const L = tensor([[0.9, 0.5]])
      .sub(yHat)
      .pow(2)
      .sum()
      .mul(0.5);
    L.backward();
    // ∂L/∂w⁽²⁾₂,₁ = −0.0152 in the lecture's [in, out] indexing: row 0, column 1 of nnlab's weight
    expectClose(fc2.weight.grad!.get(0, 1), -0.015229867316056689, 1e-12);
  });

  it("passes gradcheck through Linear → Tanh → Linear → Softmax", () => {
    const g = new Generator(3);
    const net = new Sequential(
      new Linear(4, 5, { generator: g }),
      new Tanh(),
      new Linear(5, 3, { generator: g }),
      new Softmax(1),
    );
    const x = randn([2, 4], { generator: g, requiresGrad: true });
    expect(gradcheckModule(net, x).inputs).toHaveLength(5); // x and four parameters
  });

  it("switches every module with train() and eval()", () => {
    const drop = new Dropout(0.5);
    const net = new Sequential(new Linear(2, 2), new Sequential(drop));
    net.eval();
    expect(drop.training).toBe(false);
    const x = randn([3, 2]);
    expectClose(net.forward(x), net.forward(x), 0); // no dropout at test time
    net.train();
    expect(net.namedModules().every(([, m]) => m.training)).toBe(true);
  });

  it("prefixes an error with the index of the module that raised it", () => {
    const net = new Sequential(new Flatten(0), new Linear(784, 10));
    expect(() => new Sequential(new Linear(784, 10)).forward(zeros([32, 28, 28]))).toThrow(
      "Sequential[0]: Linear(784 → 10): expected input [N, 784], got [32, 28, 28]; flatten it first (nn.Flatten)",
    );
    expect(() => net.forward(zeros([2, 5]))).toThrow(
      "Sequential[1]: Linear(784 → 10): expected input [N, 784], got [10]",
    );
    expect(() => new Sequential(new Softmax(3)).forward(zeros([2, 5]))).toThrow(
      /^Sequential\[0\] \(Softmax\): softmax: axis 3 is out of range/,
    );
  });

  it("refuses a class where an instance is expected, suggesting new", () => {
    expect(() => new Sequential(new Linear(2, 2), ReLU as unknown as Module)).toThrow(
      'Sequential: argument 1 must be a Module instance, got the class ReLU (forgot "new"?)',
    );
  });
});
