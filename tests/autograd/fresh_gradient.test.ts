import { describe, expect, it } from "vitest";
import { Generator, randn, tensor } from "../../src";
import { freshGradient, record } from "../../src/autograd/function";
import { linear } from "../../src/tensor/linear";
import { Tensor } from "../../src/tensor/tensor";
import { expectClose } from "../helpers/close";

describe("freshGradient", () => {
  it("a marked gradient becomes the leaf's .grad itself; an unmarked one is copied", () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const y = tensor([4, 5, 6], { requiresGrad: true });
    const gx = tensor([7, 8, 9]);
    const gy = tensor([1, 1, 1]);
    const out = record(x.detach().add(y.detach()), "TestBackward", [x, y], () => [
      freshGradient(gx),
      gy,
    ]);
    out.backward(tensor([1, 1, 1]));
    expect(x.grad).toBe(gx); // no copy
    expect(y.grad).not.toBe(gy); // copied: gy may be shared
    expectClose(y.grad!, [1, 1, 1]);
  });

  it("a second backward accumulates into the kept gradient: ∂W doubles", () => {
    const x = randn([5, 4], { generator: new Generator(1) });
    const W = randn([3, 4], { generator: new Generator(2) });
    W.requiresGrad = true;
    linear(x, W, null).sum().backward();
    const once = Array.from(W.grad!.data);
    linear(x, W, null).sum().backward();
    expectClose(
      W.grad!,
      once.map((v) => 2 * v),
    );
  });

  it("a weight used twice gets the sum of both gradients, and the two uses stay independent", () => {
    const x = randn([5, 4], { generator: new Generator(3) });
    const W = randn([4, 4], { generator: new Generator(4) });
    W.requiresGrad = true;
    const h = linear(x, W, null);
    linear(h, W, null).sum().backward(); // ∂W = Gᵀx + G₂ᵀh, two contributions
    const W2 = new Tensor(W.data.slice(), [4, 4]);
    W2.requiresGrad = true;
    x.matmul(W2.T).matmul(W2.T).sum().backward();
    expectClose(W.grad!, W2.grad!, 1e-12);
  });
});
