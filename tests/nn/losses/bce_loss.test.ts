import { describe, expect, it } from "vitest";
import { gradcheck, tensor } from "../../../src";
import { BCELoss, bceLoss } from "../../../src/nn/losses/bce_loss";
import { expectClose } from "../../helpers/close";

/**
 * Reference values computed once with PyTorch 1.13.1 (Debian python3-torch), float64:
 *
 *   p = torch.tensor([[0.9, 0.2, 0.6], [0.01, 0.5, 0.999]])
 *   t = torch.tensor([[1.0, 0.0, 0.3], [0.0, 1.0, 0.0]]);  bw = torch.tensor([1.0, 2.0, 0.5])
 *   F.binary_cross_entropy(p, t, weight=…, reduction=…)     # and p.grad after .backward()
 *
 * printed with '%.17g'.
 */
const p = () =>
  tensor([
    [0.9, 0.2, 0.6],
    [0.01, 0.5, 0.999],
  ]);
const t = () =>
  tensor([
    [1.0, 0.0, 0.3],
    [0.0, 1.0, 0.0],
  ]);
const bw = [1.0, 2.0, 0.5];
const TOL = 1e-12;

describe("bceLoss", () => {
  it("matches PyTorch for each reduction", () => {
    expectClose(bceLoss(p(), t()), 1.4556846769682206, TOL);
    expectClose(bceLoss(p(), t(), { reduction: "sum" }), 8.734108061809323, TOL);
    expectClose(
      bceLoss(p(), t(), { reduction: "none" }),
      [
        0.10536051565782628, 0.2231435513142097, 0.7946511994417057, 0.01005033585350145,
        0.6931471805599453, 6.907755278982136,
      ],
      TOL,
    );
  });

  it("matches PyTorch with a weight broadcast over the rows; the mean still divides by N", () => {
    expectClose(bceLoss(p(), t(), { weight: bw }), 0.9665325924119262, TOL);
    expectClose(bceLoss(p(), t(), { weight: bw, reduction: "sum" }), 5.799195554471558, TOL);
    expectClose(
      bceLoss(p(), t(), { weight: tensor(bw), reduction: "none" }),
      [
        0.10536051565782628, 0.4462871026284194, 0.39732559972085285, 0.01005033585350145,
        1.3862943611198906, 3.453877639491068,
      ],
      TOL,
    );
  });

  it("∂L/∂p = (p − y) / (p(1 − p)) / N, as PyTorch", () => {
    const q = p();
    q.requiresGrad = true;
    bceLoss(q, t()).backward();
    expectClose(
      q.grad!,
      [
        -0.1851851851851852, 0.2083333333333333, 0.20833333333333334, 0.16835016835016833,
        -0.3333333333333333, 166.6666666666665,
      ],
      1e-10,
    );
  });

  it("clamps the logs at −100 like PyTorch: p = 0 or 1 gives at most 100 and a finite gradient", () => {
    // torch: F.binary_cross_entropy(tensor([0., 1., 0., 1.]), tensor([1., 0., 0., 1.]), reduction="none")
    //        = [100, 100, 0, 0]; gradient of the sum = [−1.0000000039958e12, 1.0000000039958e12, 0, 0]
    //        (PyTorch divides by max(p(1 − p), ε) with ε = 1e-12 stored as a float32, 9.99999996e-13).
    const q = tensor([0, 1, 0, 1], { requiresGrad: true });
    const loss = bceLoss(q, tensor([1, 0, 0, 1]), { reduction: "none" });
    expectClose(loss, [100, 100, 0, 0], TOL);
    loss.sum().backward();
    expectClose(q.grad!, [-1e12, 1e12, 0, 0], 1e-8);
  });

  it("gradcheck passes with respect to the probabilities and the (soft) targets", () => {
    const q = tensor([0.3, 0.8, 0.05, 0.6], { requiresGrad: true });
    const y = tensor([1, 0, 0.25, 0.6], { requiresGrad: true });
    expect(gradcheck((a, b) => bceLoss(a, b, { weight: [1, 2, 3, 4] }), [q, y]).ok).toBe(true);
    expect(gradcheck((a, b) => bceLoss(a, b, { reduction: "none" }), [q, y]).ok).toBe(true);
  });

  it("refuses inputs outside [0, 1], naming the value and where it is", () => {
    expect(() => bceLoss(tensor([[0.5, 1.2]]), tensor([[1, 0]]))).toThrow(
      "bceLoss: input must hold probabilities in [0, 1], got 1.2 at [0, 1]; apply sigmoid first, or pass the logits to bceWithLogitsLoss",
    );
    expect(() => bceLoss(tensor([0.5, -2]), tensor([1, 0]))).toThrow("got -2 at position 1");
    expect(() => bceLoss(tensor([0.5, NaN]), tensor([1, 0]))).toThrow("got NaN at position 1");
  });

  it("refuses mismatched shapes and weights that would enlarge the input", () => {
    expect(() => bceLoss(tensor([[0.5], [0.5]]), tensor([1, 0]))).toThrow(
      "bceLoss: input [2, 1] and target [2] must have the same shape",
    );
    expect(() =>
      bceLoss(tensor([0.5, 0.5]), tensor([1, 0]), { weight: tensor([[1], [2]]) }),
    ).toThrow("bceLoss: weight [2, 1] must broadcast to the input's shape [2]");
  });

  it("BCELoss is bceLoss as a module, its weight a buffer", () => {
    const lossFn = new BCELoss({ weight: bw });
    expectClose(lossFn.forward(p(), t()), 0.9665325924119262, TOL);
    expect(Object.keys(lossFn.stateDict())).toEqual(["weight"]);
    expect(() => lossFn.forward(p())).toThrow("BCELoss.forward: expected (input, target)");
  });
});
