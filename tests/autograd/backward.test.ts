import { describe, expect, it } from "vitest";
import { noGrad, tensor, zeros } from "../../src";
import { expectClose } from "../helpers/close";

describe("backward()", () => {
  it("d(x²)/dx = 2x at x = 3 is 6", () => {
    const x = tensor(3, { requiresGrad: true });
    x.mul(x).backward();
    expectClose(x.grad!, 6);
  });

  it("sums the gradient over every path: f = x·y + x, ∂f/∂x = y + 1", () => {
    const x = tensor([2], { requiresGrad: true });
    const y = tensor([5], { requiresGrad: true });
    x.mul(y).add(x).sum().backward();
    expectClose(x.grad!, [6]);
    expectClose(y.grad!, [2]);
  });

  it("accumulates across calls like PyTorch until zeroGrad()", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    w.mul(3).sum().backward();
    w.mul(3).sum().backward();
    expectClose(w.grad!, [6, 6]);
    w.zeroGrad();
    expect(w.grad).toBeNull();
  });

  it("leaves the gradients of two inputs independent when they share one upstream gradient", () => {
    const a = tensor([1], { requiresGrad: true });
    const b = tensor([1], { requiresGrad: true });
    a.add(b).sum().backward();
    a.add(b).sum().backward(); // accumulating into a.grad must not change b.grad
    expectClose(a.grad!, [2]);
    expectClose(b.grad!, [2]);
  });

  it("takes an explicit upstream gradient for a non-scalar", () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    x.mul(2).backward(tensor([1, 0, -1]));
    expectClose(x.grad!, [2, 0, -2]);
  });

  it("explains backward() on a non-scalar without a gradient", () => {
    const x = zeros([32, 10], { requiresGrad: true });
    expect(() => x.mul(2).backward()).toThrow(
      "backward(): called on a [32, 10] tensor; reduce to a scalar (loss.mean()) or pass the upstream gradient",
    );
  });

  it("explains backward() on a tensor outside the graph", () => {
    expect(() => tensor([1]).sum().backward()).toThrow(
      /does not require grad; create the inputs with \{ requiresGrad: true \}/,
    );
  });

  it("retainGrad() keeps the gradient of an intermediate, as the lectures' ∂L/∂ŷ", () => {
    const z = tensor([0.5], { requiresGrad: true });
    const yHat = z.sigmoid().retainGrad();
    yHat.sub(0.9).pow(2).mul(0.5).sum().backward();
    expectClose(yHat.grad!, [yHat.item() - 0.9], 1e-12);
  });

  it("noGrad records nothing; detach cuts the graph", () => {
    const w = tensor([1], { requiresGrad: true });
    const inside = noGrad(() => w.mul(2));
    expect(inside.requiresGrad).toBe(false);
    expect(w.mul(2).detach().requiresGrad).toBe(false);
    expect(w.mul(2).gradFn?.name).toBe("MulBackward");
  });

  it("gradients of a float32 leaf stay float32", () => {
    const w = tensor([1, 2], { dtype: "float32", requiresGrad: true });
    w.mul(tensor([3, 4]))
      .sum()
      .backward(); // promoted to float64 on the way
    expect(w.grad!.dtype).toBe("float32");
    expectClose(w.grad!, [3, 4]);
  });

  it("a deep chain of 10,000 ops does not overflow the stack", () => {
    const x = tensor([1], { requiresGrad: true });
    let y = x;
    for (let i = 0; i < 10000; i++) y = y.mul(1);
    y.sum().backward();
    expectClose(x.grad!, [1]);
  });

  it("refuses gradients on integer tensors", () => {
    expect(() => tensor([1], { dtype: "int32", requiresGrad: true })).toThrow(
      /only float tensors can have gradients/,
    );
  });
});
