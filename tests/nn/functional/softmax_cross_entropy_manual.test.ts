import { describe, expect, it } from "vitest";
import { Generator, Tensor, gradcheck, randn, tensor } from "../../../src";
import { record } from "../../../src/autograd/function";
import { crossEntropy } from "../../../src/nn/losses/cross_entropy_loss";
import {
  softmaxCrossEntropyBackward,
  softmaxCrossEntropyForward,
} from "../../../src/nn/functional/softmax_cross_entropy_manual";
import { expectClose } from "../../helpers/close";

describe("softmaxCrossEntropyForward / softmaxCrossEntropyBackward", () => {
  const z = randn([5, 4], { generator: new Generator(7) });
  const y = tensor([0, 3, 1, 1, 2], { dtype: "int32" });

  it("by hand: z = [[0, 0]], y = [0] gives L = log 2 and ∂L/∂z = [[−½, ½]]", () => {
    const { loss, cache } = softmaxCrossEntropyForward(tensor([[0, 0]]), [0]);
    expectClose(loss, Math.log(2), 1e-15);
    expectClose(cache.probs, [0.5, 0.5]);
    expectClose(softmaxCrossEntropyBackward(cache).dz, [-0.5, 0.5]);
  });

  it("the loss equals nn.crossEntropy and ∂L/∂z = (softmax(z) − onehot(y))/N equals backward()", () => {
    const za = z.detach();
    za.requiresGrad = true;
    const L = crossEntropy(za, y);
    L.backward();
    const { loss, cache } = softmaxCrossEntropyForward(z, y);
    expectClose(loss, L, 1e-14);
    const { dz } = softmaxCrossEntropyBackward(cache);
    expectClose(dz, za.grad!, 1e-15);
    expectClose(dz, z.softmax(1).sub(cache.Y).div(5), 0);
    expectClose(dz.sum(1), [0, 0, 0, 0, 0], 1e-15); // each row of p − Y sums to 1 − 1
  });

  it("passes gradcheck", () => {
    const op = (z: Tensor): Tensor => {
      const { loss, cache } = softmaxCrossEntropyForward(z, y);
      return record(loss, "SoftmaxCrossEntropyManualBackward", [z], (g) => [
        softmaxCrossEntropyBackward(cache, g.item()).dz,
      ]);
    };
    expect(gradcheck(op, [z]).ok).toBe(true);
  });

  it("stays finite for large logits", () => {
    const { loss } = softmaxCrossEntropyForward(tensor([[1000, 0]]), [1]);
    expectClose(loss, 1000, 1e-12);
  });

  it("explains mismatched shapes", () => {
    expect(() => softmaxCrossEntropyForward(z, [0, 1])).toThrow(
      "softmaxCrossEntropyForward: expected logits [N, C] and N labels, got logits [5, 4] and 2 labels",
    );
  });
});
