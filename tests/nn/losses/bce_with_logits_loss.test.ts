import { describe, expect, it } from "vitest";
import { gradcheck, tensor } from "../../../src";
import { bceLoss } from "../../../src/nn/losses/bce_loss";
import { BCEWithLogitsLoss, bceWithLogitsLoss } from "../../../src/nn/losses/bce_with_logits_loss";
import { expectClose } from "../../helpers/close";

/**
 * Reference values computed once with PyTorch 1.13.1 (Debian python3-torch), float64:
 *
 *   zl = torch.tensor([[2.0, -1.0, 0.0], [-3.0, 0.5, 10.0]])
 *   t = torch.tensor([[1.0, 0.0, 0.3], [0.0, 1.0, 0.0]])
 *   pw = torch.tensor([2.0, 1.0, 0.5]);  bw = torch.tensor([1.0, 2.0, 0.5])
 *   F.binary_cross_entropy_with_logits(zl, t, weight=…, pos_weight=…, reduction=…)
 *
 * printed with '%.17g'.
 */
const z = () =>
  tensor([
    [2.0, -1.0, 0.0],
    [-3.0, 0.5, 10.0],
  ]);
const t = () =>
  tensor([
    [1.0, 0.0, 0.3],
    [0.0, 1.0, 0.0],
  ]);
const pw = [2.0, 1.0, 0.5];
const TOL = 1e-12;

describe("bceWithLogitsLoss", () => {
  it("matches PyTorch for each reduction", () => {
    expectClose(bceWithLogitsLoss(z(), t()), 1.9426744356290344, TOL);
    expectClose(bceWithLogitsLoss(z(), t(), { reduction: "sum" }), 11.656046613774206, TOL);
    expectClose(
      bceWithLogitsLoss(z(), t(), { reduction: "none" }),
      [
        0.1269280110429726, 0.31326168751822286, 0.6931471805599453, 0.048587351573741965,
        0.4740769841801067, 10.000045398899218,
      ],
      TOL,
    );
  });

  it("matches PyTorch with posWeight (broadcast along the last axis) and weight", () => {
    expectClose(bceWithLogitsLoss(z(), t(), { posWeight: pw }), 1.946500424622198, TOL);
    expectClose(
      bceWithLogitsLoss(z(), t(), { posWeight: tensor(pw), reduction: "sum" }),
      11.679002547733187,
      TOL,
    );
    expectClose(
      bceWithLogitsLoss(z(), t(), { posWeight: pw, reduction: "none" }),
      [
        0.2538560220859452, 0.3132616875182228, 0.5891751034759535, 0.048587351573742055,
        0.4740769841801067, 10.000045398899218,
      ],
      TOL,
    );
    const both = bceWithLogitsLoss(z(), t(), { posWeight: pw, weight: [1.0, 2.0, 0.5] });
    expectClose(both, 1.1952884947073221, TOL);
  });

  it("∂L/∂z matches PyTorch with posWeight", () => {
    const logits = z();
    logits.requiresGrad = true;
    bceWithLogitsLoss(logits, t(), { posWeight: pw }).backward();
    expectClose(
      logits.grad!,
      [
        -0.0397343073407059, 0.04482357022833252, 0.045833333333333316, 0.00790431219626113,
        -0.0629234447996909, 0.16665910035521628,
      ],
      1e-12,
    );
  });

  it("∂L/∂z = σ(z) − y, exact at z = 0 where max and |·| have kinks", () => {
    // zero-initialised logistic regression starts at z = 0: the gradient must be σ(0) − y = 0.5 − y
    const logits = tensor([0, 0, 0], { requiresGrad: true });
    bceWithLogitsLoss(logits, tensor([1, 0, 0.3]), { reduction: "sum" }).backward();
    expectClose(logits.grad!, [-0.5, 0.5, 0.2], 1e-15);
  });

  it("is stable for huge logits (PyTorch: z = ±800 → 800; ±40 on the right side → 0)", () => {
    const loss = bceWithLogitsLoss(tensor([-800, 800, 40, -40]), tensor([1, 0, 1, 0]), {
      reduction: "none",
    });
    expectClose(loss, [800, 800, 0, 0], 1e-12);
  });

  it("equals bceLoss of the sigmoid where the sigmoid does not saturate", () => {
    const opts = { weight: [1.0, 2.0, 0.5] };
    expectClose(bceWithLogitsLoss(z(), t(), opts), bceLoss(z().sigmoid(), t(), opts), 1e-12);
  });

  it("gradcheck passes with respect to logits and targets, with weight and posWeight", () => {
    const logits = tensor(
      [
        [1.5, -0.7, 0.2],
        [-2.0, 0.9, 3.0],
      ],
      { requiresGrad: true },
    );
    const y = tensor(
      [
        [1, 0, 0.4],
        [0, 1, 0.9],
      ],
      { requiresGrad: true },
    );
    const f = (a: typeof y, b: typeof y) =>
      bceWithLogitsLoss(a, b, { posWeight: pw, weight: [1, 3, 0.5], reduction: "sum" });
    expect(gradcheck(f, [logits, y]).ok).toBe(true);
    expect(gradcheck((a, b) => bceWithLogitsLoss(a, b), [logits, y]).ok).toBe(true);
  });

  it("names both shapes when they differ; refuses a posWeight that does not fit", () => {
    expect(() => bceWithLogitsLoss(tensor([[1], [2]]), tensor([1, 0]))).toThrow(
      "bceWithLogitsLoss: input [2, 1] and target [2] must have the same shape",
    );
    expect(() => bceWithLogitsLoss(z(), t(), { posWeight: [1, 2] })).toThrow(
      "bceWithLogitsLoss: cannot broadcast [2, 3] with [2]",
    );
  });

  it("BCEWithLogitsLoss is bceWithLogitsLoss as a module", () => {
    const lossFn = new BCEWithLogitsLoss({ posWeight: pw });
    expectClose(lossFn.forward(z(), t()), 1.946500424622198, TOL);
    expect(Object.keys(lossFn.stateDict())).toEqual(["posWeight"]);
  });
});
