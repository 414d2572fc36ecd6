import { describe, expect, it } from "vitest";
import { gradcheck, noGrad, tensor } from "../../../src";
import { l1Penalty, l2Penalty } from "../../../src/nn/losses/penalties";
import { expectClose } from "../../helpers/close";

const W = () =>
  tensor(
    [
      [0.5, -2],
      [0, 1],
    ],
    { requiresGrad: true },
  );
const v = () => tensor([-3, 0.25], { requiresGrad: true });

describe("l1Penalty", () => {
  it("is λΣ|w| over all given tensors", () => {
    // Σ|w| = 0.5 + 2 + 0 + 1 + 3 + 0.25 = 6.75
    expectClose(l1Penalty([W(), v()], 0.1), 0.675, 1e-15);
    expectClose(l1Penalty(W(), 2), 7, 1e-15);
  });

  it("has gradient λ·sign(w) (0 at w = 0), lecture 004's θ sign(w)", () => {
    const w = W();
    l1Penalty([w], 0.1).backward();
    expectClose(
      w.grad!,
      [
        [0.1, -0.1],
        [0, 0.1],
      ],
      1e-15,
    );
  });
});

describe("l2Penalty", () => {
  it("is (λ/2)Σw², as lectures 001 and 004 write it", () => {
    // Σw² = 0.25 + 4 + 0 + 1 + 9 + 0.0625 = 14.3125
    expectClose(l2Penalty([W(), v()], 0.1), 0.715625, 1e-15);
  });

  it("is λΣw² with { half: false }, as lecture 002 writes it", () => {
    expectClose(l2Penalty([W(), v()], 0.1, { half: false }), 1.43125, 1e-15);
  });

  it("has gradient λw: the same step as SGD's coupled weightDecay λ (g ← g + λw)", () => {
    const lambda = 0.01;
    const lr = 0.5;
    const w = W();
    l2Penalty([w], lambda).backward();
    expectClose(w.grad!, w.detach().mul(lambda), 1e-15);
    // penalty in the loss, plain SGD:   w − α·λw
    // weight decay in the optimiser:    w − α·(0 + λw)     (torch.optim.SGD's weight_decay)
    const viaPenalty = noGrad(() => w.sub(w.grad!.mul(lr)));
    const viaWeightDecay = noGrad(() => w.sub(w.mul(lambda).mul(lr)));
    expectClose(viaPenalty, viaWeightDecay, 1e-15);
    // lecture 004: w ← (1 − ηθ)w − η∇L
    expectClose(viaPenalty, w.detach().mul(1 - lr * lambda), 1e-15);
  });

  it("gradcheck passes for both penalties", () => {
    const a = tensor(
      [
        [0.5, -2],
        [0.3, 1],
      ],
      { requiresGrad: true },
    );
    expect(gradcheck((x, y) => l2Penalty([x, y], 0.3), [a, v()]).ok).toBe(true);
    expect(gradcheck((x, y) => l1Penalty([x, y], 0.3), [a, v()]).ok).toBe(true);
  });

  it("is 0 for no tensors; refuses a negative λ and non-tensors", () => {
    expectClose(l2Penalty([], 0.1), 0);
    expect(() => l2Penalty([W()], -1)).toThrow(
      "l2Penalty: lambda must be a finite number ≥ 0, got -1",
    );
    expect(() => l1Penalty([W(), 3 as unknown as ReturnType<typeof W>], 0.1)).toThrow(
      "l1Penalty: params must be tensors (e.g. net.parameters()), got number at position 1",
    );
  });

  it("keeps float32 parameters in float32", () => {
    expect(l2Penalty([tensor([1, 2], { dtype: "float32" })], 0.1).dtype).toBe("float32");
  });
});
