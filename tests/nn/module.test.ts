import { describe, expect, it } from "vitest";
import { Generator, type Tensor, randn } from "../../src";
import { ReLU } from "../../src/nn/activation_layers";
import { Dropout } from "../../src/nn/dropout";
import { Linear } from "../../src/nn/linear";
import { Module } from "../../src/nn/module";
import { PReLU } from "../../src/nn/prelu";
import { Sequential } from "../../src/nn/sequential";
import { expectClose } from "../helpers/close";
import { gradcheckModule } from "../helpers/gradcheck_module";

/** Lecture 004's MLP shape with named layers, as a student writes it. */
class TwoLayer extends Module {
  fc1: Linear;
  act = new PReLU(3);
  drop = new Dropout(0.5);
  fc2: Linear;
  constructor(options: { dtype?: "float32" | "float64"; seed?: number } = {}) {
    super();
    const generator = new Generator(options.seed ?? 0);
    this.fc1 = new Linear(4, 3, { dtype: options.dtype, generator });
    this.fc2 = new Linear(3, 2, { dtype: options.dtype, generator });
    if (options.dtype === "float32") this.act = new PReLU(3, { dtype: "float32" });
  }
  override forward(x: Tensor): Tensor {
    return this.fc2.forward(this.drop.forward(this.act.forward(this.fc1.forward(x))));
  }
}

describe("Module with nnlab layers", () => {
  it("names parameters by attribute path (fc1.bias) and by index in a Sequential (0.weight)", () => {
    expect(new TwoLayer().namedParameters().map(([n]) => n)).toEqual([
      "fc1.weight",
      "fc1.bias",
      "act.weight",
      "fc2.weight",
      "fc2.bias",
    ]);
    const seq = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2));
    expect(seq.namedParameters().map(([n]) => n)).toEqual([
      "0.weight",
      "0.bias",
      "2.weight",
      "2.bias",
    ]);
    expect(seq.parameters()).toHaveLength(4);
    expect(seq.parameters()[0]).toBe((seq.at(0) as Linear).weight);
  });

  it("propagates train() and eval() to every layer", () => {
    const net = new TwoLayer();
    net.eval();
    expect(net.namedModules().map(([, m]) => m.training)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    const x = randn([5, 4]);
    expectClose(net.forward(x), net.forward(x), 0); // dropout off: deterministic
    net.train();
    expect(net.drop.training).toBe(true);
  });

  for (const dtype of ["float64", "float32"] as const) {
    it(`stateDict → JSON → loadStateDict gives a bit-identical ${dtype} model`, () => {
      const source = new TwoLayer({ dtype, seed: 1 });
      source.act.weight.assign(randn([3], { generator: new Generator(9) }));
      const target = new TwoLayer({ dtype, seed: 2 });
      target.loadStateDict(JSON.parse(JSON.stringify(source.stateDict())));
      for (const [[name, a], [, b]] of source
        .namedParameters()
        .map((p, i) => [p, target.namedParameters()[i]])) {
        expect(b.dtype, name).toBe(dtype);
        expect(Array.from(b.data), name).toEqual(Array.from(a.data));
      }
      const x = randn([3, 4], { dtype });
      source.eval();
      target.eval();
      expect(Array.from(target.forward(x).data)).toEqual(Array.from(source.forward(x).data));
    });
  }

  it("refuses a state dict with other names or shapes, naming them, and changes nothing", () => {
    const net = new TwoLayer();
    const before = Array.from(net.fc1.weight.data);
    const state = new TwoLayer({ seed: 5 }).stateDict();
    const { ["fc2.bias"]: _dropped, ...missing } = state;
    expect(() => net.loadStateDict(missing)).toThrow(
      'loadStateDict: names differ; missing ["fc2.bias"], unexpected []',
    );
    const wrongShape = new Sequential(new Linear(4, 3)).stateDict();
    expect(() => new Sequential(new Linear(3, 4)).loadStateDict(wrongShape)).toThrow(
      'loadStateDict: "0.weight" has shape [4, 3] here, [3, 4] in the state dict',
    );
    state["fc2.weight"] = { ...state["fc2.weight"], shape: [3, 2] };
    expect(() => net.loadStateDict(state)).toThrow(
      'loadStateDict: "fc2.weight" has shape [2, 3] here, [3, 2] in the state dict',
    );
    expect(Array.from(net.fc1.weight.data)).toEqual(before);
  });

  it("freezing fc1 (requiresGrad = false) leaves it without gradients while fc2 gets them", () => {
    const net = new TwoLayer();
    net.fc1.requiresGrad = false;
    expect(net.fc1.requiresGrad).toBe(false);
    expect(net.requiresGrad).toBe(false);
    net
      .forward(randn([5, 4]))
      .sum()
      .backward();
    expect(net.fc1.weight.grad).toBeNull();
    expect(net.fc1.bias!.grad).toBeNull();
    expect(net.fc2.weight.grad).not.toBeNull();
    expect(net.act.weight.grad).not.toBeNull();
    net.fc1.requiresGrad = true;
    expect(net.requiresGrad).toBe(true);
  });

  it("passes gradcheck through Linear → PReLU → Linear (dropout off)", () => {
    const net = new TwoLayer({ seed: 3 }).eval();
    net.act.weight.assign(0.2);
    // inputs chosen so that no hidden pre-activation sits at PReLU's kink
    const x = randn([3, 4], { generator: new Generator(11), requiresGrad: true });
    expect(gradcheckModule(net, x).inputs).toHaveLength(6);
  });
});
