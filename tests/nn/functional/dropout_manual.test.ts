import { describe, expect, it } from "vitest";
import { Generator, Tensor, gradcheck, randn, tensor } from "../../../src";
import { record } from "../../../src/autograd/function";
import { Dropout, keepMask } from "../../../src/nn/dropout";
import { dropoutBackward, dropoutForward } from "../../../src/nn/functional/dropout_manual";
import { expectClose } from "../../helpers/close";

describe("dropoutForward / dropoutBackward with a given mask", () => {
  const x = randn([4, 5], { generator: new Generator(4) });
  const dout = randn([4, 5], { generator: new Generator(5) });
  const mask = keepMask([4, 5], 0.5, new Generator(6));

  it("inverted: a = m ⊙ x / (1 − p), the same as nn.Dropout drawing the same mask", () => {
    const { out } = dropoutForward(x, mask, 0.5);
    expectClose(out, x.mul(mask).mul(2), 0);
    const layer = new Dropout(0.5, { generator: new Generator(6) });
    expectClose(out, layer.forward(x), 0);
  });

  it("by hand: kept units are scaled by 1/(1 − p), dropped ones are 0, and so are their gradients", () => {
    const m = tensor([1, 0, 1, 1], { dtype: "bool" });
    const { out, cache } = dropoutForward(tensor([1, 2, 3, 4]), m, 0.2);
    expectClose(out, [1.25, 0, 3.75, 5]); // x / 0.8 where kept
    expectClose(dropoutBackward(tensor([1, 1, 1, 1]), cache).dx, [1.25, 0, 1.25, 1.25]);
  });

  it("vanilla: a = m ⊙ x in training, ∂L/∂x = m ⊙ ∂L/∂a", () => {
    const { out, cache } = dropoutForward(x, mask, 0.5, { mode: "vanilla" });
    expectClose(out, x.mul(mask), 0);
    expectClose(dropoutBackward(dout, cache).dx, dout.mul(mask), 0);
  });

  it("backward equals backward() of the same computation", () => {
    const xa = x.detach();
    xa.requiresGrad = true;
    xa.mul(mask).div(0.5).backward(dout);
    const { cache } = dropoutForward(x, mask, 0.5);
    expectClose(dropoutBackward(dout, cache).dx, xa.grad!, 1e-15);
  });

  it("passes gradcheck", () => {
    const op = (x: Tensor): Tensor => {
      const { out, cache } = dropoutForward(x, mask, 0.3);
      return record(out, "DropoutManualBackward", [x], (g) => [dropoutBackward(g, cache).dx]);
    };
    expect(gradcheck(op, [x]).ok).toBe(true);
  });

  it("explains a mask of the wrong shape and a bad p", () => {
    expect(() => dropoutForward(x, keepMask([5, 4], 0.5), 0.5)).toThrow(
      "dropoutForward: the mask must have the shape of x [4, 5], got [5, 4]",
    );
    expect(() => dropoutForward(x, mask, 1)).toThrow("dropoutForward: p must be in [0, 1), got 1");
  });
});
