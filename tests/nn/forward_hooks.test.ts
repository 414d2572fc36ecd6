import { describe, expect, it } from "vitest";
import { Generator, type Tensor, randn } from "../../src";
import { ReLU } from "../../src/nn/activation_layers";
import { Linear } from "../../src/nn/linear";
import { Module } from "../../src/nn/module";
import { Sequential } from "../../src/nn/sequential";

describe("Module.registerForwardHook", () => {
  it("calls its hooks after forward with (module, input, output), in order, until removed", () => {
    const fc = new Linear(3, 2, { generator: new Generator(0) });
    const net = new Sequential(fc, new ReLU());
    const x = randn([4, 3], { generator: new Generator(1) });
    const seen: string[] = [];
    const a = fc.registerForwardHook((m, input, output) => {
      expect(m).toBe(fc);
      expect(input).toBe(x);
      expect(output.shape).toEqual([4, 2]);
      seen.push("a");
    });
    const b = fc.registerForwardHook(() => seen.push("b"));
    const y = net.forward(x);
    expect(seen).toEqual(["a", "b"]);
    a.remove();
    a.remove(); // twice is harmless
    net.forward(x);
    expect(seen).toEqual(["a", "b", "b"]);
    b.remove();
    net.forward(x);
    expect(seen).toEqual(["a", "b", "b"]);
    expect(Object.hasOwn(fc, "forward")).toBe(false); // the class's forward again
    expect(Array.from(net.forward(x).data)).toEqual(Array.from(y.data));
  });

  it("puts back a forward the instance had of its own", () => {
    class Arrow extends Module {
      forward = (x: Tensor) => x.mul(2);
    }
    const m = new Arrow();
    const own = m.forward;
    const calls: number[] = [];
    const h1 = m.registerForwardHook(() => calls.push(1));
    const h2 = m.registerForwardHook(() => calls.push(2));
    m.forward(randn([2]));
    h2.remove();
    h1.remove();
    expect(calls).toEqual([1, 2]);
    expect(m.forward).toBe(own);
  });

  it("refuses a hook that is not a function, saying what it expected", () => {
    expect(() => new ReLU().registerForwardHook(42 as never)).toThrow(
      "registerForwardHook: expected a function (module, input, output) => void, got number",
    );
  });
});
