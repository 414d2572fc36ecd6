import { describe, expect, it } from "vitest";
import { gradcheck, noGrad, tensor, zeros } from "../../../src";
import { PerceptronLoss, perceptronLoss } from "../../../src/nn/losses/perceptron_loss";
import { expectClose } from "../../helpers/close";

describe("perceptronLoss (lecture 004)", () => {
  it("sums −yᵢsᵢ over the misclassified points only", () => {
    // y·s = [2, −0.5, 1.5, −3] → misclassified: points 1 and 3 → L = 0.5 + 3 = 3.5
    const s = tensor([2, 0.5, -1.5, 3]);
    const y = tensor([1, -1, -1, -1]);
    expectClose(perceptronLoss(s, y), 3.5);
    expectClose(perceptronLoss(s, y, { reduction: "none" }), [0, 0.5, 0, 3]);
    expectClose(perceptronLoss(s, y, { reduction: "mean" }), 3.5 / 4);
  });

  it("its subgradient is −yᵢ on misclassified points: ∇w = −Σ_M yᵢxᵢ, ∇b = −Σ_M yᵢ", () => {
    const X = tensor([
      [1, 2],
      [2, -1],
      [-1, -1],
    ]);
    const y = tensor([1, 1, -1]);
    const w = tensor([[0.5], [-1]], { requiresGrad: true });
    const b = tensor([0.2], { requiresGrad: true });
    // s = Xw + b = [−1.3, 2.2, 0.7]; y·s = [−1.3, 2.2, −0.7] → M = {0, 2}
    perceptronLoss(X.matmul(w).add(b).reshape(3), y).backward();
    // ∇w = −(1·[1, 2] + (−1)·[−1, −1]) = −[2, 3];  ∇b = −(1 − 1) = 0
    expectClose(w.grad!, [[-2], [-3]]);
    expectClose(b.grad!, [0]);
  });

  it("one SGD step on a misclassified point is the perceptron update w ← w + αyx", () => {
    const x = tensor([[2, -1]]);
    const w = tensor([[-1], [0.5]], { requiresGrad: true }); // s = −2.5 with y = +1: wrong
    perceptronLoss(x.matmul(w).reshape(1), tensor([1])).backward();
    const alpha = 0.1;
    const updated = noGrad(() => w.sub(w.grad!.mul(alpha)));
    expectClose(updated, [[-1 + 0.1 * 2], [0.5 + 0.1 * -1]]);
  });

  it("starts learning from w = 0: points on the hyperplane count as misclassified", () => {
    const X = tensor([
      [1, 2],
      [3, -1],
    ]);
    const w = zeros([2, 1], { requiresGrad: true });
    const L = perceptronLoss(X.matmul(w).reshape(2), tensor([1, -1]));
    expect(L.item() === 0).toBe(true); // loss 0 …
    L.backward();
    expectClose(w.grad!, [[-(1 - 3)], [-(2 + 1)]]); // … but gradient −Σ yᵢxᵢ = [2, −3]
  });

  it("gradcheck passes away from the kink yᵢsᵢ = 0", () => {
    const s = tensor([0.7, -1.2, 2.5, -0.3, 1.1], { requiresGrad: true });
    const y = tensor([1, 1, -1, -1, 1]);
    expect(gradcheck((a) => perceptronLoss(a, y), [s]).ok).toBe(true);
    expect(gradcheck((a) => perceptronLoss(a, y, { reduction: "none" }), [s]).ok).toBe(true);
  });

  it("refuses 0/1 labels and mismatched shapes", () => {
    expect(() => perceptronLoss(tensor([1, 2]), tensor([1, 0]))).toThrow(
      "perceptronLoss: labels must be −1 or +1, got 0 at position 1; map 0/1 labels with y.mul(2).sub(1)",
    );
    expect(() => perceptronLoss(tensor([[1], [2]]), tensor([1, -1]))).toThrow(
      "perceptronLoss: input [2, 1] and target [2] must have the same shape",
    );
  });

  it("PerceptronLoss is perceptronLoss as a module (default reduction sum)", () => {
    expectClose(new PerceptronLoss().forward(tensor([2, 0.5]), tensor([1, -1])), 0.5);
  });
});
