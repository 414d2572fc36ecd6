import { describe, expect, it } from "vitest";
import { gradcheck, randn, Generator, tensor } from "../../../src";
import { bceLoss } from "../../../src/nn/losses/bce_loss";
import { bceWithLogitsLoss } from "../../../src/nn/losses/bce_with_logits_loss";
import { MSELoss, mseLoss } from "../../../src/nn/losses/mse_loss";
import { expectClose } from "../../helpers/close";

/**
 * Reference values computed once with PyTorch 1.13.1 (Debian python3-torch), float64:
 *
 *   a = torch.tensor([[0.5, 1.5], [2.0, -1.0]]); b = torch.tensor([[1.0, 1.0], [0.0, 0.0]])
 *   F.mse_loss(a, b, reduction=…)            # and a.grad after F.mse_loss(a, b).backward()
 */
const input = () =>
  tensor([
    [0.5, 1.5],
    [2.0, -1.0],
  ]);
const target = () =>
  tensor([
    [1.0, 1.0],
    [0.0, 0.0],
  ]);

describe("mseLoss", () => {
  it("matches PyTorch for mean, sum and none", () => {
    expectClose(mseLoss(input(), target()), 1.375);
    expectClose(mseLoss(input(), target(), { reduction: "sum" }), 5.5);
    expectClose(mseLoss(input(), target(), { reduction: "none" }), [
      [0.25, 0.25],
      [4.0, 1.0],
    ]);
  });

  it('"halfSum" is lecture 004\'s ½Σ(y − ŷ)²: half of "sum"', () => {
    // ½ (0.25 + 0.25 + 4 + 1) = 2.75
    expectClose(mseLoss(input(), target(), { reduction: "halfSum" }), 2.75);
  });

  it("∂L/∂ŷ = 2(ŷ − y)/N for the mean (PyTorch's grad), ŷ − y for halfSum", () => {
    const a = tensor(
      [
        [0.5, 1.5],
        [2.0, -1.0],
      ],
      { requiresGrad: true },
    );
    mseLoss(a, target()).backward();
    expectClose(a.grad!, [
      [-0.25, 0.25],
      [1.0, -0.5],
    ]); // torch: a.grad
    const b = tensor(
      [
        [0.5, 1.5],
        [2.0, -1.0],
      ],
      { requiresGrad: true },
    );
    mseLoss(b, target(), { reduction: "halfSum" }).backward();
    expectClose(b.grad!, [
      [-0.5, 0.5],
      [2.0, -1.0],
    ]);
  });

  it("gradcheck passes for every reduction, with respect to input and target", () => {
    const g = new Generator(1);
    for (const reduction of ["mean", "sum", "halfSum", "none"] as const) {
      const xs = [
        randn([3, 2], { generator: g, requiresGrad: true }),
        randn([3, 2], { generator: g, requiresGrad: true }),
      ];
      expect(gradcheck((p, q) => mseLoss(p, q, { reduction }), xs).ok).toBe(true);
    }
  });

  it("refuses shapes that would broadcast, naming both", () => {
    expect(() => mseLoss(tensor([[1], [2], [3]]), tensor([1, 2, 3]))).toThrow(
      "mseLoss: input [3, 1] and target [3] must have the same shape; reshape one to match (e.g. target.reshape(3, 1))",
    );
    expect(() => mseLoss(input(), target(), { reduction: "half" as "halfSum" })).toThrow(
      'mseLoss: reduction must be one of "mean", "sum", "halfSum", "none", got "half"',
    );
  });

  it("MSELoss is mseLoss as a module", () => {
    expectClose(new MSELoss({ reduction: "halfSum" }).forward(input(), target()), 2.75);
    expect(() => new MSELoss({ reduction: "avg" as "mean" })).toThrow(
      "MSELoss: reduction must be one of",
    );
  });
});

describe("lecture 004", () => {
  it("the worked example's L = ½Σ(y − ŷ)² = 0.0478 with reduction halfSum", () => {
    // Lecture 004's network: x = [0.02, 0.04, 0.01], W⁽¹⁾, b⁽¹⁾ = 0.4, W⁽²⁾, b⁽²⁾ = 0.7, sigmoid
    // everywhere, y = [0.9, 0.5]; it reports ŷ = [0.7609, 0.7760] and L = 0.0478.
    const x = tensor([[0.02, 0.04, 0.01]]);
    const W1 = tensor([
      [0.25, 0.15, 0.3],
      [0.25, 0.2, 0.35],
      [0.1, 0.25, 0.15],
    ]);
    const W2 = tensor(
      [
        [0.4, 0.25],
        [0.35, 0.3],
        [0.01, 0.35],
      ],
      { requiresGrad: true },
    );
    const yHat = x.matmul(W1).add(0.4).sigmoid().matmul(W2).add(0.7).sigmoid();
    const L = mseLoss(yHat, tensor([[0.9, 0.5]]), { reduction: "halfSum" });
    expect(Math.round(L.item() * 1e4) / 1e4).toBe(0.0478);
    L.backward();
    expect(Math.round(W2.grad!.get(1, 0) * 1e4) / 1e4).toBe(-0.0152); // ∂L/∂w⁽²⁾₂,₁
  });

  it("MSE + sigmoid learns slowly: ∂L/∂z carries σ′(z) ≈ 0 at z = −5, y = 1; cross-entropy's does not", () => {
    // ŷ = σ(−5) = 0.0066929, σ′(−5) = ŷ(1 − ŷ) = 0.0066481.
    // MSE (½(y − ŷ)²): ∂L/∂z = (ŷ − y)·σ′(z) = −0.9933071 · 0.0066481 = −0.0066036
    // BCE:             ∂L/∂z = ŷ − y = −0.9933071   (σ′ cancels; 150× larger)
    const s = 1 / (1 + Math.exp(5));
    const gradOf = (loss: (z: ReturnType<typeof tensor>) => ReturnType<typeof tensor>) => {
      const z = tensor([-5], { requiresGrad: true });
      loss(z).backward();
      return z.grad!.item();
    };
    const y = tensor([1]);
    const mse = gradOf((z) => mseLoss(z.sigmoid(), y, { reduction: "halfSum" }));
    const bce = gradOf((z) => bceLoss(z.sigmoid(), y));
    const bceLogits = gradOf((z) => bceWithLogitsLoss(z, y));
    expectClose(mse, (s - 1) * s * (1 - s), 1e-12);
    expectClose(mse, -0.0066036, 1e-6);
    expectClose(bce, s - 1, 1e-12);
    expectClose(bceLogits, s - 1, 1e-12);
    expectClose(bce, -0.9933071, 1e-6);
    expect(Math.abs(mse)).toBeLessThan(0.01);
    expect(Math.abs(bce) / Math.abs(mse)).toBeGreaterThan(100);
  });
});
